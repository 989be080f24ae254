/**
 * 查找办件 on the workbench: by case number, the applicant's mobile number or
 * name, exact matches only; the window and supervision find any case, a
 * department only those given to it; every citizen found is told of the look
 * in 谁查看了我的信息, with what it matched on; a query that is none of the
 * three is a 400 in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CASE_SEARCH_MESSAGE, type AccessLogEntry, type CaseDetail, type CaseSearchResult, type Problem } from '@tongban/core'
import { minimumLivingApplication, realNameFor, signInCitizen, startTestServer, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'

let server: TestServer
let n = 0
const as = (token: string) => ({ authorization: `Bearer ${token}` })
const staffToken = async (username: string) =>
  (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token

beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server?.close() })

async function submitted(name: string): Promise<{ token: string; caseNo: string; phone: string }> {
  const phone = `137${String(70_000_000 + ++n).slice(-8)}`
  const { token } = await signInCitizen(server.app, phone, `10.9.7.${n}`, { realName: realNameFor(phone, name) })
  const res = await server.app.inject({ method: 'POST', url: '/api/cases', payload: minimumLivingApplication(phone, { name }), headers: { ...as(token), 'idempotency-key': `search-test-key-${n}`.padEnd(20, '0') } })
  expect(res.statusCode, res.body).toBe(201)
  return { token, caseNo: res.json<CaseDetail>().caseNo, phone }
}
const search = (token: string, q: string) => server.app.inject({ url: `/api/staff/search?q=${encodeURIComponent(q)}`, headers: as(token) })
const found = async (token: string, q: string) => {
  const res = await search(token, q)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<CaseSearchResult>()
}
const accessLog = async (token: string) => (await server.app.inject({ url: '/api/me/access-log', headers: as(token) })).json<AccessLogEntry[]>()

describe('查找办件', () => {
  it('finds a case by its number, the applicant\'s phone or name, and tells the citizen of each look', async () => {
    const clerk = await staffToken('clerk')
    const a = await submitted('欧阳晓梅')
    const b = await submitted('司马青')
    expect(await found(clerk, a.caseNo.toLowerCase())).toMatchObject({ by: 'caseNo', cases: [{ caseNo: a.caseNo, statusLabel: '已提交，待受理', version: 1 }] })
    expect(await found(clerk, `${a.phone.slice(0, 3)} ${a.phone.slice(3, 7)} ${a.phone.slice(7)}`)).toMatchObject({ by: 'phone', cases: [{ caseNo: a.caseNo }] })
    expect((await found(clerk, ' 司马青 ')).cases.map((c) => c.caseNo)).toEqual([b.caseNo])
    // Exact only: part of a name or a number finds nothing.
    expect((await found(clerk, '司马')).cases).toEqual([])
    // Each look is on the citizen's 谁查看了我的信息, saying what it matched on.
    expect((await accessLog(a.token)).map((e) => [e.staffName, e.purpose, e.fields])).toEqual([
      ['市政务服务中心窗口 王芳', 'assist', ['caseSearch:phone']],
      ['市政务服务中心窗口 王芳', 'assist', ['caseSearch:caseNo']],
    ])
    expect((await accessLog(b.token)).map((e) => e.fields)).toEqual([['caseSearch:name']])
  })

  it('finds for a department only the cases given to it, and logs no look it did not take', async () => {
    const clerk = await staffToken('clerk')
    const mz = await staffToken('reviewer_mz')
    const c = await submitted('诸葛红')
    expect((await found(mz, c.caseNo)).cases).toEqual([])
    expect(await accessLog(c.token)).toEqual([])
    const act = (payload: object) => server.app.inject({ method: 'POST', url: `/api/staff/cases/${c.caseNo}/events`, payload, headers: as(clerk) })
    await act({ type: 'start_pre_review', version: 1 })
    expect((await act({ type: 'accept', version: 2 })).statusCode).toBe(200)
    expect((await found(mz, '诸葛红')).cases.map((x) => [x.caseNo, x.statusLabel])).toEqual([[c.caseNo, '已受理']])
    expect((await found(await staffToken('reviewer'), '诸葛红')).cases).toEqual([])
    expect((await accessLog(c.token)).map((e) => e.fields)).toEqual([['caseSearch:name']])
  })

  it('answers a query that is none of the three with a 400 in words, and a citizen session with a 401', async () => {
    const clerk = await staffToken('clerk')
    for (const q of ['138001', '王', 'SJ-0001']) {
      const res = await search(clerk, q)
      expect([res.statusCode, res.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8'])
      expect(res.json<Problem>().errors).toEqual([{ path: 'q', code: 'search_term', message: CASE_SEARCH_MESSAGE }])
    }
    const empty = await search(clerk, '')
    expect(empty.statusCode).toBe(400)
    expect(empty.json<Problem>().errors?.[0]).toMatchObject({ path: 'q', message: CASE_SEARCH_MESSAGE })
    const { token } = await submitted('东方明')
    expect((await search(token, '东方明')).statusCode).toBe(401)
  })
})
