// @vitest-environment happy-dom
/**
 * 我的办件 and 办件详情 on the built mini-program (miniprogram/dist) under
 * miniprogram-simulate, against the real BFF. The phone starts with a draft
 * of its own and a submission queued behind a BFF fault; the BFF keeps a
 * draft saved on another device and a case submitted earlier. The list
 * shows all three sections, 现在提交 tries the queue again, the returning
 * network sends it and the list follows, a case reads back its
 * number and answers, a draft is deleted only after a confirmation (here
 * and on the BFF), pull-down refreshes, an account with nothing shows the
 * empty state, and a signed-out phone is sent to 登录 and back. 补正 sends
 * the corrected form again; what the BFF refuses by field shows at the field
 * and in the summary until the citizen changes it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { addWorkingDays, CASE_NO_HINT, makeProblem, monthDayText, savedCopyText, type CaseDetail, type DraftRecord, type Licence, type SubmitCaseBody } from '@tongban/core'
import { TOKEN_KEY, type DraftSummary, type PendingSubmission } from '@tongban/app'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'
import { getJson, postJson, putJson, realBffWanted, residentIdFor, signInThroughBff, startBffProcess, today, type TestBff } from './support/bff'
import { attr, startMiniProgram, textOf, waitFor, type MiniProgram, type OpenedPage, type RenderedNode } from './support/mini-runtime'

const CASES = 'pages/cases/index'
const CASE = 'packages/apply/pages/case/index'
const LICENCES = 'packages/apply/pages/licences/index'
const PHONE = '13761230001'
const EMPTY_PHONE = '13761230002'
/** Saved on this phone at 10:05 Beijing time. */
const DEVICE_DRAFT_AT = Date.parse('2026-11-23T02:05:00Z')
/** Saved on another device at 09:00 Beijing time the next day. */
const REMOTE_DRAFT_AT = Date.parse('2026-11-24T01:00:00Z')
const QUEUED_AT = Date.parse('2026-11-24T03:30:00Z')

let bff: TestBff
let mp: MiniProgram
let token: string
let emptyToken: string
let submitted: CaseDetail
let licence: Licence


const auth = (t: string) => ({ Authorization: `Bearer ${t}` })

/** 食品经营许可 for a prepacked-food shop in 杭州 西湖区, the business licence from the e-licence wallet. */
function foodLicence(operatorName: string): SubmitCaseBody {
  return {
    itemCode: 'SJ-0001', formVersion: 1, answers: { category: 'prepack' }, delivery: 'electronic', personalDataConsent: true,
    values: {
      // The wallet's 营业执照 is the applicant's own shop: the form names it by its credit code; the 负责人 is the applicant.
      operatorName, creditCode: licence.holderCreditCode, legalPerson: '王芳', legalPersonId: residentIdFor(PHONE),
      phone: PHONE, premisesRegion: { province: '330000', city: '330100', district: '330106' }, premisesAddress: '文三路100号1楼',
      premisesArea: 60, mainBusiness: 'sales', businessItems: ['prepacked'],
      businessLicenceFile: { kind: 'eLicence', licenceId: licence.id }, pledge: true,
    },
  }
}

/** Beijing time as a clerk's screen shows it, worked out here with Intl (the app does it without). */
function beijing(at: string | number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(at))
  const p = (t: string) => parts.find((x) => x.type === t)!.value
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`
}

function section(page: OpenedPage, cls: string): RenderedNode {
  const node = page.findByClass(cls)
  if (!node) throw new Error(`no .${cls} on the page:\n${page.text()}`)
  return node
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()
const sectionText = (page: OpenedPage, cls: string) => collapse(textOf(section(page, cls)))

/** The draft row that names this item. */
function draftRow(page: OpenedPage, itemName: string): RenderedNode {
  const rows = section(page, 'cases__drafts').children.filter((c): c is RenderedNode => typeof c !== 'string')
  const found = rows.flatMap(function all(n: RenderedNode): RenderedNode[] {
    return [n, ...n.children.filter((c): c is RenderedNode => typeof c !== 'string').flatMap(all)]
  }).find((n) => String(attr(n, 'class') ?? '').includes('cases__row') && textOf(n).includes(itemName))
  if (!found) throw new Error(`no draft row for ${itemName}:\n${page.text()}`)
  return found
}

function tappableIn(root: RenderedNode, label: string): RenderedNode {
  let found: RenderedNode | null = null
  const visit = (n: RenderedNode | string) => {
    if (typeof n === 'string' || !textOf(n).includes(label)) return
    if ('tap' in n.event) found = n
    n.children.forEach(visit)
  }
  visit(root)
  if (!found) throw new Error(`nothing to tap for “${label}”`)
  return found
}

/** The node with this id (a field's `field-<path>`). */
function byId(page: OpenedPage, id: string): RenderedNode {
  const found = allNodes(page.component.toJSON()).find((n) => attr(n, 'id') === id)
  if (!found) throw new Error(`no #${id} on the page:\n${page.text()}`)
  return found
}

function tappable(page: OpenedPage, label: string): RenderedNode {
  const node = page.findTappable(label)
  if (!node) throw new Error(`nothing to tap for “${label}”:\n${page.text()}`)
  return node
}

function rootClass(page: OpenedPage): string {
  const root = page.component.toJSON().children[0]
  return root && typeof root !== 'string' ? String(attr(root, 'class')) : ''
}

const called = (name: string) => mp.wx.calls.filter((c) => c.name === name).map((c) => c.options as Record<string, unknown>)

const staffToken = async (username: string) => (await postJson<{ token: string }>(`${bff.url}/api/staff/login`, { username, password: 'Tongban@2026' })).body.token

/** A staff action on the version the workbench shows now. */
async function act(who: string, caseNo: string, body: object): Promise<void> {
  const seen = await getJson<{ version: number }>(`${bff.url}/api/staff/cases/${caseNo}`, auth(who))
  const res = await postJson(`${bff.url}/api/staff/cases/${caseNo}/events`, { ...body, version: seen.body.version }, auth(who))
  expect(res.status, JSON.stringify(res.body)).toBe(200)
}

function allNodes(n: RenderedNode): RenderedNode[] {
  return [n, ...n.children.filter((c): c is RenderedNode => typeof c !== 'string').flatMap(allNodes)]
}

/** The 已提交 row of one case on 我的办件. */
function caseRow(page: OpenedPage, caseNo: string): RenderedNode {
  const found = allNodes(section(page, 'cases__submitted')).find((n) => String(attr(n, 'class') ?? '').includes('cases__case') && textOf(n).includes(caseNo))
  if (!found) throw new Error(`no row for ${caseNo}:\n${page.text()}`)
  return found
}

/** The colour class of the first light under `root`: light--green, light--yellow or light--red. */
function lightClass(root: RenderedNode): string | undefined {
  const light = allNodes(root).find((n) => String(attr(n, 'class') ?? '').split(/\s+/).includes('light'))
  return String(attr(light!, 'class')).split(/\s+/).find((c) => c.startsWith('light--'))
}

describe.skipIf(!realBffWanted())('我的办件', () => {
  // A test that fails half-way must not leave the phone offline (or its PDF viewer broken) for the rest.
  afterEach(() => {
    mp.wx.offline = false
    mp.wx.openDocumentFails = false
  })
  beforeAll(async () => {
    ensureMiniprogramBuilt()
    bff = await startBffProcess()
    token = await signInThroughBff(bff, PHONE)
    emptyToken = await signInThroughBff(bff, EMPTY_PHONE)

    const licences = await getJson<Licence[]>(`${bff.url}/api/me/licences`, auth(token))
    licence = licences.body.find((l) => l.type === '营业执照')!
    const created = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味食品店'), { ...auth(token), 'Idempotency-Key': 'cases-test-submitted-0001' })
    expect(created.status).toBe(201)
    submitted = created.body

    const remote: Omit<DraftRecord, 'itemCode'> = {
      itemName: '最低生活保障申请', formVersion: 1, values: { applicantName: '王五' }, answers: {}, updatedAt: REMOTE_DRAFT_AT,
    }
    expect((await putJson(`${bff.url}/api/me/drafts/MZ-0001`, remote, auth(token))).status).toBe(200)

    const deviceDraft: DraftRecord = {
      itemCode: 'GJ-0001', itemName: '住房公积金提取', formVersion: 1, values: { applicantName: '张三' }, answers: {}, updatedAt: DEVICE_DRAFT_AT,
    }
    const queued: PendingSubmission = {
      key: 'cases-test-queued-000001', itemCode: 'SJ-0001', itemName: '食品经营许可', body: foodLicence('示例市好味第二食品店'),
      queuedAt: QUEUED_AT, attempts: 1,
    }
    mp = startMiniProgram(DIST, {
      bffUrl: bff.url,
      storage: {
        [TOKEN_KEY]: token,
        'tb.settings': JSON.stringify({ elderly: true }),
        'tb.drafts': JSON.stringify([{ itemCode: 'GJ-0001', itemName: '住房公积金提取', updatedAt: DEVICE_DRAFT_AT }] satisfies DraftSummary[]),
        'tb.draft.GJ-0001': JSON.stringify(deviceDraft),
        'tb.submissions': JSON.stringify([queued]),
      },
    })
    // The app flushes the queue as it starts (after reading the storage): the BFF is down for that.
    mp.wx.intercept = (r) => (r.method === 'POST' && r.url.endsWith('/api/cases') ? { status: 503, body: makeProblem('UNAVAILABLE') } : null)
  })

  afterAll(async () => {
    await bff?.close()
  })

  it('shows the queued submission, the drafts of this phone and of the BFF, and the submitted case', async () => {
    await waitFor(() => mp.wx.requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/cases')), 5_000, 'the start-up flush')
    const page = await mp.openPage(CASES)
    await page.waitForText((t) => t.includes('最低生活保障申请') && t.includes(submitted.caseNo) && t.includes('服务正在维护'))
    expect(rootClass(page)).toContain('tb-page--elderly')

    const pending = sectionText(page, 'cases__pending')
    expect(pending).toContain('等待提交')
    expect(pending).toContain('食品经营许可')
    expect(pending).toContain('已排队，联网后自动提交')
    expect(pending).toContain('上次没有提交成功：服务正在维护，请稍后再试')
    expect(pending).toContain('现在提交')

    const drafts = sectionText(page, 'cases__drafts')
    // Newest first: the one from the other device, then this phone's.
    expect(drafts.indexOf('最低生活保障申请')).toBeLessThan(drafts.indexOf('住房公积金提取'))
    expect(drafts).toContain(`保存于 ${beijing(REMOTE_DRAFT_AT)} · 继续填写`)
    expect(drafts).toContain(`保存于 ${beijing(DEVICE_DRAFT_AT)} · 继续填写`)
    expect(beijing(DEVICE_DRAFT_AT)).toBe('2026-11-23 10:05')
    // The BFF's draft is on the phone now, ready to continue offline.
    expect(JSON.parse(String(mp.wx.storage.get('tb.draft.MZ-0001')))).toMatchObject({ values: { applicantName: '王五' } })

    const cases = sectionText(page, 'cases__submitted')
    expect(cases).toContain('已提交')
    expect(cases).toContain(submitted.caseNo)
    expect(cases).toContain('食品经营许可')
    expect(cases).toContain(`已提交，待受理 · 提交于 ${beijing(submitted.submittedAt)}`)

    // A draft opens the apply page for its item, to go on filling it in.
    mp.wx.calls.length = 0
    await page.tap(tappableIn(draftRow(page, '住房公积金提取'), '继续填写'))
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: '/packages/apply/pages/form/index?code=GJ-0001' }))
    page.unload()
  })

  it('现在提交 tries the queue again; when the network returns the app sends it and the list moves it to 已提交', async () => {
    const page = await mp.openPage(CASES)
    await page.waitForText((t) => t.includes('现在提交'))
    const posts = () => mp.wx.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/cases')).length
    const before = posts()
    await page.tap(tappable(page, '现在提交'))
    await waitFor(() => posts() === before + 1, 5_000, 'a second attempt')
    await page.waitForText((t) => t.includes('现在提交') && !t.includes('正在提交…'))
    expect(sectionText(page, 'cases__pending')).toContain('上次没有提交成功：服务正在维护，请稍后再试')

    // The BFF is back and so is the signal: nobody taps anything.
    mp.wx.intercept = null
    mp.wx.setNetwork(false)
    mp.wx.setNetwork(true)
    const text = await page.waitForText((t) => !t.includes('等待提交') && (t.match(/SJ-0001-\d{8}-\d{4,}/g) ?? []).length === 2, 15_000)
    expect(text).not.toContain('已排队')
    expect(posts()).toBe(before + 2)
    expect(JSON.parse(String(mp.wx.storage.get('tb.submissions')))).toEqual([])
    const mine = await getJson<{ caseNo: string }[]>(`${bff.url}/api/me/cases`, auth(token))
    expect(mine.body).toHaveLength(2)
    page.unload()
  })

  it('opens a case: the number large with 复制, its status and next steps, and the answers as submitted', async () => {
    const list = await mp.openPage(CASES)
    await list.waitForText((t) => t.includes(submitted.caseNo))
    mp.wx.calls.length = 0
    await list.tap(tappable(list, submitted.caseNo))
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: `/${CASE}?caseNo=${submitted.caseNo}` }))
    list.unload()

    const page = await mp.openPage(CASE, { caseNo: submitted.caseNo })
    const text = await page.waitForText((t) => t.includes('提交的申请表'))
    expect(rootClass(page)).toContain('tb-page--elderly')
    expect(collapse(textOf(section(page, 'case__no')))).toBe(submitted.caseNo)
    expect(text).toContain('已提交，待受理')
    expect(text).toContain(`当前状态 已提交，待受理 · ${beijing(submitted.statusAt)}`)
    expect(text).toContain(`提交时间 ${beijing(submitted.submittedAt)}`)
    expect(text).toContain('接下来')
    expect(text).toContain(`1. ${submitted.nextSteps[0]}`)
    // 零跑动 with an e-licence: said in the BFF's words for the item, no window, no promise of messages.
    expect(text).toContain('领取方式 电子证照（发到“我的证照”）')
    expect(text).toContain('全程网上办理，无需到现场。')
    expect(text).not.toMatch(/到窗口领取|通知您/)
    expect(text).not.toContain('代办人')
    expect(text).toContain(`营业执照 电子证照：${licence.title}`)
    // The application in the words of its own form: labels, option labels, region names.
    for (const shown of ['经营者名称 示例市好味食品店', '主体业态 食品销售经营者', '经营场所所在地区 浙江省 杭州市 西湖区', '经营场所使用面积（平方米） 60', '经营项目 预包装食品销售', '申请人承诺 已同意']) {
      expect(text).toContain(shown)
    }

    // The clipboard is one of WeChat's privacy calls: a WeChat user who has not agreed yet is asked first.
    mp.wx.privacyAgreed = false
    try {
      await page.tap(tappable(page, '复制'))
      await page.waitForText((t) => t.includes('复制办件编号需要您先阅读并同意《用户服务协议》和《隐私政策》'))
      expect(mp.wx.clipboard).toBeNull()
      await page.trigger(page.findByClass('privacy-consent__agree')!, 'agreeprivacyauthorization', {})
      await page.waitForText((t) => t.includes('已复制') && !t.includes('隐私保护提示'))
      expect(mp.wx.clipboard).toBe(submitted.caseNo)
    } finally {
      mp.wx.privacyAgreed = true
    }
    // Forwarded to oneself by its number.
    const shared = (page.component.instance as unknown as { onShareAppMessage(o: { from: string }): unknown }).onShareAppMessage({ from: 'menu' })
    expect(shared).toEqual({ title: `我的办件 ${submitted.caseNo}`, path: `/${CASE}?caseNo=${submitted.caseNo}` })
    page.unload()
  })

  it('tracks a case as the window and the department act: light, steps, reasons by their fields, a paused department; 撤回 asks first', async () => {
    const clerk = await staffToken('clerk')
    // A case the clerk sends back for a supplement.
    const first = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味补正店'), { ...auth(token), 'Idempotency-Key': 'cases-test-tracked-00001' })
    await act(clerk, first.body.caseNo, { type: 'start_pre_review' })
    const page = await mp.openPage(CASE, { caseNo: first.body.caseNo })
    let text = await page.waitForText((t) => t.includes('办理进度'))
    expect(text).toMatch(/本环节：正常 · \d+月\d+日前 · 还剩\d个工作日/)
    expect(text).toMatch(/窗口\s?开始预审/)
    await act(clerk, first.body.caseNo, { type: 'request_supplement', items: [{ path: 'premisesArea', reason: '请提供房产证或租赁合同核实面积' }] })
    page.show()
    text = await page.waitForText((t) => t.includes('需要补正（一次性告知）'))
    expect(text).toContain('办件有新进展：请补正材料（一次性告知）')
    expect(sectionText(page, 'case__supplement')).toContain('经营场所使用面积（平方米） 需要补正：请提供房产证或租赁合同核实面积')
    expect(text).toContain('本环节：计时暂停 · 等您补正材料后继续')

    // 撤回 asks first; 取消 keeps the case.
    mp.wx.modalConfirms = false
    mp.wx.calls.length = 0
    await page.tap(tappable(page, '撤回申请'))
    expect(await waitFor(() => called('showModal')[0], 5_000, 'the confirmation')).toMatchObject({ title: '撤回申请', confirmText: '撤回' })
    await new Promise((r) => setTimeout(r, 100))
    expect((await getJson<CaseDetail>(`${bff.url}/api/cases/${first.body.caseNo}`, auth(token))).body.status).toBe('supplement_required')
    mp.wx.modalConfirms = true
    await page.tap(tappable(page, '撤回申请'))
    await page.waitForText((t) => t.includes('已撤回') && !t.includes('不想办了'))
    expect((await getJson<CaseDetail>(`${bff.url}/api/cases/${first.body.caseNo}`, auth(token))).body.status).toBe('withdrawn')
    page.unload()

    // Another, accepted and paused at the department for an on-site check.
    const second = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味核查店'), { ...auth(token), 'Idempotency-Key': 'cases-test-tracked-00002' })
    await act(clerk, second.body.caseNo, { type: 'start_pre_review' })
    await act(clerk, second.body.caseNo, { type: 'accept' })
    const reviewer = await staffToken('reviewer_sc')
    await act(reviewer, second.body.caseNo, { type: 'advance_branch', department: 'scjg' })
    const visitEnds = addWorkingDays(today(), 5)
    await act(reviewer, second.body.caseNo, { type: 'pause_branch', department: 'scjg', procedure: '现场核查', reason: '核实经营场所布局', expectedEnd: visitEnds })
    const paused = await mp.openPage(CASE, { caseNo: second.body.caseNo })
    await paused.waitForText((t) => t.includes('办理部门'))
    expect(sectionText(paused, 'case__head')).toContain('本环节：计时暂停 · 部门特别程序中')
    expect(sectionText(paused, 'case__branches').replace(/ /g, '')).toBe(`办理部门示例市市场监督管理局·特别程序（暂停计时）计时暂停·部门特别程序中现场核查：核实经营场所布局（预计${monthDayText(visitEnds)}结束）`)
    const steps = sectionText(paused, 'case__timeline').replace(/ /g, '')
    // Oldest first, as on the PWA.
    const order = ['申请人提交了申请', '窗口受理，交示例市市场监督管理局办理', '示例市市场监督管理局开始承办', '示例市市场监督管理局进入现场核查，暂停计时：核实经营场所布局'].map((s) => steps.indexOf(s))
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)), `${steps}`).toBe(true)
    expect(paused.text()).not.toContain('撤回申请')
    paused.unload()

    // 办件查询 tells a relative the same: the department paused, the procedure and its expected end (no reason written by staff).
    const query = await mp.openPage('packages/apply/pages/query/index')
    await query.waitForText((t) => t.includes('不用登录'))
    await query.type(section(query, 'query__input--caseNo'), second.body.caseNo)
    await query.type(section(query, 'query__input--phone4'), PHONE.slice(-4))
    await query.tap(tappable(query, '查询'))
    await query.waitForText((t) => t.includes('办理部门'))
    const told = sectionText(query, 'query__branches').replace(/ /g, '')
    expect(told).toBe(`办理部门示例市市场监督管理局·特别程序（暂停计时）计时暂停·部门特别程序中现场核查（预计${monthDayText(visitEnds)}结束）`)
    expect(sectionText(query, 'query__result')).toMatch(/受理，交示例市市场监督管理局办理\s?窗口受理审查期限\d+月\d+日，按期/)
    expect(query.text()).not.toContain('核实经营场所布局')
    query.unload()

    // The department says no: the reasons and the law, each closed step against its deadline, no 领取方式.
    // 承办, 审核 and 审批 by three people of the department.
    // Each step handed on with its opinion (internal: the applicant never reads it).
    for (let i = 0; i < 2; i++) await act(reviewer, second.body.caseNo, i === 0 ? { type: 'resume_branch', department: 'scjg' } : { type: 'advance_branch', department: 'scjg', opinion: '现场核查发现生活区与经营区未隔离' })
    await act(await staffToken('checker_sc'), second.body.caseNo, { type: 'advance_branch', department: 'scjg', opinion: '同意承办意见，建议不予批准' })
    await act(await staffToken('approver_sc'), second.body.caseNo, { type: 'decide_branch', department: 'scjg', outcome: 'denied', opinion: '经营场所与生活区未有效隔离', basis: '《食品经营许可和备案管理办法》第十二条' })
    const denied = await mp.openPage(CASE, { caseNo: second.body.caseNo })
    await denied.waitForText((t) => t.includes('不予批准的理由'))
    expect(sectionText(denied, 'case__denial')).toBe('不予批准的理由 示例市市场监督管理局 经营场所与生活区未有效隔离 依据：《食品经营许可和备案管理办法》第十二条')
    expect(sectionText(denied, 'case__head')).toContain('未予批准')
    const closed = sectionText(denied, 'case__timeline')
    // Each closed step's deadline says whose it was: the window's 受理审查, the department's 审查.
    expect(closed).toMatch(/窗口\s?受理，交示例市市场监督管理局办理\s?窗口受理审查期限\d+月\d+日，按期/)
    expect(closed).toMatch(/示例市市场监督管理局\s?不予批准\s?：经营场所与生活区未有效隔离（《食品经营许可和备案管理办法》第十二条）\s?部门审查期限\d+月\d+日，按期/)
    // The department's opinions stay inside.
    expect(denied.text()).not.toContain('生活区与经营区未隔离')
    expect(denied.text()).not.toContain('建议不予批准')
    expect(denied.text()).not.toContain('领取方式')
    denied.unload()

    // 我的办件: each case with its light in words.
    const list = await mp.openPage(CASES)
    await list.waitForText((t) => t.includes(second.body.caseNo))
    expect(sectionText(list, 'cases__submitted')).toMatch(new RegExp(`${submitted.caseNo} 已提交，待受理 · 提交于 [^ ]+ [^ ]+ 正常 · \\d+月\\d+日前 · 还剩\\d个工作日`))
    list.unload()
  })

  it('通知书: an issued notice opens as the PDF in WeChat’s viewer, fetched with the session; no signal or no viewer says so', async () => {
    const clerk = await staffToken('clerk')
    const c = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味通知店'), { ...auth(token), 'Idempotency-Key': 'cases-test-notices-00001' })
    await act(clerk, c.body.caseNo, { type: 'start_pre_review' })
    const page = await mp.openPage(CASE, { caseNo: c.body.caseNo })
    await page.waitForText((t) => t.includes('办理进度'))
    expect(page.findByClass('case__notices')).toBeFalsy() // nothing issued yet

    await act(clerk, c.body.caseNo, { type: 'accept' })
    page.show()
    await page.waitForText((t) => t.includes('查看受理通知书'))
    mp.wx.calls.length = 0
    mp.wx.downloads.length = 0
    await page.tap(tappable(page, '查看受理通知书'))
    const shown = await waitFor(() => called('openDocument')[0], 10_000, 'the PDF viewer') as { filePath: string; fileType: string; showMenu: boolean }
    expect(shown).toMatchObject({ fileType: 'pdf', showMenu: true })
    expect(readFileSync(shown.filePath).subarray(0, 5).toString()).toBe('%PDF-')
    expect(mp.wx.downloads).toHaveLength(1)
    expect(mp.wx.downloads[0]).toMatchObject({ status: 200, header: { Authorization: `Bearer ${token}` } })
    expect(new URL(mp.wx.downloads[0]!.url).pathname).toMatch(new RegExp(`^/api/.*${c.body.caseNo}.*notices`))

    // The button reads 正在打开… until the viewer has returned.
    await page.waitForText((t) => t.includes('查看受理通知书'))
    mp.wx.offline = true
    await page.tap(tappable(page, '查看受理通知书'))
    expect(await page.waitForText((t) => t.includes('受理通知书没有打开'))).toContain('受理通知书没有打开：网络不好，请稍后再试')
    mp.wx.offline = false
    mp.wx.openDocumentFails = true
    await page.waitForText((t) => t.includes('查看受理通知书'))
    await page.tap(tappable(page, '查看受理通知书'))
    expect(await page.waitForText((t) => t.includes('打不开 PDF'))).toContain('受理通知书已下载，但这台手机打不开 PDF 文件')
    expect(page.text()).not.toContain('没有打开')
    page.unload()
  })

  it('我的证照: the wallet with masked numbers; the certificate of a case approved here opens as its PDF', async () => {
    const clerk = await staffToken('clerk')
    const reviewer = await staffToken('reviewer_sc')
    const c = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味发证店'), { ...auth(token), 'Idempotency-Key': 'cases-test-licence-00001' })
    const caseNo = c.body.caseNo
    await act(clerk, caseNo, { type: 'start_pre_review' })
    await act(clerk, caseNo, { type: 'accept' })
    // 承办 by the reviewer, 审核 and 审批 by two others (the department rule).
    for (let i = 0; i < 2; i++) await act(reviewer, caseNo, { type: 'advance_branch', department: 'scjg', ...(i ? { opinion: '材料齐全，拟同意' } : {}) })
    await act(await staffToken('checker_sc'), caseNo, { type: 'advance_branch', department: 'scjg', opinion: '同意' })
    await act(await staffToken('approver_sc'), caseNo, { type: 'decide_branch', department: 'scjg', outcome: 'approved', opinion: '符合条件' })
    await act(clerk, caseNo, { type: 'complete', certificate: { number: 'JY13301060000001', validUntil: `${Number(today().slice(0, 4)) + 5}-06-30` } }) // five years on, whatever today is

    const me = await mp.openPage('pages/me/index')
    await me.waitForText((t) => t.includes('我的证照'))
    mp.wx.calls.length = 0
    await me.tap(tappable(me, '我的证照'))
    expect(await waitFor(() => called('navigateTo')[0], 5_000, 'navigation')).toMatchObject({ url: '/packages/apply/pages/licences/index' })
    me.unload()

    const page = await mp.openPage('packages/apply/pages/licences/index')
    const text = await page.waitForText((t) => t.includes('示例市好味发证店') || t.includes('办件编号'))
    expect(text).toContain(licence.title) // the demo wallet's business licence is there too
    expect(text).toContain(`办件编号 ${caseNo}`)
    expect(text).not.toMatch(/11010519491231002X/) // numbers as the BFF masks them
    mp.wx.calls.length = 0
    mp.wx.downloads.length = 0
    await page.tap(tappable(page, '查看证照（PDF，可扫码核验）'))
    const shown = await waitFor(() => called('openDocument')[0], 10_000, 'the PDF viewer') as { filePath: string }
    expect(readFileSync(shown.filePath).subarray(0, 5).toString()).toBe('%PDF-')
    expect(new URL(mp.wx.downloads[0]!.url).pathname).toMatch(/^\/api\/me\/licences\/[^/]+\/certificate$/)
    page.unload()

    // Completed: nothing is left to happen, so no empty 接下来 — how the result came, under its own heading.
    const done = await mp.openPage(CASE, { caseNo })
    const doneText = await done.waitForText((t) => t.includes('提交的申请表'))
    expect(doneText).not.toContain('接下来')
    expect(doneText).toContain('领取方式 电子证照（发到“我的证照”）')
    done.unload()
  })

  it('without a network, 我的办件, a case and 我的证照 show the phone’s copy with when it was saved, and are current again once the signal returns', async () => {
    const pages: [string, Record<string, string>, string, string][] = [
      [CASES, {}, submitted.caseNo, 'cases'],
      [CASE, { caseNo: submitted.caseNo }, '提交的申请表', `case.${submitted.caseNo}`],
      [LICENCES, {}, licence.title, 'licences'],
    ]
    // Seen once with a signal: each page keeps its copy.
    for (const [route, query, shows] of pages) {
      const page = await mp.openPage(route, query)
      await page.waitForText((t) => t.includes(shows))
      page.unload()
    }
    for (const [route, query, shows, copy] of pages) {
      const savedAt = (JSON.parse(String(mp.wx.storage.get(`tb.copy.${copy}`))) as { savedAt: number }).savedAt
      mp.wx.setNetwork(false)
      const page = await mp.openPage(route, query)
      const text = await page.waitForText((t) => t.includes('当前无网络') && t.includes(shows))
      expect(text).toContain(savedCopyText(savedAt))
      expect(text).toContain(`${beijing(savedAt)}保存在本机的内容`)
      expect(text).not.toContain('刷新失败')
      mp.wx.setNetwork(true)
      await page.waitForText((t) => !t.includes('当前无网络') && t.includes(shows))
      page.unload()
    }
  })

  it('keeps an open case current: asks every 30 s while it is shown, as the PWA does, not while hidden, and not once closed', async () => {
    const clerk = await staffToken('clerk')
    const c = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味轮询店'), { ...auth(token), 'Idempotency-Key': 'cases-test-polling-00001' })
    const caseNo = c.body.caseNo
    const asked = () => mp.wx.requests.filter((r) => new URL(r.url).pathname === `/api/cases/${caseNo}`).length
    // The poll's timer, caught as it is set, to run it now instead of in 30 s.
    const real = globalThis.setTimeout
    const polls: { run: () => void; id: ReturnType<typeof setTimeout> }[] = []
    const set = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const id = real(fn, ms)
      if (ms === 30_000) polls.push({ run: fn, id })
      return id
    }) as typeof setTimeout)
    const clear = vi.spyOn(globalThis, 'clearTimeout')
    try {
      const page = await mp.openPage(CASE, { caseNo })
      await page.waitForText((t) => t.includes('提交的申请表'))
      const first = await waitFor(() => polls[0], 5_000, 'the 30 s poll')
      const before = asked()

      // The window acts while the page is open; 30 s later the page shows it, without being shown again.
      await act(clerk, caseNo, { type: 'start_pre_review' })
      clearTimeout(first.id)
      first.run()
      await page.waitForText((t) => t.includes('办件有新进展'))
      expect(asked()).toBe(before + 1)
      const next = await waitFor(() => polls[1], 5_000, 'the next poll')

      // Hidden: the timer goes and no other comes.
      page.hide()
      expect(clear).toHaveBeenCalledWith(next.id)
      await new Promise((r) => real(r, 50))
      expect(polls).toHaveLength(2)
      expect(asked()).toBe(before + 1)

      // Back: asked at once, and every 30 s again.
      page.show()
      await waitFor(() => asked() === before + 2, 5_000, 'the check on showing')
      const again = await waitFor(() => polls[2], 5_000, 'the poll after showing')
      page.unload()
      expect(clear).toHaveBeenCalledWith(again.id)
    } finally {
      set.mockRestore()
      clear.mockRestore()
    }
  })

  it('办件查询 from 首页, signed out: errors by the field, a wrong phone gets nothing, the right one the steps without personal data', async () => {
    const home = await mp.openPage('pages/home/index')
    await home.waitForText((t) => t.includes('办件查询'))
    mp.wx.calls.length = 0
    await home.tap(tappable(home, '办件查询'))
    expect(await waitFor(() => called('navigateTo')[0], 5_000, 'navigation')).toMatchObject({ url: '/packages/apply/pages/query/index' })
    home.unload()

    // A relative's phone: nobody signed in.
    mp.wx.storage.delete(TOKEN_KEY)
    try {
      mp.wx.requests.length = 0
      const page = await mp.openPage('packages/apply/pages/query/index')
      await page.waitForText((t) => t.includes('不用登录'))
      // Where the number is, and what one looks like: the same words as the PWA's.
      expect(sectionText(page, 'query__hint')).toBe(CASE_NO_HINT)
      await page.tap(tappable(page, '查询'))
      expect(await page.waitForText((t) => t.includes('请输入办件编号'))).toContain('请输入申请时手机号的后4位数字')
      expect(mp.wx.requests.filter((r) => r.url.includes('/api/query'))).toEqual([])

      // The receipt's number typed on a Chinese keyboard, lower case; the wrong last 4 digits first.
      await page.type(section(page, 'query__input--caseNo'), submitted.caseNo.toLowerCase().replace(/-/g, '－'))
      await page.type(section(page, 'query__input--phone4'), '0000')
      await page.tap(tappable(page, '查询'))
      expect(await page.waitForText((t) => t.includes('没有找到这个办件'))).not.toContain('请输入办件编号')
      expect(page.findByClass('query__result')).toBeFalsy()

      await page.type(section(page, 'query__input--phone4'), PHONE.slice(-4))
      await page.tap(tappable(page, '查询'))
      await page.waitForText((t) => t.replace(/ /g, '').includes('申请人提交了申请'))
      const shown = sectionText(page, 'query__result')
      expect(shown).toContain(submitted.caseNo)
      expect(shown).toContain(submitted.itemName)
      expect(shown).toMatch(/本环节：/)
      expect(shown.replace(/ /g, '')).toContain('申请人提交了申请')
      for (const personal of [PHONE, '11010519491231002X', '张三']) expect(page.text()).not.toContain(personal)
      expect(mp.wx.requests.filter((r) => r.url.includes('/api/')).every((r) => !r.header['Authorization'])).toBe(true)
      page.unload()
    } finally {
      mp.wx.storage.set(TOKEN_KEY, token)
    }
  })

  it('shows a light by colour and in words: 即将到期 near the deadline, 已超期 past it, for the case and for each department', async () => {
    const clerk = await staffToken('clerk')
    const near = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味临期店'), { ...auth(token), 'Idempotency-Key': 'cases-test-lights-000001' })
    // Back one calendar day at a time until the window's 2-working-day pre-review is down to its last day (weekends and holidays in between).
    let seen = near.body
    for (let i = 0; i < 12 && seen.light !== 'yellow'; i++) {
      await bff.backdateCase!(near.body.caseNo, 1)
      seen = (await getJson<CaseDetail>(`${bff.url}/api/cases/${near.body.caseNo}`, auth(token))).body
    }
    expect(seen.light).toBe('yellow')
    const late = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味超期店'), { ...auth(token), 'Idempotency-Key': 'cases-test-lights-000002' })
    await act(clerk, late.body.caseNo, { type: 'start_pre_review' })
    await act(clerk, late.body.caseNo, { type: 'accept' })
    await act(await staffToken('reviewer_sc'), late.body.caseNo, { type: 'advance_branch', department: 'scjg' })
    await bff.backdateCase!(late.body.caseNo, 90)

    const list = await mp.openPage(CASES)
    await list.waitForText((t) => t.includes(near.body.caseNo) && t.includes(late.body.caseNo))
    const nearRow = caseRow(list, near.body.caseNo)
    expect(collapse(textOf(nearRow))).toMatch(/即将到期 · \d+月\d+日前 · (还剩1个工作日|今天到期)$/)
    expect(lightClass(nearRow)).toBe('light--yellow')
    const lateRow = caseRow(list, late.body.caseNo)
    expect(collapse(textOf(lateRow))).toMatch(/已超期\d+个工作日 · 期限为\d+月\d+日$/)
    expect(lightClass(lateRow)).toBe('light--red')
    expect(lightClass(caseRow(list, submitted.caseNo))).toBe('light--green')
    list.unload()

    const page = await mp.openPage(CASE, { caseNo: late.body.caseNo })
    await page.waitForText((t) => t.includes('办理部门'))
    expect(sectionText(page, 'case__head')).toMatch(/当前状态 部门办理中 .*本环节：已超期\d+个工作日 · 期限为\d+月\d+日/)
    const branches = section(page, 'case__branches')
    expect(collapse(textOf(branches)).replace(/ /g, '')).toMatch(/^办理部门示例市市场监督管理局·承办中已超期\d+个工作日·期限为\d+月\d+日$/)
    expect(lightClass(branches)).toBe('light--red')
    // What to do about it: the item's phones, one tap to call.
    const phones = (await getJson<CaseDetail>(`${bff.url}/api/cases/${late.body.caseNo}`, auth(token))).body.phones!
    expect(sectionText(page, 'case__late')).toContain('已超过承诺的办理时限')
    mp.wx.calls.length = 0
    await page.tap(tappable(page, `咨询电话 ${phones.consult}`))
    expect(await waitFor(() => called('makePhoneCall')[0], 5_000, 'the call')).toMatchObject({ phoneNumber: phones.consult })
    page.unload()
    // A case on time offers no such thing.
    const onTime = await mp.openPage(CASE, { caseNo: near.body.caseNo })
    await onTime.waitForText((t) => t.includes('本环节'))
    expect(onTime.text()).not.toContain('已超过承诺的办理时限')
    onTime.unload()
  })

  it('撤回 on a case the window changed meanwhile: nothing is withdrawn, the page says why in words and shows the new state', async () => {
    const clerk = await staffToken('clerk')
    const created = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味变化店'), { ...auth(token), 'Idempotency-Key': 'cases-test-changed-000001' })
    const caseNo = created.body.caseNo
    const page = await mp.openPage(CASE, { caseNo })
    await page.waitForText((t) => t.includes('不想办了') && t.includes('已提交，待受理'))

    // The window starts its pre-review while the page is open: the case may still be withdrawn, after a look.
    await act(clerk, caseNo, { type: 'start_pre_review' })
    mp.wx.modalConfirms = true
    mp.wx.calls.length = 0
    await page.tap(tappable(page, '撤回申请'))
    let text = await page.waitForText((t) => t.includes('没有撤回'))
    expect(sectionText(page, 'case__withdraw')).toContain('没有撤回：办件刚有了新进展（窗口预审中）。请先看看最新情况，仍要撤回的话再点一次“撤回申请”。')
    expect(text).toContain('当前状态 窗口预审中')
    expect(text).toContain('办件有新进展：')
    expect(called('showModal').map((m) => m.title)).toEqual(['撤回申请', '没有撤回'])

    // Now the window accepts it: too late to withdraw, and the page says so where the button was.
    await act(clerk, caseNo, { type: 'accept' })
    mp.wx.calls.length = 0
    await page.tap(tappable(page, '撤回申请'))
    text = await page.waitForText((t) => t.includes('受理后不能再撤回'))
    expect(sectionText(page, 'case__head')).toMatch(/没有撤回：办件刚有了新进展（(已受理|部门办理中)），受理后不能再撤回。/)
    expect(text).not.toContain('不想办了')
    expect(called('showModal').at(-1)).toMatchObject({ title: '没有撤回', showCancel: false })
    const onBff = await getJson<CaseDetail>(`${bff.url}/api/cases/${caseNo}`, auth(token))
    expect(onBff.body.status).not.toBe('withdrawn')
    expect(text).toContain(`当前状态 ${onBff.body.statusLabel}`)
    page.unload()

    // Withdrawn on another phone first: this one says it is done already.
    const twice = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味两次店'), { ...auth(token), 'Idempotency-Key': 'cases-test-changed-000002' })
    const again = await mp.openPage(CASE, { caseNo: twice.body.caseNo })
    await again.waitForText((t) => t.includes('不想办了'))
    expect((await postJson(`${bff.url}/api/cases/${twice.body.caseNo}/withdraw`, { version: twice.body.version }, auth(token))).status).toBe(200)
    await again.tap(tappable(again, '撤回申请'))
    await again.waitForText((t) => t.includes('没有撤回：这份申请已经在别处撤回了，不用再撤回。') && t.includes('当前状态 已撤回'))
    again.unload()
  })

  it('补正: each reason above its field, the case’s own answers filled in, resubmitted once on the version seen', async () => {
    const clerk = (await postJson<{ token: string }>(`${bff.url}/api/staff/login`, { username: 'clerk', password: 'Tongban@2026' })).body.token
    const created = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味面积店'), { ...auth(token), 'Idempotency-Key': 'cases-test-supplement-001' })
    const caseNo = created.body.caseNo
    for (const body of [{ type: 'start_pre_review', version: 1 }, { type: 'request_supplement', version: 2, items: [{ path: 'premisesArea', reason: '请按租赁合同填写使用面积' }] }]) {
      expect((await postJson(`${bff.url}/api/staff/cases/${caseNo}/events`, body, auth(clerk))).status).toBe(200)
    }
    const detail = await mp.openPage(CASE, { caseNo })
    await detail.waitForText((t) => t.includes('去补正'))
    mp.wx.calls.length = 0
    await detail.tap(tappable(detail, '去补正'))
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: `/packages/apply/pages/supplement/index?caseNo=${caseNo}` }))
    detail.unload()

    const page = await mp.openPage('packages/apply/pages/supplement/index', { caseNo })
    const text = await page.waitForText((t) => t.includes('补正后重新提交') && t.includes('经营者名称'))
    expect(text).toMatch(/经营场所使用面积（平方米）\s*\*?\s*需要补正：请按租赁合同填写使用面积/)
    expect(attr(page.findByClass('field__input--operatorName')!, 'value')).toBe('示例市好味面积店')
    await page.type(page.findByClass('field__input--premisesArea')!, '72.5')
    await page.tap(tappable(page, '补正后重新提交'))
    await page.waitForText((t) => t.includes('已重新提交'))
    const after = await getJson<CaseDetail>(`${bff.url}/api/cases/${caseNo}`, auth(token))
    expect(after.body).toMatchObject({ status: 'submitted', version: 4, values: { premisesArea: 72.5, operatorName: '示例市好味面积店' } })
    page.unload()
  })

  it('补正 sent from another phone meanwhile: this one does not send it again and says why, with a way to the case', async () => {
    const clerk = await staffToken('clerk')
    const created = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味两机店'), { ...auth(token), 'Idempotency-Key': 'cases-test-supplement-002' })
    const caseNo = created.body.caseNo
    await act(clerk, caseNo, { type: 'start_pre_review' })
    await act(clerk, caseNo, { type: 'request_supplement', items: [{ path: 'premisesArea', reason: '请按租赁合同填写使用面积' }] })
    const page = await mp.openPage('packages/apply/pages/supplement/index', { caseNo })
    await page.waitForText((t) => t.includes('补正后重新提交') && t.includes('经营者名称'))

    // The other phone corrects the area first.
    const seen = (await getJson<CaseDetail>(`${bff.url}/api/cases/${caseNo}`, auth(token))).body
    const other = await postJson(`${bff.url}/api/cases/${caseNo}/resubmit`, { version: seen.version, values: { ...seen.values, premisesArea: 80 } }, auth(token))
    expect(other.status, JSON.stringify(other.body)).toBe(200)

    await page.type(page.findByClass('field__input--premisesArea')!, '72.5')
    await page.tap(tappable(page, '补正后重新提交'))
    await page.waitForText((t) => t.includes('没有重新提交'))
    expect(page.text()).toContain('没有重新提交：办件刚有了新进展（已提交，待受理），现在不需要再补正。')
    const after = await getJson<CaseDetail>(`${bff.url}/api/cases/${caseNo}`, auth(token))
    expect(after.body).toMatchObject({ status: 'submitted', values: { premisesArea: 80 } })
    mp.wx.calls.length = 0
    await page.tap(tappable(page, '查看办件'))
    expect(called('redirectTo')).toContainEqual(expect.objectContaining({ url: `/${CASE}?caseNo=${caseNo}` }))
    page.unload()
  })

  it('补正 the BFF refuses by field: the message at the field and in the summary, the page taken there, gone once the citizen changes it', async () => {
    const clerk = await staffToken('clerk')
    const body = foodLicence('示例市好味证照店')
    const created = await postJson<CaseDetail>(`${bff.url}/api/cases`, body, { ...auth(token), 'Idempotency-Key': 'cases-test-supplement-003' })
    const caseNo = created.body.caseNo
    await act(clerk, caseNo, { type: 'start_pre_review' })
    await act(clerk, caseNo, { type: 'request_supplement', items: [{ path: 'businessLicenceFile', reason: '营业执照已换发，请重新选择' }] })
    // The correction kept on this phone names an e-licence the wallet no longer holds: only the BFF can tell.
    mp.wx.storage.set(`tb.draft.supplement:${caseNo}`, JSON.stringify({
      itemCode: caseNo, itemName: '食品经营许可', formVersion: 1, answers: body.answers, updatedAt: Date.now(),
      values: { ...body.values, businessLicenceFile: { kind: 'eLicence', licenceId: '00000000-0000-4000-8000-00000000dead', title: '营业执照 · 旧照' } },
    }))
    const page = await mp.openPage('packages/apply/pages/supplement/index', { caseNo })
    await page.waitForText((t) => t.includes('补正后重新提交') && t.includes('电子证照：营业执照 · 旧照'))

    const refused = '营业执照：没有找到这张电子证照，请重新选择'
    mp.wx.calls.length = 0
    await page.tap(tappable(page, '补正后重新提交'))
    await page.waitForText((t) => t.includes(refused))
    expect(mp.wx.requests.filter((r) => r.method === 'POST' && r.url.endsWith(`/api/cases/${caseNo}/resubmit`)).map((r) => r.status)).toEqual([400])
    const field = byId(page, 'field-businessLicenceFile')
    expect(collapse(textOf(field))).toContain(refused)
    expect(String(attr(field, 'class'))).toContain('field--invalid')
    expect(sectionText(page, 'supplement__summary')).toBe(`有1处需要修改 ${refused}`)
    // Said by the field, not as the refusal's title at the button.
    expect(page.text()).not.toContain('填写的内容有误')
    expect(called('pageScrollTo')).toContainEqual(expect.objectContaining({ selector: '#field-businessLicenceFile' }))

    // 删除 is a change: the BFF's message goes, the form's own (nothing attached) takes its place.
    await page.tap(tappableIn(byId(page, 'field-businessLicenceFile'), '删除'))
    await page.waitForText((t) => !t.includes(refused))
    expect(sectionText(page, 'supplement__summary')).toMatch(/^有1处需要修改 请上传营业执照/)
    await page.tap(tappableIn(byId(page, 'field-businessLicenceFile'), '使用电子证照'))
    await page.waitForText((t) => t.includes('营业执照 ·'))
    await page.tap(tappableIn(byId(page, 'field-businessLicenceFile'), '营业执照 ·'))
    await page.waitForText((t) => t.includes('电子证照：营业执照') && !t.includes('需要修改'))
    expect(page.findByClass('field__error')).toBeNull()

    await page.tap(tappable(page, '补正后重新提交'))
    await page.waitForText((t) => t.includes('已重新提交'))
    const after = await getJson<CaseDetail>(`${bff.url}/api/cases/${caseNo}`, auth(token))
    expect(after.body).toMatchObject({ status: 'submitted', values: { businessLicenceFile: { kind: 'eLicence', licenceId: licence.id } } })
    page.unload()
  })

  it('补正 refused with a message for no field: said above the button; a field’s message clears as the citizen types', async () => {
    const clerk = await staffToken('clerk')
    const created = await postJson<CaseDetail>(`${bff.url}/api/cases`, foodLicence('示例市好味核面店'), { ...auth(token), 'Idempotency-Key': 'cases-test-supplement-004' })
    const caseNo = created.body.caseNo
    await act(clerk, caseNo, { type: 'start_pre_review' })
    await act(clerk, caseNo, { type: 'request_supplement', items: [{ path: 'premisesArea', reason: '请按租赁合同填写使用面积' }] })
    const page = await mp.openPage('packages/apply/pages/supplement/index', { caseNo })
    await page.waitForText((t) => t.includes('补正后重新提交') && t.includes('经营者名称'))

    const atField = '使用面积与租赁合同不符，请核对后填写'
    const forPage = '这次补正没有通过核验，请核对后再提交'
    const resubmit = `/api/cases/${caseNo}/resubmit`
    mp.wx.intercept = (r) => (r.method === 'POST' && r.url.endsWith(resubmit)
      ? { status: 400, body: makeProblem('VALIDATION', { errors: [{ path: 'premisesArea', code: 'area_mismatch', message: atField }, { path: '', code: 'invalid_event', message: forPage }] }) }
      : null)
    try {
      mp.wx.calls.length = 0
      await page.tap(tappable(page, '补正后重新提交'))
      await page.waitForText((t) => t.includes(atField) && t.includes(forPage))
      expect(collapse(textOf(byId(page, 'field-premisesArea')))).toContain(atField)
      expect(sectionText(page, 'supplement__summary')).toBe(`有1处需要修改 ${atField}`)
      expect(sectionText(page, 'supplement__page-error')).toBe(forPage)
      expect(called('pageScrollTo')).toContainEqual(expect.objectContaining({ selector: '#field-premisesArea' }))

      await page.type(page.findByClass('field__input--premisesArea')!, '72.5')
      await page.waitForText((t) => !t.includes(atField) && !t.includes(forPage))
      expect(page.findByClass('supplement__summary')).toBeNull()
      expect(page.findByClass('field__error')).toBeNull()
    } finally {
      mp.wx.intercept = null
    }
    await page.tap(tappable(page, '补正后重新提交'))
    await page.waitForText((t) => t.includes('已重新提交'))
    const after = await getJson<CaseDetail>(`${bff.url}/api/cases/${caseNo}`, auth(token))
    expect(after.body).toMatchObject({ status: 'submitted', values: { premisesArea: 72.5 } })
    page.unload()
  })

  it('a case that is not the citizen’s says so, with 重试', async () => {
    const page = await mp.openPage(CASE, { caseNo: 'SJ-0001-20260101-9999' })
    const text = await page.waitForText((t) => t.includes('重试'))
    expect(text).not.toContain('提交的申请表')
    page.unload()
  })

  it('pull-down fetches what another device saved since', async () => {
    const page = await mp.openPage(CASES)
    await page.waitForText((t) => t.includes('最低生活保障申请'))
    expect(page.text()).not.toContain('食品经营许可 保存于')
    const later: Omit<DraftRecord, 'itemCode'> = { itemName: '食品经营许可', formVersion: 1, values: { operatorName: '新店' }, answers: {}, updatedAt: Date.now() }
    expect((await putJson(`${bff.url}/api/me/drafts/SJ-0001`, later, auth(token))).status).toBe(200)
    mp.wx.calls.length = 0
    page.pullDown()
    await page.waitForText((t) => sectionText(page, 'cases__drafts').includes('食品经营许可'))
    await waitFor(() => called('stopPullDownRefresh').length === 1, 5_000, 'stopPullDownRefresh')
    page.unload()
  })

  it('deleting a draft asks first: 取消 keeps it, 删除 removes it here and on the BFF', async () => {
    const page = await mp.openPage(CASES)
    await page.waitForText((t) => t.includes('最低生活保障申请'))

    mp.wx.modalConfirms = false
    mp.wx.calls.length = 0
    await page.tap(tappableIn(draftRow(page, '最低生活保障申请'), '删除'))
    const modal = await waitFor(() => called('showModal')[0], 5_000, 'the confirmation')
    expect(modal).toMatchObject({ title: '删除草稿', confirmText: '删除' })
    expect(String(modal.content)).toContain('最低生活保障申请')
    await new Promise((r) => setTimeout(r, 100))
    expect(sectionText(page, 'cases__drafts')).toContain('最低生活保障申请')
    expect(mp.wx.storage.has('tb.draft.MZ-0001')).toBe(true)

    mp.wx.modalConfirms = true
    for (const name of ['最低生活保障申请', '食品经营许可', '住房公积金提取']) {
      await page.tap(tappableIn(draftRow(page, name), '删除'))
      await page.waitForText((t) => !(page.findByClass('cases__drafts') && textOf(page.findByClass('cases__drafts')!).includes(name)))
    }
    expect(page.findByClass('cases__drafts')).toBeNull()
    for (const code of ['MZ-0001', 'SJ-0001', 'GJ-0001']) expect(mp.wx.storage.has(`tb.draft.${code}`)).toBe(false)
    const onBff = await getJson<DraftRecord[]>(`${bff.url}/api/me/drafts`, auth(token))
    expect(onBff.body).toEqual([])
    page.unload()

    // Gone for good: opening the list again does not bring them back from the BFF.
    const again = await mp.openPage(CASES)
    await again.waitForText((t) => t.includes(submitted.caseNo))
    expect(again.findByClass('cases__drafts')).toBeNull()
    again.unload()
  })

  it('an account with nothing yet shows the empty state with a way to find an item', async () => {
    mp.wx.storage.set(TOKEN_KEY, emptyToken)
    const page = await mp.openPage(CASES)
    const text = await page.waitForText((t) => t.includes('还没有提交过申请'))
    expect(text).not.toContain('等待提交')
    expect(text).not.toContain(submitted.caseNo)
    expect(page.findByClass('cases__submitted')).toBeNull()
    mp.wx.calls.length = 0
    await page.tap(tappable(page, '去查找事项'))
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: '/pages/search/index' }))
    page.unload()
  })

  it('signed out: 去登录, and back to 我的办件 afterwards', async () => {
    mp.wx.storage.delete(TOKEN_KEY)
    const page = await mp.openPage(CASES)
    await page.waitForText((t) => t.includes('请先登录，再查看我的办件'))
    // The session has ended: nothing of the account's stays on the phone for the next person.
    expect([...mp.wx.storage.keys()].filter((k) => k.startsWith('tb.copy'))).toEqual([])
    mp.wx.calls.length = 0
    await page.tap(tappable(page, '去登录'))
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: `/pages/login/index?next=${encodeURIComponent(`/${CASES}`)}` }))
    page.unload()
    mp.wx.storage.set(TOKEN_KEY, token)
  })

  it('is a tab (办件), also reached from 我的', async () => {
    const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as { tabBar: { list: { pagePath: string; text: string }[] } }
    expect(app.tabBar.list).toContainEqual(expect.objectContaining({ pagePath: CASES, text: '办件' }))
    const me = await mp.openPage('pages/me/index')
    await me.waitForText((t) => t.includes('我的办件'))
    mp.wx.calls.length = 0
    await me.tap(tappable(me, '我的办件'))
    expect(called('switchTab')).toContainEqual(expect.objectContaining({ url: `/${CASES}` }))
    me.unload()
  })

  it('renders every element it is given (no missing WXML templates)', () => {
    expect(mp.renderErrors).toEqual([])
  })
})
