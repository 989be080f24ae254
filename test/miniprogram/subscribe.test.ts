// @vitest-environment happy-dom
/**
 * 订阅消息 on the built mini-program (miniprogram/dist) under
 * miniprogram-simulate, against the real BFF: WeChat's subscribe popup
 * (wx.requestSubscribeMessage, which the shim refuses outside a tap, as
 * WeChat does) is asked in the tap of 提交申请 and of 去补正 after reading a
 * supplement request, for at most 3 templates from GET /api/wechat/templates,
 * and the answers reach the BFF's ledger (one 允许 = one message).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CaseDetail, SessionResult } from '@tongban/core'
import { TOKEN_KEY } from '@tongban/app'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'
import { getJson, postJson, putJson, realBffWanted, realNameFor, residentIdFor, startBffProcess, wechatLoginCode, type TestBff } from './support/bff'
import { startMiniProgram, tappable, waitFor, type MiniProgram } from './support/mini-runtime'

const APPLY = 'packages/apply/pages/form/index'
const CASE = 'packages/apply/pages/case/index'
/** The seed of this test's applicant's real name (she signed in through WeChat, so the account has no phone). */
const PHONE = '13762229999'
const OPENID = 'mp-subscribe-user'

let bff: TestBff
let mp: MiniProgram
let token: string
const auth = (t: string) => ({ Authorization: `Bearer ${t}` })

const called = () => mp.wx.calls.filter((c) => c.name === 'requestSubscribeMessage').map((c) => c.options as { tmplIds: string[] })
const reports = () => mp.wx.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/me/wechat/subscriptions'))

/** What the ledger holds now, read by reporting one answer that changes nothing (a reject). */
async function ledger(): Promise<Record<string, number>> {
  const res = await postJson<{ remaining: Record<string, number> }>(`${bff.url}/api/me/wechat/subscriptions`, { results: { DEMO_queue: 'reject' } }, auth(token))
  expect(res.status).toBe(200)
  return res.body.remaining
}

const MZ_VALUES = {
  applicantName: '王芳', idNumber: residentIdFor(PHONE), phone: PHONE, region: { province: '330000', city: '330100', district: '330106' },
  address: '杏花村3组12号', members: [{ name: '王芳', relation: 'self', idNumber: residentIdFor(PHONE), monthlyIncome: 800 }],
  savings: 2000, reason: '丈夫去世后独自抚养两个孩子，收入不足以维持基本生活。', checkAuth: true, pledge: true,
}

describe.skipIf(!realBffWanted())('订阅消息 (wx.requestSubscribeMessage)', () => {
  beforeAll(async () => {
    ensureMiniprogramBuilt()
    bff = await startBffProcess()
    mp = startMiniProgram(DIST, { bffUrl: bff.url })
    const login = await postJson<SessionResult>(`${bff.url}/api/auth/wechat/login`, { code: await wechatLoginCode(bff, OPENID) })
    expect(login.status).toBe(200)
    token = login.body.token
    expect((await putJson(`${bff.url}/api/me/profile`, realNameFor(PHONE), auth(token))).status).toBe(200)
    mp.wx.storage.set(TOKEN_KEY, token)
  })

  afterAll(async () => {
    await bff?.close()
  })

  beforeEach(() => {
    mp.wx.calls.length = 0
    mp.wx.requests.length = 0
    mp.wx.subscribeAnswers = {}
    mp.wx.subscribeDefault = 'accept'
  })

  it('WeChat (the shim) refuses the popup outside a tap, and opening a page asks nothing', async () => {
    const refused = await new Promise<{ errMsg: string }>((resolve) => {
      (mp.wx.api.requestSubscribeMessage as (o: object) => void)({ tmplIds: ['DEMO_progress'], fail: resolve })
    })
    expect(refused.errMsg).toBe('requestSubscribeMessage:fail can only be invoked by user TAP gesture.')
    mp.wx.calls.length = 0
    const page = await mp.openPage(APPLY, { code: 'MZ-0001', answers: JSON.stringify({ health: ['none'] }) })
    await page.waitForText((t) => t.includes('下一步：核对申请信息'))
    // The list is fetched at load, so the tap has it at hand.
    await waitFor(() => mp.wx.requests.find((r) => r.url.endsWith('/api/wechat/templates') && r.status === 200), 5_000, 'the template list')
    expect(called()).toEqual([])
    page.unload()
  })

  it('提交申请: asks for the 补正, progress and result templates in the tap, and the accepts reach the ledger', async () => {
    mp.wx.storage.set('tb.draft.MZ-0001', JSON.stringify({
      itemCode: 'MZ-0001', itemName: '最低生活保障申请', formVersion: 1, answers: { health: ['none'] }, updatedAt: Date.now(), values: MZ_VALUES,
    }))
    const page = await mp.openPage(APPLY, { code: 'MZ-0001', answers: JSON.stringify({ health: ['none'] }) })
    await page.waitForText((t) => t.includes('草稿已保存'))
    await page.tap(tappable(page, '下一步：核对申请信息'))
    await page.waitForText((t) => t.includes('核对申请信息（2/2）'))

    // Refused for the missing consent: nothing submitted, so nothing asked.
    await page.tap(tappable(page, '提交申请'))
    await page.waitForText((t) => t.includes('请阅读并同意个人信息使用说明'))
    expect(called()).toEqual([])

    mp.wx.subscribeAnswers = { DEMO_result: 'reject' }
    await page.tap(tappable(page, '我已阅读并同意个人信息使用说明'))
    await page.tap(tappable(page, '提交申请'))
    await page.waitForText((t) => t.includes('申请已提交'), 15_000)
    expect(called().map((o) => o.tmplIds)).toEqual([['DEMO_supplement', 'DEMO_progress', 'DEMO_result']])
    await waitFor(() => reports().find((r) => r.status === 200), 5_000, 'the answers reported')
    expect(await ledger()).toMatchObject({ DEMO_supplement: 1, DEMO_progress: 1, DEMO_result: 0 })
    page.unload()
  })

  it('去补正 after reading a supplement request: asks again (progress, result, 补正), each accept one more message', async () => {
    const created = await postJson<CaseDetail>(`${bff.url}/api/cases`, {
      itemCode: 'MZ-0001', formVersion: 1, answers: { health: ['none'] }, delivery: 'pickup', personalDataConsent: true, values: MZ_VALUES,
    }, { ...auth(token), 'Idempotency-Key': 'subscribe-test-supplement-01' })
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300)
    const caseNo = created.body.caseNo
    const clerk = (await postJson<{ token: string }>(`${bff.url}/api/staff/login`, { username: 'clerk', password: 'Tongban@2026' })).body.token
    for (const body of [{ type: 'start_pre_review' }, { type: 'request_supplement', items: [{ path: 'address', reason: '请写到门牌号' }] }]) {
      const seen = await getJson<{ version: number }>(`${bff.url}/api/staff/cases/${caseNo}`, auth(clerk))
      const res = await postJson(`${bff.url}/api/staff/cases/${caseNo}/events`, { ...body, version: seen.body.version }, auth(clerk))
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    // The 补正 request's own message goes out first (by WeChat, on the acceptance the submit test left): read the
    // ledger once it has, or the page's answers would be counted against a number that is still moving.
    const deadline = Date.now() + 15_000
    while (!(await getJson<{ page: string }[]>(`${bff.url}/dev/wechat/messages.json`)).body.some((m) => m.page.includes(caseNo))) {
      if (Date.now() > deadline) throw new Error(`the 补正 message of ${caseNo} never reached the fake WeChat API`)
      await new Promise((r) => setTimeout(r, 50))
    }
    const before = await ledger()

    const page = await mp.openPage(CASE, { caseNo })
    await page.waitForText((t) => t.includes('需要补正：请写到门牌号') && t.includes('去补正'))
    expect(called()).toEqual([])
    mp.wx.subscribeAnswers = { DEMO_supplement: 'reject' }
    await page.tap(tappable(page, '去补正'))
    expect(called().map((o) => o.tmplIds)).toEqual([['DEMO_progress', 'DEMO_result', 'DEMO_supplement']])
    expect(mp.wx.calls.find((c) => c.name === 'navigateTo')?.options).toMatchObject({ url: `/packages/apply/pages/supplement/index?caseNo=${caseNo}` })
    await waitFor(() => reports().find((r) => r.status === 200), 5_000, 'the answers reported')
    expect(await ledger()).toMatchObject({ DEMO_progress: before.DEMO_progress! + 1, DEMO_result: before.DEMO_result! + 1, DEMO_supplement: before.DEMO_supplement })
    page.unload()
  })

  it('notifications switched off (20004): nothing reported, and the citizen goes on to 补正', async () => {
    const mine = await getJson<{ caseNo: string; status: string }[]>(`${bff.url}/api/me/cases`, auth(token))
    const caseNo = mine.body.find((c) => c.status === 'supplement_required')!.caseNo
    const page = await mp.openPage(CASE, { caseNo })
    await page.waitForText((t) => t.includes('去补正'))
    mp.wx.subscribeFailCode = 20004
    await page.tap(tappable(page, '去补正'))
    expect(called()).toHaveLength(1)
    expect(mp.wx.calls.find((c) => c.name === 'navigateTo')).toBeTruthy()
    await new Promise((r) => setTimeout(r, 200))
    expect(reports()).toEqual([])
    page.unload()
  })
})
