/**
 * The workbench opens a case's materials: the bytes as uploaded, with the
 * sniffed type, shown inline, never cached; only files that case took; and
 * every look is in the citizen's 访问记录.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail, SubmitCaseBody, UploadedFile } from '@tongban/core'
import { signInCitizen, startTestServer, type TestServer } from '../testing'
import { DEMO_STAFF_PASSWORD } from '../../seed/staff'
import { multipartBody, pngBytes } from '../uploads/fixtures/files'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server?.close() })

const as = (token: string) => ({ authorization: `Bearer ${token}` })
async function upload(token: string, name: string, data: Buffer, type: string): Promise<UploadedFile> {
  const { body, contentType } = multipartBody([{ name: 'file', filename: name, type, data }])
  const res = await server.app.inject({ method: 'POST', url: '/api/uploads', payload: body, headers: { 'content-type': contentType, ...as(token) } })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<UploadedFile>()
}

function foodLicence(fileId: string): SubmitCaseBody {
  return {
    itemCode: 'SJ-0001', formVersion: 1, answers: { category: 'prepack' }, delivery: 'pickup', personalDataConsent: true,
    values: {
      operatorName: '示例市杏花村小吃店', creditCode: '91350100M000100Y43', legalPerson: '张三', legalPersonId: '11010519491231002X',
      phone: '13600000000', premisesRegion: { province: '330000', city: '330100', district: '330106' }, premisesAddress: '文三路100号1楼',
      premisesArea: 60, mainBusiness: 'sales', businessItems: ['prepacked'],
      businessLicenceFile: { kind: 'upload', fileId }, pledge: true,
    },
  }
}

describe('opening a case’s materials on the workbench', () => {
  it('serves the file the case took, inline with its type, and logs the look for the citizen', async () => {
    const { token } = await signInCitizen(server.app, '13655550001', '10.55.0.1')
    const png = pngBytes(40, 30)
    const file = await upload(token, '营业执照扫描件.png', png, 'image/png')
    const stray = await upload(token, '没用上的.png', pngBytes(8, 8), 'image/png')
    const created = await server.app.inject({ method: 'POST', url: '/api/cases', payload: foodLicence(file.id), headers: { ...as(token), 'idempotency-key': 'case-files-00000000001' } })
    expect(created.statusCode, created.body).toBe(201)
    const { caseNo } = created.json<CaseDetail>()
    const clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token

    const res = await server.app.inject({ url: `/api/staff/cases/${caseNo}/files/${file.id}`, headers: as(clerk) })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.rawPayload.equals(png)).toBe(true)
    expect(res.headers).toMatchObject({
      'content-type': 'image/png', 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff',
      'content-disposition': expect.stringMatching(/^inline; .*filename\*=UTF-8''%E8%90%A5/),
    })

    // A file of the same citizen that this case did not take, an unknown case, a malformed id: 404 problem+json.
    for (const url of [`/api/staff/cases/${caseNo}/files/${stray.id}`, `/api/staff/cases/SJ-0001-20200101-0001/files/${file.id}`, `/api/staff/cases/${caseNo}/files/x`]) {
      const miss = await server.app.inject({ url, headers: as(clerk) })
      expect(miss.statusCode, url).toBe(404)
      expect(miss.headers['content-type']).toContain('application/problem+json')
    }
    // Citizens cannot use the staff route, not even for their own case.
    expect((await server.app.inject({ url: `/api/staff/cases/${caseNo}/files/${file.id}`, headers: as(token) })).statusCode).toBe(401)

    const log = (await server.app.inject({ url: '/api/me/access-log', headers: as(token) })).json<{ fields: string[]; purpose: string }[]>()
    expect(log.filter((e) => e.fields.includes('material:营业执照扫描件.png'))).toHaveLength(1)
  })
})
