import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateForm, type FormResult, type Item, type Problem } from '@tongban/core'
import { signInCitizen, startTestServer, type TestServer } from '../../testing'

let server: TestServer
let token: string
beforeAll(async () => {
  server = await startTestServer()
  token = (await signInCitizen(server.app, '13866667777')).token
})
afterAll(async () => { await server?.close() })

const check = (code: string, payload: object, auth = true) =>
  server.app.inject({ method: 'POST', url: `/api/items/${code}/form/check`, payload, headers: auth ? { authorization: `Bearer ${token}` } : {} })

const good = {
  operatorName: '示例市晨光餐饮有限公司', creditCode: '91350100M000100Y43', legalPerson: '张三', legalPersonId: '11010519491231002X',
  phone: '13866667777', premisesRegion: { province: '370000', city: '370100', district: '370102' }, premisesAddress: '人民大道188号一层',
  premisesArea: 120, mainBusiness: 'catering', businessItems: ['hot', 'cold'],
  safetyManagers: [{ name: '李四', idNumber: '11010519491231002X', certificateNo: 'SP-2026-0001' }],
  businessLicenceFile: { kind: 'eLicence', licenceId: 'lic-1' }, layoutFile: { kind: 'upload', fileId: 'f1' },
  kitchenFlowFile: { kind: 'upload', fileId: 'f2' }, rulesFile: { kind: 'upload', fileId: 'f3' }, pledge: true,
}

describe('POST /api/items/:code/form/check', () => {
  it('serves the form with the guide and checks a draft exactly as the phone does', async () => {
    const item = (await server.app.inject('/api/items/SJ-0001')).json<Item>()
    expect(item.form?.fields.length).toBeGreaterThan(10)
    const draft = { values: { ...good, premisesArea: 0, safetyManagers: [] }, answers: { category: 'catering' } }
    const res = await check('SJ-0001', draft)
    expect(res.statusCode).toBe(200)
    const onServer = res.json<FormResult>()
    const phone = validateForm(item.form, draft.values, { answers: draft.answers, today: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) })
    expect(onServer).toEqual(JSON.parse(JSON.stringify(phone)))
    expect(onServer.ok).toBe(false)
    expect(onServer.issues.map((i) => i.path).sort()).toEqual(['premisesArea', 'safetyManagers'])
  })

  it('passes a complete catering application', async () => {
    const res = await check('SJ-0001', { values: good, answers: { category: 'catering', channels: ['store'] } })
    expect(res.json<FormResult>()).toMatchObject({ ok: true, issues: [] })
  })

  it('answers items without an online form, unknown items and missing sessions with problems', async () => {
    expect((await check('GA-0001', { values: {} })).json<Problem>().code).toBe('FORM_NOT_FOUND')
    expect((await check('NOPE-1', { values: {} })).json<Problem>().code).toBe('ITEM_NOT_FOUND')
    expect((await check('SJ-0001', { values: {} }, false)).statusCode).toBe(401)
    const junk = await check('SJ-0001', { values: 'not an object' })
    expect(junk.statusCode).toBe(400)
    expect(junk.json<Problem>().errors?.[0]).toMatchObject({ path: 'values', message: '申请表内容格式不正确' })
  })
})
