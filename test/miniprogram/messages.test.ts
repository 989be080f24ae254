// @vitest-environment happy-dom
/**
 * 消息中心 and 消息设置 (issue 18) on the built mini-program against the real
 * BFF. A case the clerk accepts tells its applicant: the message is in the
 * 消息 tab, marked unread, with the count on the tab's badge and on 我的;
 * tapping it opens the case and clears the mark and the badge (on the BFF
 * too). Older messages come at the end of the list; a BFF fault says so
 * with 重试; an account with none says what will come; a signed-out phone
 * is offered 登录. 消息设置 switches a kind off and it stays off when the page
 * is opened again, and the 消息中心 still keeps that kind's messages.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { KINDS_SENT, makeProblem, MESSAGE_KIND_LABELS, MESSAGES_PAGE, type CaseDetail, type MessageList, type MessageSettings, type SubmitCaseBody } from '@tongban/core'
import { TOKEN_KEY } from '@tongban/app'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'
import { getJson, postJson, realBffWanted, realNameFor, signInThroughBff, startBffProcess, type TestBff } from './support/bff'
import { attr, byClass, startMiniProgram, tappable, textOf, waitFor, type MiniProgram, type OpenedPage, type RenderedNode } from './support/mini-runtime'

const MESSAGES = 'pages/messages/index'
const ME = 'pages/me/index'
const SETTINGS = 'packages/apply/pages/message-settings/index'
const CASE = 'packages/apply/pages/case/index'
/** The 消息 tab's place in the tab bar (首页 · 办件 · 消息 · 我的). */
const MESSAGES_TAB = 2
const PHONE = '13761230041'
const MANY_PHONE = '13761230042'
const EMPTY_PHONE = '13761230043'

let bff: TestBff
let mp: MiniProgram
let token: string
let caseNo: string
let clerk: string

const auth = (t: string) => ({ Authorization: `Bearer ${t}` })
const called = (name: string) => mp.wx.calls.filter((c) => c.name === name).map((c) => c.options as Record<string, unknown>)

/** The 消息 tab's badge as the phone shows it now: its text, or null for none (the last set / remove wins). */
function badge(): string | null {
  const last = mp.wx.calls.filter((c) => ['setTabBarBadge', 'removeTabBarBadge'].includes(c.name) && (c.options as { index?: number }).index === MESSAGES_TAB).at(-1)
  return last?.name === 'setTabBarBadge' ? String((last.options as { text: string }).text) : null
}

function allNodes(n: RenderedNode): RenderedNode[] {
  return [n, ...n.children.filter((c): c is RenderedNode => typeof c !== 'string').flatMap(allNodes)]
}

const withClass = (page: OpenedPage, cls: string) =>
  allNodes(page.component.toJSON()).filter((n) => String(attr(n, 'class') ?? '').split(/\s+/).includes(cls))

/** 最低生活保障 for the account of `phone`, in its real name. */
function application(phone: string): SubmitCaseBody {
  const { name, idNumber } = realNameFor(phone)
  return {
    itemCode: 'MZ-0001', formVersion: 1, answers: {}, delivery: 'pickup', personalDataConsent: true,
    values: {
      applicantName: name, idNumber, phone, region: { province: '330000', city: '330100', district: '330106' },
      address: '杏花村5组8号', members: [{ name, relation: 'self', idNumber, monthlyIncome: 450 }],
      savings: 800, reason: '年过七旬独自生活，没有固定收入。', checkAuth: true, pledge: true,
    },
  }
}

/** Submitted by the citizen and accepted at the window: the acceptance is a message to the applicant. */
async function acceptedCase(citizen: string, phone: string, key: string): Promise<string> {
  const created = await postJson<CaseDetail>(`${bff.url}/api/cases`, application(phone), { ...auth(citizen), 'Idempotency-Key': key })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  for (const type of ['start_pre_review', 'accept']) {
    const seen = await getJson<{ version: number }>(`${bff.url}/api/staff/cases/${created.body.caseNo}`, auth(clerk))
    const res = await postJson(`${bff.url}/api/staff/cases/${created.body.caseNo}/events`, { type, version: seen.body.version }, auth(clerk))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  return created.body.caseNo
}

const messagesOnBff = async (t: string) => (await getJson<MessageList>(`${bff.url}/api/me/messages`, auth(t))).body

describe.skipIf(!realBffWanted())('消息中心 in the mini-program', () => {
  afterEach(() => {
    mp.wx.intercept = null
    phoneSignedInAs(token)
  })

  beforeAll(async () => {
    ensureMiniprogramBuilt()
    bff = await startBffProcess()
    clerk = (await postJson<{ token: string }>(`${bff.url}/api/staff/login`, { username: 'clerk', password: 'Tongban@2026' })).body.token
    token = await signInThroughBff(bff, PHONE)
    caseNo = await acceptedCase(token, PHONE, 'mini-messages-case-00001')
    mp = startMiniProgram(DIST, { bffUrl: bff.url, storage: { [TOKEN_KEY]: token } })
  })

  afterAll(async () => {
    await bff?.close()
  })

  it('我的 shows 消息中心 with the unread count and opens it and 消息设置; the 消息 tab carries the count', async () => {
    const me = await mp.openPage(ME)
    const text = await me.waitForText((t) => t.includes('消息中心') && t.includes('1 条未读'))
    expect(text).toContain('消息设置')
    await waitFor(() => badge() === '1', 5_000, 'the 消息 badge')
    mp.wx.calls.length = 0
    await me.tap(byClass(me, 'me__messages'))
    expect(called('switchTab')).toContainEqual(expect.objectContaining({ url: `/${MESSAGES}` }))
    await me.tap(byClass(me, 'me__message-settings'))
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: `/${SETTINGS}` }))
    me.unload()
  })

  it('lists the accepted case’s message unread with the badge; a tap opens the case and clears both, on the BFF too', async () => {
    mp.wx.calls.length = 0
    const page = await mp.openPage(MESSAGES)
    const text = await page.waitForText((t) => t.includes(caseNo) && t.includes('1 条未读'))
    expect(text).toContain('已受理')
    await waitFor(() => badge() === '1', 5_000, 'the 消息 badge')
    const [item, ...others] = withClass(page, 'messages__item')
    expect(others).toEqual([])
    expect(String(attr(item!, 'class'))).toContain('messages__item--unread')
    expect(String(attr(item!, 'ariaLabel'))).toMatch(/^未读，/)

    const [message] = (await messagesOnBff(token)).messages
    await page.tap(item!)
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: `/${CASE}?caseNo=${encodeURIComponent(caseNo)}` }))
    await page.waitForText((t) => t.includes('全部已读'))
    expect(badge()).toBeNull()
    expect(withClass(page, 'messages__item--unread')).toEqual([])
    const read = await waitFor(() => mp.wx.requests.find((r) => r.method === 'POST' && r.url.endsWith(`/api/me/messages/${message!.id}/read`) && r.status !== null), 5_000, 'the read mark')
    expect(read.status).toBe(204)
    expect(await messagesOnBff(token)).toMatchObject({ unread: 0, messages: [{ id: message!.id, read: true }] })

    // The case it opened, as the link names it.
    const opened = await mp.openPage(CASE, { caseNo })
    await opened.waitForText((t) => t.includes(caseNo) && t.includes('最低生活保障'))
    opened.unload()

    // Back on the tab (it reads the list again): still read, no badge.
    page.show()
    await waitFor(() => mp.wx.requests.filter((r) => r.url.endsWith('/api/me/messages') && r.status === 200).length >= 2, 5_000, 'the list read again')
    await page.waitForText((t) => t.includes('全部已读'))
    expect(badge()).toBeNull()
    page.unload()
  })

  it('a BFF fault says so with 重试, and 重试 shows the list', async () => {
    mp.wx.intercept = (r) => (r.url.endsWith('/api/me/messages') ? { status: 503, body: makeProblem('UNAVAILABLE') } : null)
    const page = await mp.openPage(MESSAGES)
    await page.waitForText((t) => t.includes(makeProblem('UNAVAILABLE').title) && t.includes('重试'))
    mp.wx.intercept = null
    await page.tap(tappable(page, '重试'))
    await page.waitForText((t) => t.includes(caseNo))
    page.unload()
  })

  it('older messages come at the end of the page, newest first, none twice', async () => {
    const many = await signInThroughBff(bff, MANY_PHONE)
    const cases: string[] = []
    for (let i = 0; i <= MESSAGES_PAGE; i++) cases.push(await acceptedCase(many, MANY_PHONE, `mini-messages-many-${String(i).padStart(5, '0')}`))
    phoneSignedInAs(many)
    const page = await mp.openPage(MESSAGES)
    await page.waitForText((t) => t.includes(`${MESSAGES_PAGE + 1} 条未读`) && t.includes('查看更早的消息'))
    const shown = () => withClass(page, 'messages__item').map((n) => cases.find((c) => textOf(n).includes(c)))
    expect(shown()).toEqual([...cases].reverse().slice(0, MESSAGES_PAGE))
    await page.tap(tappable(page, '查看更早的消息'))
    await waitFor(() => shown().length === MESSAGES_PAGE + 1, 5_000, 'the older message')
    expect(shown()).toEqual([...cases].reverse())
    expect(page.text()).not.toContain('查看更早的消息')
    page.unload()
  })

  it('an account with no messages says what will come; a signed-out phone is offered 登录', async () => {
    const empty = await signInThroughBff(bff, EMPTY_PHONE)
    phoneSignedInAs(empty)
    const page = await mp.openPage(MESSAGES)
    await page.waitForText((t) => t.includes('还没有消息。办件受理、需要补正、办结等进展会在这里告诉您。'))
    expect(badge()).toBeNull()
    page.unload()

    phoneSignedInAs(null)
    mp.wx.calls.length = 0
    const signedOut = await mp.openPage(MESSAGES)
    await signedOut.waitForText((t) => t.includes('请先登录，再查看您的消息'))
    await signedOut.tap(tappable(signedOut, '去登录'))
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: `/pages/login/index?next=${encodeURIComponent(`/${MESSAGES}`)}` }))
    signedOut.unload()
    // A tab page with no token on the phone asks nothing and shows no badge.
    mp.wx.requests.length = 0
    const me = await mp.openPage(ME)
    await me.waitForText((t) => t.includes('还没有登录'))
    expect(badge()).toBeNull()
    expect(mp.wx.requests.filter((r) => r.url.includes('/api/me/messages'))).toEqual([])
    me.unload()
  })

  it('消息设置 switches a kind off; it stays off when opened again, and the 消息中心 still keeps that kind', async () => {
    const page = await mp.openPage(SETTINGS)
    const text = await page.waitForText((t) => t.includes('消息中心总会保留每一条消息'))
    // Only what is sent today has a switch, and the night rule names no exception it does not list.
    for (const kind of KINDS_SENT) expect(text).toContain(MESSAGE_KIND_LABELS[kind])
    expect(withClass(page, 'message-settings__row').map((n) => String(attr(n, 'ariaLabel')))).toEqual(KINDS_SENT.map((k) => MESSAGE_KIND_LABELS[k]))
    expect(text).toContain('晚上 22 点到早上 8 点不发短信，到 8 点再发（快到号了、叫号除外）。')
    const row = () => withClass(page, 'message-settings__row').find((n) => attr(n, 'ariaLabel') === MESSAGE_KIND_LABELS.accepted)!
    expect(String(attr(row(), 'ariaChecked'))).toBe('true')
    await page.tap(row())
    await waitFor(() => String(attr(row(), 'ariaChecked')) === 'false', 5_000, 'the switch off')
    expect(textOf(row())).toContain('不通知')
    const put = mp.wx.requests.find((r) => r.method === 'PUT' && r.url.endsWith('/api/me/message-settings'))
    expect(put?.status).toBe(200)
    page.unload()

    const again = await mp.openPage(SETTINGS)
    await again.waitForText((t) => t.includes(MESSAGE_KIND_LABELS.accepted))
    const switches = Object.fromEntries(withClass(again, 'message-settings__row').map((n) => [String(attr(n, 'ariaLabel')), String(attr(n, 'ariaChecked'))]))
    expect(switches).toEqual(Object.fromEntries(KINDS_SENT.map((kind) => [MESSAGE_KIND_LABELS[kind], String(kind !== 'accepted')])))
    again.unload()
    const saved = (await getJson<MessageSettings>(`${bff.url}/api/me/message-settings`, auth(token))).body
    expect(saved.kinds.find((k) => k.kind === 'accepted')).toMatchObject({ enabled: false })

    // Switched off is not sent anywhere, but 消息中心 keeps it: a second accepted case is there, unread.
    const second = await acceptedCase(token, PHONE, 'mini-messages-case-00002')
    const list = await mp.openPage(MESSAGES)
    await list.waitForText((t) => t.includes(second))
    expect(withClass(list, 'messages__item--unread').map(textOf).join()).toContain(second)
    const { unread } = await messagesOnBff(token)
    await waitFor(() => badge() === String(unread), 5_000, 'the 消息 badge')
    list.unload()
  })

  it('renders every element it is given (no missing WXML templates)', () => {
    expect(mp.renderErrors).toEqual([])
  })
})

/** The phone's account from now on (the app reads the token from storage for each request); null: signed out. */
function phoneSignedInAs(t: string | null): void {
  if (t) mp.wx.storage.set(TOKEN_KEY, t)
  else mp.wx.storage.delete(TOKEN_KEY)
}
