/**
 * Tracking a case as it moves, in Chromium: a resident has applied for
 * 最低生活保障 and keeps the case page open on the phone (375×812). At the
 * hall the clerk accepts it on the workbench (1024×900); at 民政局 one
 * reviewer undertakes it (承办) and pauses it for a home visit and resumes,
 * another reviews it (审核), the approver approves it (审批) — the one who
 * undertook it is not offered 审核; the clerk completes it with the e-licence. The 受理通知书 and the certificate
 * download as PDFs whose text is read back; the notice's QR page says 真实有效. Each time the resident comes back
 * to the tab, the page shows the new step, its department, the clock and
 * light — without a reload — and at the end the licence is in 我的证照.
 * axe finds nothing on the citizen pages. Screenshots go to test/artifacts/.
 */
import { expect, it, onTestFailed } from 'vitest'
import { inspectPdf } from '../../server/src/notices/pdf-inspect'
import { addWorkingDays, missingYears, monthDayText, type CaseDetail, type SubmitCaseBody } from '@tongban/core'
import { axeViolations, citizenContext, downloaded, residentIdFor, screenshot, staffPage as signedInStaff, useProduct } from './support'
import { today } from '../../server/src/testing'

const e2e = useProduct()

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 })
const shot = screenshot
const axe = axeViolations

/** 最低生活保障 for a woman over seventy living alone, applied for from `phone`. */
const lowIncome = (phone: string, address: string): SubmitCaseBody => ({
  itemCode: 'MZ-0001', formVersion: 1, answers: {}, delivery: 'pickup', personalDataConsent: true,
  values: {
    applicantName: '吴秀兰', idNumber: residentIdFor(phone), phone, region: { province: '330000', city: '330100', district: '330106' },
    address, members: [{ name: '吴秀兰', relation: 'self', idNumber: residentIdFor(phone), monthlyIncome: 450 }],
    savings: 800, reason: '年过七旬独自生活，没有固定收入。', checkAuth: true, pledge: true,
  },
})

/** A case that `phone` applied for (signed in on its own browser, closed again): its number. */
async function appliedCase(phone: string, address: string, key: string): Promise<string> {
  const owner = await citizenContext(e2e.browser, e2e.product.url, phone)
  const created = await owner.request.post(`${e2e.product.url}/api/cases`, { data: lowIncome(phone, address), headers: { 'idempotency-key': key } })
  expect(created.status()).toBe(201)
  const { caseNo } = await created.json() as CaseDetail
  await owner.close()
  return caseNo
}

it('the resident sees each step the hall and the department take, as they take them', async () => {
  // On failure, every open page as it was, to look at.
  onTestFailed(async () => {
    for (const [i, page] of e2e.browser.contexts().flatMap((x) => x.pages()).entries()) await shot(page, `tracking-failed-${i}`).catch(() => undefined)
  })
  const phone = '13866661234'
  const citizen = await citizenContext(e2e.browser, e2e.product.url, phone)
  const created = await citizen.request.post(`${e2e.product.url}/api/cases`, { data: lowIncome(phone, '杏花村7组2号'), headers: { 'idempotency-key': 'tracking-e2e-0000000001' } })
  expect(created.status()).toBe(201)
  const caseNo = (await created.json() as CaseDetail).caseNo
  const c = await citizen.newPage()
  const errors: string[] = []
  c.on('pageerror', (e) => errors.push(e.message))
  await c.goto(`${e2e.product.url}/cases/${caseNo}`)
  await poll(() => c.getByText('申请人提交了申请').count()).toBe(1)
  /** The resident comes back to the tab. */
  const lookAgain = () => c.evaluate(() => window.dispatchEvent(new Event('focus')))

  // The window: pre-review and acceptance.
  const clerk = await signedInStaff(e2e.browser, e2e.product.url, 'clerk')
  // The clerk finds it on the workbench by the resident's phone; the resident is told of the look.
  await clerk.page.goto(`${e2e.product.url}/staff`)
  await clerk.page.getByLabel('办件编号、手机号码或姓名').fill(phone)
  await clerk.page.getByRole('button', { name: '查找', exact: true }).click()
  const found = clerk.page.getByRole('list', { name: '查找结果' })
  await poll(() => found.getByRole('listitem').filter({ hasText: caseNo }).count()).toBe(1)
  await shot(clerk.page, 'staff-search')
  const looks = await (await citizen.request.get(`${e2e.product.url}/api/me/access-log`)).json() as { fields: string[] }[]
  expect(looks.map((l) => l.fields)).toContainEqual(['caseSearch:phone'])
  await found.getByRole('link').first().click()
  await clerk.page.waitForURL(/\/staff\/cases\//)
  await clerk.page.getByRole('button', { name: '开始预审' }).click()
  await poll(() => clerk.page.getByText('已开始预审。').count()).toBe(1)
  await clerk.page.getByRole('button', { name: '受理', exact: true }).click()
  await poll(() => clerk.page.getByText('已受理，办理部门开始计时。').count()).toBe(1)
  await lookAgain()
  await poll(() => c.getByRole('status').filter({ hasText: '办件有新进展：受理，交示例市民政局办理' }).count()).toBe(1)
  expect(await c.getByText('窗口受理，交示例市民政局办理').count()).toBe(1)
  // Each closed step says whose deadline it was and whether it was kept: the window's, accepted the same day.
  expect(await c.getByText(/^窗口受理审查期限\d+月\d+日，按期$/).count()).toBe(1)

  // The department: 承办, 审核, then a home visit stops the clock.
  const reviewer = await signedInStaff(e2e.browser, e2e.product.url, 'reviewer_mz')
  const queue = reviewer.page.getByRole('list', { name: '待办办件' })
  await poll(() => queue.getByRole('listitem').filter({ hasText: caseNo }).count()).toBe(1)
  await queue.getByRole('listitem').filter({ hasText: caseNo }).getByRole('link').click()
  await reviewer.page.waitForURL(/\/staff\/cases\//)
  const branch = reviewer.page.getByRole('region', { name: '办理部门' })
  // Taking the case asks for no opinion; handing 承办 on does, and sends nothing without it.
  await reviewer.page.getByRole('button', { name: '开始承办' }).click()
  await poll(() => branch.getByText('承办中').count()).toBe(1)
  await reviewer.page.getByRole('button', { name: '提交下一环节' }).click()
  await poll(() => reviewer.page.getByText('请填写承办意见').count()).toBe(1)
  await shot(reviewer.page, 'staff-opinion-required')
  expect(await branch.getByText('承办中').count()).toBe(1)
  await reviewer.page.getByLabel('承办意见').fill('家庭人均收入低于当地低保标准，拟同意。')
  await reviewer.page.getByLabel('告知申请人（选填）').fill('您的材料已审查，下一步入户核实。')
  await reviewer.page.getByRole('button', { name: '提交下一环节' }).click()
  await poll(() => branch.getByText('审核中').count()).toBe(1)
  // Done, in green: not the amber a warning wears.
  expect(await reviewer.page.getByRole('status').filter({ hasText: '已转入下一环节。' }).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(232, 245, 236)')
  await reviewer.page.getByText('进入特别程序（暂停计时）').click()
  await reviewer.page.getByLabel('程序').selectOption('现场核查')
  await reviewer.page.getByLabel('理由').fill('入户核实家庭收入和财产')
  // Art. 45: the applicant is told how long it takes — no expected end, no pause.
  await reviewer.page.getByRole('button', { name: '暂停计时' }).click()
  await poll(() => reviewer.page.getByRole('alert').filter({ hasText: '请填写特别程序的预计结束日期' }).count()).toBe(1)
  const visitEnds = addWorkingDays(today(), 5)
  await reviewer.page.getByLabel('预计结束日期（会告知申请人）').fill(visitEnds)
  await reviewer.page.getByRole('button', { name: '暂停计时' }).click()
  await poll(() => reviewer.page.getByText('已暂停计时。').count()).toBe(1)

  await lookAgain()
  await poll(() => c.getByText('示例市民政局进入现场核查，暂停计时').count()).toBe(1)
  expect(await c.getByText('示例市民政局开始审核').count()).toBe(1)
  expect(await c.getByText(/入户核实家庭收入和财产/).count()).toBeGreaterThan(0)
  expect(await c.getByText(`（预计${monthDayText(visitEnds)}结束）`, { exact: false }).count()).toBe(1)
  expect(await axe(c)).toEqual([])
  await shot(c, 'tracking-paused')

  // Resumed, approved, completed with the e-licence.
  await reviewer.page.getByRole('button', { name: '恢复办理' }).click()
  await poll(() => reviewer.page.getByText('已恢复办理，继续计时。').count()).toBe(1)
  // The leader extends the period (Art. 42); the resident reads it, with the reason.
  const leader = await signedInStaff(e2e.browser, e2e.product.url, 'leader')
  await leader.page.goto(`${e2e.product.url}/staff/cases/${caseNo}`)
  await leader.page.getByText('延长办理期限').click()
  await leader.page.getByLabel('延长工作日').fill('5')
  await leader.page.getByLabel('理由').fill('需核对外地房产登记')
  await leader.page.getByRole('button', { name: '批准延期' }).click()
  await poll(() => leader.page.getByText('已延长办理期限。').count()).toBe(1)
  await leader.context.close()
  await lookAgain()
  await poll(() => c.getByRole('region', { name: '办理进度' }).getByText('办理期限延长5个工作日：需核对外地房产登记', { exact: false }).count()).toBe(1)
  // 承办人 / 审核人 / 批准人 are three people: the one who undertook it is not offered 审核, another reviewer hands it on,
  // and only the approver is offered 同意.
  await reviewer.page.reload()
  // Loaded: the 承办人 may still pause the branch, not hand on its 审核.
  await poll(() => reviewer.page.getByText('进入特别程序（暂停计时）').count()).toBe(1)
  expect(await reviewer.page.getByRole('button', { name: '提交下一环节' }).count()).toBe(0)
  const checker = await signedInStaff(e2e.browser, e2e.product.url, 'checker_mz')
  await checker.page.goto(`${e2e.product.url}/staff/cases/${caseNo}`)
  await checker.page.getByLabel('审核意见').fill('材料齐全，入户核查属实')
  await checker.page.getByRole('button', { name: '提交下一环节' }).click()
  await poll(() => checker.page.getByRole('region', { name: '办理部门' }).getByText('审批中').count()).toBe(1)
  expect(await checker.page.getByRole('button', { name: '同意', exact: true }).count()).toBe(0)
  await checker.context.close()
  const approver = await signedInStaff(e2e.browser, e2e.product.url, 'approver_mz')
  await approver.page.goto(`${e2e.product.url}/staff/cases/${caseNo}`)
  await approver.page.getByLabel('审批意见').fill('经入户核查，符合低保条件')
  await approver.page.getByRole('button', { name: '同意', exact: true }).click()
  await poll(() => approver.page.getByText('已同意。').count()).toBe(1)
  await shot(approver.page, 'tracking-reviewer')
  await approver.context.close()

  await clerk.page.reload()
  await clerk.page.getByLabel('证照编号').fill('示民低保〔2026〕0088号')
  await clerk.page.getByRole('button', { name: '办结并发放电子证照' }).click()
  await poll(() => clerk.page.getByText(/已办结，电子证照已发放/).count()).toBe(1)

  await lookAgain()
  await poll(() => c.getByText('窗口办结，结果已出具').count()).toBe(1)
  expect(await c.getByText('示例市民政局同意').count()).toBe(1)
  // The department's opinions stay with staff; what it chose to tell the resident is on the timeline.
  expect(await c.getByText('您的材料已审查，下一步入户核实。', { exact: false }).count()).toBe(1)
  for (const inside of ['拟同意', '入户核查属实', '符合低保条件']) expect(await c.getByText(inside, { exact: false }).count()).toBe(0)
  expect(await c.getByText(/电子证照已发放到“我的证照”，编号示民低保〔2026〕0088号/).count()).toBe(1)
  expect(await axe(c)).toEqual([])
  await shot(c, 'tracking-done')

  // The 受理通知书 from the case page: a real PDF saying what it should, its QR code's page says 真实有效.
  const [notice] = await Promise.all([c.waitForEvent('download'), c.getByRole('link', { name: /下载受理通知书/ }).click()])
  const noticeFacts = await inspectPdf(await downloaded(notice))
  for (const text of ['受理通知书', caseNo, '吴秀兰', '决定予以受理', '示例市民政局', '扫码核验真伪']) expect(noticeFacts.text).toContain(text)
  const verifyUrl = noticeFacts.links.find((l) => l.includes('/verify/'))!
  // Without PUBLIC_ORIGIN the product prints http://localhost:<its port>, never the address a request named.
  const printed = `http://localhost:${new URL(e2e.product.url).port}/verify/`
  expect(verifyUrl.startsWith(printed)).toBe(true)
  const anon = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const v = await anon.newPage()
  await v.goto(`${e2e.product.url}/verify/${verifyUrl.slice(printed.length)}`)
  await poll(() => v.getByRole('heading', { name: '真实有效' }).count()).toBe(1)
  expect(await v.getByText('吴秀兰').count()).toBe(0)
  expect(await axe(v)).toEqual([])
  await shot(v, 'tracking-verify')
  await anon.close()

  // The licence in 我的证照, and its certificate PDF.
  await c.goto(`${e2e.product.url}/me/licences`)
  await poll(() => c.getByText(/最低生活保障.*吴秀兰/).count()).toBeGreaterThan(0)
  expect(await c.getByText('示民低保〔2026〕0088号').count()).toBe(1)
  expect(await axe(c)).toEqual([])
  await shot(c, 'tracking-licences')
  const [cert] = await Promise.all([c.waitForEvent('download'), c.getByRole('link', { name: /下载证照/ }).click()])
  const certFacts = await inspectPdf(await downloaded(cert))
  for (const text of ['示民低保〔2026〕0088号', '吴秀兰', '示例市民政局']) expect(certFacts.text).toContain(text)

  // 我的办件 lists it as finished, with no clock left to show; axe finds nothing there either.
  await c.goto(`${e2e.product.url}/me/cases`)
  await poll(() => c.getByText(caseNo).count()).toBe(1)
  expect(await c.getByText(/计时暂停|已超期|即将到期/).count()).toBe(0)
  expect(await axe(c)).toEqual([])
  await shot(c, 'tracking-cases')
  expect(errors).toEqual([])
  await Promise.all([clerk.context.close(), reviewer.context.close(), citizen.close()])
})

it('a case link opened signed out (from an SMS, on another phone) asks to sign in, with the way back to the case', async () => {
  const phone = '13866661235'
  const caseNo = await appliedCase(phone, '杏花村7组3号', 'tracking-e2e-0000000002')

  const fresh = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' })
  const page = await fresh.newPage()
  await page.goto(`${e2e.product.url}/cases/${caseNo}`)
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('redirect') === `/cases/${caseNo}`)
  expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0)
  await fresh.close()
})

it('办件查询 without signing in: what is wrong said by the field, a wrong phone gets nothing, the right one the steps without personal data', async () => {
  const phone = '13866661236'
  const caseNo = await appliedCase(phone, '杏花村7组4号', 'tracking-e2e-0000000003')

  // A relative's phone, never signed in.
  const relative = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const page = await relative.newPage()
  await page.goto(`${e2e.product.url}/query`)
  await page.getByRole('button', { name: '查询' }).click()
  await poll(() => page.getByText('请输入办件编号').count()).toBeGreaterThan(0)
  expect(await page.getByText('请输入申请时手机号的后4位数字').count()).toBeGreaterThan(0)

  // Typed on a Chinese keyboard, lower case, with spaces: still the receipt's number. The wrong last 4 digits: nothing shown.
  await page.getByLabel('办件编号').fill(` ${caseNo.toLowerCase().replace(/-/g, '－')} `)
  await page.getByLabel('手机号后4位').fill('0000')
  await page.getByRole('button', { name: '查询' }).click()
  await poll(() => page.getByRole('alert').filter({ hasText: '没有找到这个办件' }).count()).toBe(1)
  expect(await page.getByText('最低生活保障申请').count()).toBe(0)

  await page.getByLabel('手机号后4位').fill(phone.slice(-4))
  await page.getByRole('button', { name: '查询' }).click()
  await poll(() => page.getByRole('heading', { name: '最低生活保障申请' }).count()).toBe(1)
  const shown = await page.locator('main').innerText()
  expect(shown).toContain(caseNo)
  expect(shown).toMatch(/本环节：正常 · \d+月\d+日前 · 还剩\d个工作日/)
  expect(shown).toMatch(/\d+月\d+日 申请人提交了申请/)
  expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  for (const personal of ['吴秀兰', phone, residentIdFor(phone), '杏花村']) expect(shown).not.toContain(personal)
  expect(await axe(page)).toEqual([])
  await shot(page, 'query')
  await relative.close()
})

it('two tabs at the window: the one acting second is told and shown the case as it now is; acceptance adds a second department', async () => {
  const caseNo = await appliedCase('13866661237', '杏花村7组5号', 'tracking-e2e-0000000004')
  const clerk = await signedInStaff(e2e.browser, e2e.product.url, 'clerk')
  const [a, b] = [clerk.page, await clerk.context.newPage()]
  for (const tab of [a, b]) {
    await tab.goto(`${e2e.product.url}/staff/cases/${caseNo}`)
    await poll(() => tab.getByRole('button', { name: '开始预审' }).count()).toBe(1)
  }
  await a.getByRole('button', { name: '开始预审' }).click()
  await poll(() => a.getByText('已开始预审。').count()).toBe(1)
  // The second tab still offers 开始预审: pressing it does nothing to the case, and says so.
  await b.getByRole('button', { name: '开始预审' }).click()
  await poll(() => b.getByRole('alert').filter({ hasText: '这个办件刚被其他人处理过，没有进行您的操作' }).count()).toBe(1)
  await poll(() => b.getByRole('button', { name: '受理', exact: true }).count()).toBe(1)
  expect(await b.getByText(/窗口预审中/).count()).toBeGreaterThan(0)
  // The law's limit beside the 2-day promise.
  expect(await b.getByText(/法定期限：\d+月\d+日（5个工作日内未告知补正的/).count()).toBe(1)

  // Joint handling: the item's own department leads and stays ticked; the clerk adds 人社局.
  const departments = b.getByRole('group', { name: '办理部门' })
  const lead = departments.getByRole('checkbox', { name: '示例市民政局（牵头）' })
  expect([await lead.isChecked(), await lead.isDisabled()]).toEqual([true, true])
  await departments.getByRole('checkbox', { name: '示例市人力资源和社会保障局' }).check()
  await poll(() => b.getByText('并联审批：2个部门同时办理').count()).toBe(1)
  await shot(b, 'staff-accept-joint')
  await b.getByRole('button', { name: '受理', exact: true }).click()
  await poll(() => b.getByText('已受理，办理部门开始计时。').count()).toBe(1)
  const branches = b.getByRole('region', { name: '办理部门' })
  await poll(() => branches.getByRole('listitem').allInnerTexts()).toEqual([
    expect.stringMatching(/^示例市民政局 · 待承办\s*正常 · \d+月\d+日前 · 还剩\d+个工作日$/),
    expect.stringMatching(/^示例市人力资源和社会保障局 · 待承办\s*正常 · \d+月\d+日前 · 还剩\d+个工作日$/),
  ])

  // The first tab, still at pre-review, tries to refuse: told, and nothing changes.
  await a.getByText('不予受理', { exact: true }).click()
  await a.getByLabel('不予受理的理由').fill('材料不全')
  await a.getByLabel('法律依据').fill('《行政许可法》第三十二条')
  await a.getByRole('button', { name: '作出不予受理决定' }).click()
  await poll(() => a.getByRole('alert').filter({ hasText: '没有进行您的操作' }).count()).toBe(1)
  await poll(() => a.getByText(/已受理/).count()).toBeGreaterThan(0)
  expect(await a.getByRole('button', { name: '作出不予受理决定' }).count()).toBe(0)
  expect(await axe(b)).toEqual([])
  await clerk.context.close()
})

it('the resident’s 撤回 and 补正 lost to a step taken meanwhile say so in words; a denial says why; the window may ask for a field left empty', async () => {
  const phone = '13866661238'
  const citizen = await citizenContext(e2e.browser, e2e.product.url, phone)
  const [first, second] = await Promise.all(['tracking-e2e-0000000005', 'tracking-e2e-0000000006'].map(async (key) => {
    const created = await citizen.request.post(`${e2e.product.url}/api/cases`, { data: lowIncome(phone, '杏花村7组6号'), headers: { 'idempotency-key': key } })
    expect(created.status()).toBe(201)
    return (await created.json() as CaseDetail).caseNo
  }))
  const c = await citizen.newPage()
  c.on('dialog', (d) => void d.accept())
  // A page that has not heard of the acceptance yet (its live stream cut, as on a train through a tunnel): with the
  // stream, the page would drop 撤回 by itself the moment the window accepts.
  await c.route('**/api/me/events', (r) => r.abort())
  await c.goto(`${e2e.product.url}/cases/${first}`)
  await poll(() => c.getByRole('button', { name: '撤回申请' }).count()).toBe(1)

  // The window accepts while the resident's page still offers 撤回.
  const clerk = await signedInStaff(e2e.browser, e2e.product.url, 'clerk')
  await clerk.page.goto(`${e2e.product.url}/staff/cases/${first}`)
  await clerk.page.getByRole('button', { name: '开始预审' }).click()
  await poll(() => clerk.page.getByText('已开始预审。').count()).toBe(1)
  await clerk.page.getByRole('button', { name: '受理', exact: true }).click()
  await poll(() => clerk.page.getByText('已受理，办理部门开始计时。').count()).toBe(1)
  await c.getByRole('button', { name: '撤回申请' }).click()
  await poll(() => c.getByRole('alert').filter({ hasText: '没有撤回：办件刚有了新进展（已受理），受理后不能再撤回。' }).count()).toBe(1)
  expect(await c.getByRole('button', { name: '撤回申请' }).count()).toBe(0)
  await shot(c, 'case-withdraw-lost')

  // The department says no: not without the reasons and the law (Art. 38); then the resident reads both and gets the 决定书.
  // 承办 and 审核 by two reviewers, the decision by the approver (the department rule).
  for (const [who, steps] of [['reviewer_mz', ['承办中', '审核中']], ['checker_mz', ['审批中']]] as const) {
    const staff = await signedInStaff(e2e.browser, e2e.product.url, who)
    await staff.page.goto(`${e2e.product.url}/staff/cases/${first}`)
    const branch = staff.page.getByRole('region', { name: '办理部门' })
    for (const step of steps) {
      if (step === '承办中') await staff.page.getByRole('button', { name: '开始承办' }).click()
      else {
        await staff.page.getByLabel(step === '审核中' ? '承办意见' : '审核意见').fill('经核查，家庭收入情况需进一步审查')
        await staff.page.getByRole('button', { name: '提交下一环节' }).click()
      }
      await poll(() => branch.getByText(step).count()).toBe(1)
    }
    await staff.context.close()
  }
  const mz = await signedInStaff(e2e.browser, e2e.product.url, 'approver_mz')
  await mz.page.goto(`${e2e.product.url}/staff/cases/${first}`)
  await mz.page.getByText('不予批准', { exact: true }).click()
  await mz.page.getByLabel('不予批准的理由').fill('家庭人均收入高于当地最低生活保障标准')
  await mz.page.getByRole('button', { name: '作出不予批准决定' }).click()
  await poll(() => mz.page.getByRole('alert').filter({ hasText: '不予批准须写明理由和法律依据' }).count()).toBe(1)
  await mz.page.getByLabel('法律依据').fill('《社会救助暂行办法》第九条')
  await mz.page.getByRole('button', { name: '作出不予批准决定' }).click()
  await poll(() => mz.page.getByText('已作出不予批准决定。').count()).toBe(1)
  await mz.context.close()
  await c.reload()
  const reasons = c.getByRole('region', { name: '不予批准的理由' })
  await poll(() => reasons.getByText('家庭人均收入高于当地最低生活保障标准').count()).toBe(1)
  expect(await reasons.getByText('依据：《社会救助暂行办法》第九条').count()).toBe(1)
  expect(await c.getByRole('heading', { name: '未予批准' }).count()).toBe(1)
  // The notices come in their own request, after the case: wait for them as a person would.
  await poll(() => c.getByRole('link', { name: /不予批准决定书/ }).count()).toBe(1)
  expect(await c.getByText('领取方式', { exact: false }).count()).toBe(0)
  expect(await axe(c)).toEqual([])
  await shot(c, 'case-denied')

  // 补正: the picker offers the fields left empty too; the citizen's page names each reason's field.
  await clerk.page.goto(`${e2e.product.url}/staff/cases/${second}`)
  await clerk.page.getByRole('button', { name: '开始预审' }).click()
  await poll(() => clerk.page.getByText('已开始预审。').count()).toBe(1)
  await clerk.page.getByText('材料不齐，一次性告知补正').click()
  await clerk.page.getByRole('checkbox', { name: '家庭存款及有价证券合计' }).check()
  await clerk.page.getByLabel('家庭存款及有价证券合计需要补正的原因').fill('请按近6个月银行流水填写')
  await clerk.page.getByRole('checkbox', { name: '家庭成员名下是否有机动车（未填写）' }).check()
  await clerk.page.getByLabel('家庭成员名下是否有机动车需要补正的原因').fill('请说明家庭成员名下是否有机动车')
  await clerk.page.getByRole('button', { name: '发出补正告知' }).click()
  await poll(() => clerk.page.getByText(/已一次性告知申请人/).count()).toBe(1)
  await c.goto(`${e2e.product.url}/cases/${second}`)
  await poll(() => c.getByText('家庭存款及有价证券合计：请按近6个月银行流水填写').count()).toBe(1)
  expect(await c.getByText('家庭成员名下是否有机动车：请说明家庭成员名下是否有机动车').count()).toBe(1)

  // The resident opens 补正 here, and meanwhile resubmits from another phone.
  await c.goto(`${e2e.product.url}/cases/${second}/supplement`)
  await poll(() => c.getByRole('button', { name: '补正后重新提交' }).count()).toBe(1)
  const seen = await (await citizen.request.get(`${e2e.product.url}/api/cases/${second}`)).json() as CaseDetail
  const other = await citizen.request.post(`${e2e.product.url}/api/cases/${second}/resubmit`, { data: { values: { ...seen.values, savings: 900, hasVehicle: false }, version: seen.version } })
  expect(other.status()).toBe(200)
  await c.getByRole('button', { name: '补正后重新提交' }).click()
  await poll(() => c.getByText('没有重新提交：办件刚有了新进展（已提交，待受理），现在不需要再补正。').count()).toBe(1)
  await c.getByRole('link', { name: '查看办件' }).click()
  await c.waitForURL(new RegExp(`/cases/${second}$`))
  expect(await axe(c)).toEqual([])
  await Promise.all([clerk.context.close(), citizen.close()])
})

it('the workbench on a tablet: the queue beside 预警, a case beside its application, and a year whose holidays are not loaded said at the top', async () => {
  const tabletCase = await appliedCase('13866661239', '杏花村7组8号', 'tracking-e2e-0000000007')
  const supervisor = await signedInStaff(e2e.browser, e2e.product.url, 'supervisor')
  const page = supervisor.page
  await page.setViewportSize({ width: 768, height: 1024 })
  const queue = page.getByRole('list', { name: '待办办件' })
  await poll(() => queue.getByRole('listitem').count()).toBeGreaterThan(0)
  const warnings = page.getByRole('heading', { name: /^预警/ })
  const [q, w] = [(await page.getByRole('heading', { name: '待办办件' }).boundingBox())!, (await warnings.boundingBox())!]
  expect(q.x).toBeGreaterThan(w.x + w.width) // side by side, not stacked
  const gaps = missingYears(today())
  const note = page.getByRole('note')
  if (gaps.length) await poll(() => note.textContent()).toContain(`${gaps.join('、')}年的法定节假日安排尚未载入`)
  else expect(await note.count()).toBe(0)
  await shot(page, 'staff-home-tablet')
  // The case itself on the tablet: its steps beside the application and materials.
  await page.goto(`${e2e.product.url}/staff/cases/${tabletCase}`)
  const [steps, form] = [page.getByRole('heading', { name: '办理过程' }), page.getByRole('heading', { name: '申请内容' })]
  await poll(() => form.count()).toBe(1)
  expect((await form.boundingBox())!.x).toBeGreaterThan((await steps.boundingBox())!.x + (await steps.boundingBox())!.width)
  await shot(page, 'staff-case-tablet')
  await page.goto(`${e2e.product.url}/staff`)
  await poll(() => queue.getByRole('listitem').count()).toBeGreaterThan(0)
  // A phone held by a supervisor: one column again.
  await page.setViewportSize({ width: 375, height: 812 })
  const [q2, w2] = [(await page.getByRole('heading', { name: '待办办件' }).boundingBox())!, (await warnings.boundingBox())!]
  expect(q2.y).toBeGreaterThan(w2.y)
  expect(q2.x).toBeCloseTo(w2.x, -1)
  await supervisor.context.close()
})
