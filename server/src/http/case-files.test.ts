/**
 * The workbench opens a case's materials: the bytes as uploaded, with the
 * sniffed type, shown inline, never cached; only files that case took; and
 * every look is in the citizen's 访问记录.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '@tongban/core'
import { foodLicenceApplication, signInCitizen, startTestServer, uploadAs, type TestServer } from '../testing'
import { DEMO_STAFF_PASSWORD } from '../../seed/staff'
import { pngBytes } from '../uploads/fixtures/files'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server?.close() })

const as = (token: string) => ({ authorization: `Bearer ${token}` })
const upload = (token: string, name: string, data: Buffer, type: string) => uploadAs(server.app, token, name, data, type)
const foodLicence = foodLicenceApplication

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
