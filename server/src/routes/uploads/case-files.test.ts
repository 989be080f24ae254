/**
 * The workbench opens a case's materials: the bytes as uploaded, with the
 * sniffed type, an image inline and a PDF as an attachment, sandboxed,
 * never cached; an image also as a small JPEG preview; only files that
 * case took; and every look is in the citizen's 访问记录.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import type { CaseDetail, Problem } from '@tongban/core'
import { foodLicenceApplication, signInCitizen, startTestServer, uploadAs, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { pdfBytes, pngBytes } from '../../uploads/fixtures/files'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server?.close() })

const as = (token: string) => ({ authorization: `Bearer ${token}` })
const upload = (token: string, name: string, data: Buffer, type: string) => uploadAs(server.app, token, name, data, type)
const foodLicence = foodLicenceApplication

describe('opening a case’s materials on the workbench', () => {
  it('serves the file the case took, inline with its type, and logs the look for the citizen', async () => {
    const { token, realName } = await signInCitizen(server.app, '13655550001', '10.55.0.1')
    const png = pngBytes(40, 30)
    const file = await upload(token, '营业执照扫描件.png', png, 'image/png')
    const stray = await upload(token, '没用上的.png', pngBytes(8, 8), 'image/png')
    const created = await server.app.inject({ method: 'POST', url: '/api/cases', payload: foodLicence(file.id, realName!), headers: { ...as(token), 'idempotency-key': 'case-files-00000000001' } })
    expect(created.statusCode, created.body).toBe(201)
    const { caseNo, materials } = created.json<CaseDetail>()
    // The case records the file as the pages show it: its name, size and type.
    expect(materials.find((m) => m.kind === 'upload')).toEqual({ field: 'businessLicenceFile', label: '营业执照', kind: 'upload', title: '营业执照扫描件.png', size: png.length, mime: 'image/png' })
    const clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
    const staffView = (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers: as(clerk) })).json<CaseDetail>()
    expect(staffView.materials).toEqual(materials)

    const res = await server.app.inject({ url: `/api/staff/cases/${caseNo}/files/${file.id}`, headers: as(clerk) })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.rawPayload.equals(png)).toBe(true)
    expect(res.headers).toMatchObject({
      'content-type': 'image/png', 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff',
      'content-disposition': expect.stringMatching(/^inline; .*filename\*=UTF-8''%E8%90%A5/),
      'content-security-policy': "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
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

  it('gives an image as a JPEG at most 1600 px on its long side (?preview=1), a PDF only as a sandboxed attachment', async () => {
    const { token, realName } = await signInCitizen(server.app, '13655550002', '10.55.0.2')
    // 20 MP, under the 25 MP cap: 80 MB once decoded, the preview a few KB.
    const big = pngBytes(5000, 4000)
    const photo = await upload(token, '经营场所平面图.png', big, 'image/png')
    const pdf = pdfBytes()
    const lease = await upload(token, '租赁合同.pdf', pdf, 'application/pdf')
    const values = foodLicenceApplication(photo.id, realName!)
    const created = await server.app.inject({ method: 'POST', url: '/api/cases', payload: values, headers: { ...as(token), 'idempotency-key': 'case-files-00000000002' } })
    expect(created.statusCode, created.body).toBe(201)
    const { caseNo } = created.json<CaseDetail>()
    const clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token

    const preview = await server.app.inject({ url: `/api/staff/cases/${caseNo}/files/${photo.id}?preview=1`, headers: as(clerk) })
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.headers).toMatchObject({
      'content-type': 'image/jpeg', 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff',
      'content-security-policy': expect.stringMatching(/^sandbox;/),
      'content-disposition': expect.stringMatching(/^inline; .*filename\*=UTF-8''.*%EF%BC%88%E9%A2%84%E8%A7%88%EF%BC%89\.jpg$/),
    })
    const meta = await sharp(preview.rawPayload).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1600, 1280])
    expect(preview.rawPayload.length).toBeLessThan(200_000)
    // The original is still there, as uploaded.
    expect((await server.app.inject({ url: `/api/staff/cases/${caseNo}/files/${photo.id}`, headers: as(clerk) })).rawPayload.equals(big)).toBe(true)

    // A case whose material is a PDF: the bytes as uploaded, as an attachment, and no preview.
    const second = await server.app.inject({ method: 'POST', url: '/api/cases', payload: foodLicenceApplication(lease.id, realName!), headers: { ...as(token), 'idempotency-key': 'case-files-00000000003' } })
    expect(second.statusCode, second.body).toBe(201)
    const other = second.json<CaseDetail>().caseNo
    const file = await server.app.inject({ url: `/api/staff/cases/${other}/files/${lease.id}`, headers: as(clerk) })
    expect(file.statusCode).toBe(200)
    expect(file.rawPayload.equals(pdf)).toBe(true)
    expect(file.headers).toMatchObject({
      'content-type': 'application/pdf', 'x-content-type-options': 'nosniff',
      'content-security-policy': expect.stringMatching(/^sandbox;/), 'content-disposition': expect.stringMatching(/^attachment; /),
    })
    const noPreview = await server.app.inject({ url: `/api/staff/cases/${other}/files/${lease.id}?preview=1`, headers: as(clerk) })
    expect(noPreview.statusCode).toBe(400)
    expect(noPreview.json<Problem>()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'preview', message: expect.stringMatching(/PDF/) }] })
  })
})
