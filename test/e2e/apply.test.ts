/**
 * Applying online in Chromium at 375×812, against the server `npm start`
 * runs: 食品经营许可 with a situation answered on the guide, a photo of the
 * premises layout (a 6-megapixel camera shot, shrunk on the phone below
 * 1 MB before upload) and the business licence from the e-licence wallet;
 * then the network goes, a field is edited, the page is reloaded (the
 * service worker serves it, the draft comes back from IndexedDB), the
 * submission is queued, and when the network returns it lands once: one
 * case, its number on the receipt. axe finds nothing on the form, the review
 * and the receipt. Then a village agent applies for a resident under an SMS
 * consent, and the window opens both cases' materials: the photo as the
 * BFF's small preview, the agent's PDF drawn by pdf.js (no plugin, no
 * iframe). Screenshots go to test/artifacts/.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { CaseDetail, CaseSummary } from '@tongban/core'
import { axeViolations, fillFoodLicence, giveRealName, giveRealNameByWechat, launchChromium, realNameFor, screenshot, staffPage, startProduct, type Product } from './support'
import { pdfBytes } from '../../server/src/uploads/fixtures/files'

let product: Product
let browser: Browser
/** The citizen of the first journey stays signed in: the clerk's supplement request comes back to them. */
let citizen: { context: BrowserContext; page: Page; caseNo: string } | null = null
/** The case the agent submitted, with a PDF for its 主要设备设施布局图. */
let agentCaseNo: string | null = null
beforeAll(async () => {
  product = await startProduct()
  browser = await launchChromium()
})
afterAll(async () => {
  await citizen?.context.close()
  await browser?.close()
  await product?.stop()
})

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 })
const shot = screenshot
const axe = axeViolations

/** A noisy 3000×2000 JPEG, as a phone camera makes them: far over 1 MB. */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(async () => {
    const c = document.createElement('canvas')
    c.width = 3000
    c.height = 2000
    const g = c.getContext('2d')!
    const img = g.createImageData(3000, 2000)
    let seed = 7
    for (let i = 0; i < img.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      img.data[i] = seed & 255; img.data[i + 1] = (seed >> 8) & 255; img.data[i + 2] = (seed >> 16) & 255; img.data[i + 3] = 255
    }
    g.putImageData(img, 0, 0)
    g.fillStyle = '#000'
    g.font = 'bold 160px sans-serif'
    g.fillText('经营场所布局图', 600, 1000)
    const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.95))
    const bytes = new Uint8Array(await blob.arrayBuffer())
    let s = ''
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return btoa(s)
  })
  return Buffer.from(b64, 'base64')
}

it('fills 食品经营许可 with a photo and an e-licence, survives going offline and a reload, and submits once', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))

  // Signed in as the citizen would be (SMS code from the dev inbox).
  const phone = '13811112222'
  await context.request.post(`${product.url}/api/auth/sms/send`, { data: { phone } })
  const inbox = await (await context.request.get(`${product.url}/dev/inbox.json`)).json() as { phone: string; text: string }[]
  const code = /验证码为(\d{6})/.exec(inbox.find((m) => m.phone === phone && /验证码为\d{6}/.test(m.text))!.text)![1]!
  expect((await context.request.post(`${product.url}/api/auth/sms/verify`, { data: { phone, code } })).ok()).toBe(true)
  // 实名 given on 我的 before (the in-place step is real-name.test.ts): the seller 陈建华, who runs a shop.
  await giveRealName(context, product.url, realNameFor(phone, '陈建华'))

  // The guide: answer the situation, then 在线申请.
  await page.goto(`${product.url}/items/SJ-0001`)
  await page.getByRole('radio', { name: /^食品销售（含散装食品/ }).check()
  await page.getByRole('checkbox', { name: '仅实体门店经营' }).check()
  await page.evaluate(async () => { await navigator.serviceWorker.ready })
  await page.getByRole('link', { name: '在线申请' }).click()
  await page.waitForURL(/\/items\/SJ-0001\/apply$/)
  await poll(() => page.locator('#f-phone').inputValue()).toBe(phone)
  // Catering only: hidden for a seller.
  expect(await page.locator('#f-safetyManagers').count()).toBe(0)

  // 下一步 on an empty form: the summary, each field's own message.
  await page.getByRole('button', { name: '下一步：核对' }).click()
  await poll(() => page.getByRole('alert').filter({ hasText: '请修改以下内容' }).count()).toBe(1)
  expect(await page.locator('#f-operatorName-error').textContent()).toBe('请填写经营者名称')
  expect(await axe(page)).toEqual([])
  await shot(page, 'apply-errors')

  await fillFoodLicence(page, poll)

  // The layout: a camera photo, shrunk on the phone; the licence: from the wallet.
  const photo = await cameraPhoto(page)
  expect(photo.length).toBeGreaterThan(2 * 1024 * 1024)
  await page.getByTestId('material-layoutFile-camera').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo })
  await poll(() => page.getByRole('group', { name: /主要设备设施/ }).getByText('已上传').count()).toBe(1)
  // The guide's 规章制度目录清单 has its place in the form.
  await page.getByTestId('material-rulesFile-file').setInputFiles({ name: '规章制度目录.pdf', mimeType: 'application/pdf', buffer: pdfBytes() })
  await poll(() => page.getByRole('group', { name: /规章制度目录清单/ }).getByText('已上传').count()).toBe(1)
  // The licence came with the shop chosen from the wallet.
  const licenceGroup = page.getByRole('group', { name: '营业执照' })
  await poll(() => licenceGroup.getByText('电子证照，无需上传').count()).toBe(1)
  expect(await licenceGroup.textContent()).toContain('营业执照 · 示例市鼓楼区陈建华小吃店')
  expect(await page.locator('#f-legalPerson').inputValue()).toBe('陈建华')
  await page.getByRole('checkbox', { name: /本人承诺/ }).check()
  await poll(() => page.getByText(/草稿已保存/).count()).toBe(1)
  expect(await axe(page)).toEqual([])
  await shot(page, 'apply-filled')

  // No network: edit, reload (the service worker serves the page), the edit is still there.
  await poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
  await context.setOffline(true)
  await page.locator('#f-premisesAddress').fill('文三路100号2楼')
  await poll(() => page.getByText('现在没有网络', { exact: false }).count()).toBe(1)
  await page.waitForTimeout(300)
  await page.reload()
  await poll(() => page.locator('#f-premisesAddress').inputValue()).toBe('文三路100号2楼')
  expect(await page.locator('#f-operatorName').inputValue()).toBe('示例市鼓楼区陈建华小吃店')
  await poll(() => page.getByRole('group', { name: '营业执照' }).getByText('电子证照，无需上传').count()).toBe(1)

  // Review, consent, submit: queued until the network is back.
  await page.getByRole('button', { name: '下一步：核对' }).click()
  await poll(() => page.getByRole('heading', { name: '请核对申请内容' }).count()).toBe(1)
  expect(await page.locator('dl.rows').last().textContent()).toContain('浙江省 杭州市 西湖区')
  await page.getByRole('checkbox', { name: '我已阅读并同意' }).check()
  expect(await axe(page)).toEqual([])
  await shot(page, 'apply-review')
  // The phone's back button on the review returns to the form, not to the guide; on again.
  await page.goBack()
  await poll(() => page.locator('#f-premisesAddress').inputValue()).toBe('文三路100号2楼')
  expect(new URL(page.url()).pathname).toBe('/items/SJ-0001/apply')
  await page.getByRole('button', { name: '下一步：核对' }).click()
  await poll(() => page.getByRole('heading', { name: '请核对申请内容' }).count()).toBe(1)
  await page.getByRole('checkbox', { name: '我已阅读并同意' }).check()
  await page.getByRole('button', { name: /确认提交/ }).click()
  await poll(() => page.getByText('已排队，联网后自动提交。').count()).toBe(1)
  await shot(page, 'apply-queued')
  // A second tap while queued must not make a second case.
  await page.getByRole('button', { name: /确认提交/ }).click()

  await context.setOffline(false)
  await page.waitForURL(/\/cases\//, { timeout: 30_000 })
  const caseNo = (await page.getByTestId('case-no').textContent())!.trim()
  expect(caseNo).toMatch(/^SJ-0001-\d{8}-\d{4}$/)
  // The clock every party sees: pre-review within 2 working days, green; the first step of the timeline.
  await poll(() => page.getByText(/本环节：正常 · \d+月\d+日前 · 还剩2个工作日/).count()).toBe(1)
  expect(await page.getByRole('list').filter({ hasText: '申请人提交了申请' }).count()).toBe(1)
  expect(await axe(page)).toEqual([])
  await shot(page, 'apply-receipt')

  // Exactly one case, with both materials and the edit made offline.
  const cases = await (await context.request.get(`${product.url}/api/me/cases`)).json() as CaseSummary[]
  expect(cases.map((c) => c.caseNo)).toEqual([caseNo])
  const detail = await (await context.request.get(`${product.url}/api/cases/${caseNo}`)).json() as CaseDetail
  expect(detail.values.premisesAddress).toBe('文三路100号2楼')
  expect(detail.materials.map((m) => m.kind).sort()).toEqual(['eLicence', 'upload', 'upload'])
  const fileId = (detail.values.layoutFile as { fileId: string }).fileId
  const stored = await context.request.get(`${product.url}/api/uploads/${fileId}`)
  expect(stored.headers()['content-type']).toBe('image/jpeg')
  expect((await stored.body()).length).toBeLessThanOrEqual(1024 * 1024)
  // The same item again: the guide says this case is still open, and links it.
  const again = await context.newPage()
  await again.goto(`${product.url}/items/SJ-0001`)
  const openNotice = again.getByRole('status').filter({ hasText: '正在办理' })
  await poll(() => openNotice.count()).toBe(1)
  expect(await openNotice.textContent()).toContain(`办件编号 ${caseNo}`)
  expect(await openNotice.getByRole('link', { name: '查看这件办件' }).getAttribute('href')).toBe(`/cases/${caseNo}`)
  await again.close()
  expect(errors).toEqual([])
  citizen = { context, page, caseNo }
})

it('lets a village agent apply for a resident who consented: the case is the resident’s and names the agent', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${product.url}/staff/login`)
  await page.getByLabel('用户名').fill('agent')
  await page.getByLabel('密码').fill('Tongban@2026')
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(/\/staff$/)

  // The resident's consent: the SMS code they read out to the agent.
  const resident = '13822223333'
  await page.locator('#consent-phone').fill(resident)
  await page.locator('#consent-item').selectOption('SJ-0001')
  await page.getByRole('button', { name: '发送授权短信' }).click()
  await poll(async () => (await (await context.request.get(`${product.url}/dev/inbox.json`)).json() as { phone: string }[]).filter((m) => m.phone === resident).length).toBe(1)
  const inbox = await (await context.request.get(`${product.url}/dev/inbox.json`)).json() as { phone: string; text: string }[]
  const code = /验证码(\d{6})/.exec(inbox.find((m) => m.phone === resident)!.text)![1]!
  await page.getByLabel('群众告知的验证码').fill(code)
  await page.getByRole('button', { name: '确认授权' }).click()
  await page.getByRole('link', { name: /代为申请/ }).first().click()
  await page.waitForURL(/\/staff\/consents\/.+\/apply$/)
  await poll(() => page.getByText('已取得本人授权').count()).toBe(1)

  // The applicant is the resident, who has no real name yet: the page says so, and the agent cannot give one.
  await poll(() => page.getByRole('alert').filter({ hasText: '群众还没有实名' }).count()).toBe(1)
  await shot(page, 'agent-apply-no-real-name')
  // The resident gives it on their own phone (the mini-program's 我的); the agent's page then fills it, read-only.
  await giveRealNameByWechat(product.url, resident, realNameFor(resident, '赵大山'))
  await page.reload()
  await poll(() => page.locator('#f-legalPerson').inputValue()).toBe('赵大山')
  expect(await page.getByRole('alert').filter({ hasText: '群众还没有实名' }).count()).toBe(0)
  expect(await page.getByText('来自群众的实名信息，不能修改').count()).toBe(2)

  // An answer meaning another item: no form to fill for this one.
  await page.getByRole('radio', { name: '仅销售预包装食品（办理备案，无需许可）' }).check()
  await poll(() => page.getByRole('heading', { name: '群众要办的是另一个事项' }).count()).toBe(1)
  expect(await page.locator('form').count()).toBe(0)
  await page.getByRole('radio', { name: /^食品销售（含散装食品/ }).check()
  await fillFoodLicence(page, poll)
  await page.locator('#f-phone').fill(resident)
  await page.getByTestId('material-layoutFile-file').setInputFiles({ name: '布局图.pdf', mimeType: 'application/pdf', buffer: pdfBytes() })
  await poll(() => page.getByRole('group', { name: /主要设备设施/ }).getByText('已上传').count()).toBe(1)
  // The guide's 规章制度目录清单 has its place in the form.
  await page.getByTestId('material-rulesFile-file').setInputFiles({ name: '规章制度目录.pdf', mimeType: 'application/pdf', buffer: pdfBytes() })
  await poll(() => page.getByRole('group', { name: /规章制度目录清单/ }).getByText('已上传').count()).toBe(1)
  expect(await page.getByRole('group', { name: '营业执照' }).textContent()).toContain('营业执照 · 示例市鼓楼区赵大山小吃店')
  await page.getByRole('checkbox', { name: /本人承诺/ }).check()
  await page.getByRole('button', { name: '下一步：核对' }).click()
  await page.getByRole('checkbox', { name: '我已阅读并同意' }).check()
  expect(await axe(page)).toEqual([])
  await page.getByRole('button', { name: '确认提交' }).click()
  await poll(() => page.getByRole('heading', { name: '已为群众提交申请' }).count()).toBe(1)
  const caseNo = (await page.getByTestId('case-no').textContent())!.trim()
  await shot(page, 'agent-apply-done')

  // (That the case is the resident's and names the agent is checked on the BFF: agent-cases.test.ts.)
  expect(caseNo).toMatch(/^SJ-0001-\d{8}-\d{4}$/)
  agentCaseNo = caseNo
  expect(errors).toEqual([])
  await context.close()
})

it('reads well in elderly mode: large type, every control a full-size target, axe clean (住房公积金提取)', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  await context.addInitScript(() => localStorage.setItem('tb.settings', '{"elderly":true}'))
  const page = await context.newPage()
  const phone = '13833334444'
  await context.request.post(`${product.url}/api/auth/sms/send`, { data: { phone } })
  const inbox = await (await context.request.get(`${product.url}/dev/inbox.json`)).json() as { phone: string; text: string }[]
  const code = /验证码为(\d{6})/.exec(inbox.find((m) => m.phone === phone && /验证码为\d{6}/.test(m.text))!.text)![1]!
  await context.request.post(`${product.url}/api/auth/sms/verify`, { data: { phone, code } })
  await giveRealName(context, product.url, realNameFor(phone))
  await page.goto(`${product.url}/items/GJ-0001`)
  await page.getByRole('radio', { name: '租房' }).check()
  await page.getByRole('link', { name: '在线申请' }).click()
  await poll(() => page.locator('#f-phone').inputValue()).toBe(phone)
  await page.getByRole('switch', { name: /配偶是否同时提取/ }).check()
  await poll(() => page.locator('#f-spouseName').count()).toBe(1)
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(18)
  const small = await page.evaluate(() => [...document.querySelectorAll('form button, form input:not([type=radio]):not([type=checkbox]), form select, form textarea, form label.choice')]
    .filter((el) => (el as HTMLElement).offsetParent !== null && !el.classList.contains('sr-only'))
    .map((el) => ({ what: el.id || (el.textContent ?? '').trim().slice(0, 12) || el.tagName, h: el.getBoundingClientRect().height }))
    .filter((t) => t.h < 44))
  expect(small).toEqual([])
  expect(await axe(page)).toEqual([])
  await shot(page, 'apply-elderly')
  await context.close()
})

it('follows the 低保 checklist through: 没有 stands alone, 残疾人证 has its field, the originals are listed for the window; 仅销售预包装食品 is another item', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const page = await context.newPage()
  const phone = '13855556666'
  await context.request.post(`${product.url}/api/auth/sms/send`, { data: { phone } })
  const inbox = await (await context.request.get(`${product.url}/dev/inbox.json`)).json() as { phone: string; text: string }[]
  const code = /验证码为(\d{6})/.exec(inbox.find((m) => m.phone === phone && /验证码为\d{6}/.test(m.text))!.text)![1]!
  await context.request.post(`${product.url}/api/auth/sms/verify`, { data: { phone, code } })
  await giveRealName(context, product.url, realNameFor(phone))

  await page.goto(`${product.url}/items/MZ-0001`)
  expect(await page.getByText('（可多选）（可多选）').count()).toBe(0)
  await page.getByRole('checkbox', { name: '没有' }).check()
  await page.getByRole('checkbox', { name: '有残疾人' }).check()
  await poll(() => page.getByRole('checkbox', { name: '没有' }).isChecked()).toBe(false)
  expect(await page.locator('.apply-cta').textContent()).toContain('窗口预审通过后最多跑一次')
  await page.getByRole('link', { name: '在线申请' }).click()
  await poll(() => page.locator('#f-phone').inputValue()).toBe(phone)
  // The household list starts with 本人 (from the real name once there is one): the applicant is not added by hand.
  expect(await page.locator('#f-members-0-relation').inputValue()).toBe('self')
  expect(await page.locator('#f-members-1-relation').count()).toBe(0)
  expect(await page.getByRole('group', { name: '残疾人证' }).count()).toBe(1)
  expect(await page.locator('.at-hall').textContent()).toBe('这些材料不用上传，到窗口时请带上：共同生活家庭成员的居民身份证（原件）、共同生活家庭成员的居民户口簿（原件）。')
  await shot(page, 'apply-dibao-checklist')

  await page.goto(`${product.url}/items/SJ-0001`)
  await page.getByRole('radio', { name: '仅销售预包装食品（办理备案，无需许可）' }).check()
  await poll(() => page.getByRole('heading', { name: '您要办的是另一个事项' }).count()).toBe(1)
  expect(await page.getByRole('link', { name: '在线申请' }).count()).toBe(0)
  expect(await axe(page)).toEqual([])
  await shot(page, 'guide-other-item')
  await page.getByRole('link', { name: '查看“仅销售预包装食品备案”办事指南' }).click()
  await page.waitForURL(/\/items\/SJ-0006$/)
  await poll(() => page.getByRole('heading', { name: '仅销售预包装食品备案' }).count()).toBe(1)
  // The apply page of the licence, opened with that answer, offers no form either.
  await page.goto(`${product.url}/items/SJ-0001/apply`)
  await poll(() => page.getByRole('heading', { name: '您要办的是另一个事项' }).count()).toBe(1)
  expect(await page.locator('form').count()).toBe(0)
  await context.close()
})

it('lets the window clerk pick the case from the workbench by its light and ask for a supplement, all at once', async () => {
  const errors: string[] = []
  const { context, page } = await staffPage(browser, product.url, 'clerk', errors)
  const queue = page.getByRole('list', { name: '待办办件' })
  await poll(() => queue.getByRole('listitem').count()).toBeGreaterThan(0)
  expect(await queue.getByRole('listitem').first().textContent()).toMatch(/正常 · \d+月\d+日前/)
  expect(citizen).not.toBeNull()
  await queue.getByRole('listitem').filter({ hasText: citizen!.caseNo }).getByRole('link').click()
  await page.waitForURL(/\/staff\/cases\//)
  await page.getByRole('button', { name: '开始预审' }).click()
  await poll(() => page.getByText('已开始预审。').count()).toBe(1)
  await page.getByText('材料不齐，一次性告知补正').click()
  await page.getByRole('checkbox', { name: '经营场所使用面积（平方米）' }).check()
  await page.getByLabel('经营场所使用面积（平方米）需要补正的原因').fill('请提供房产证或租赁合同，核实面积')
  await page.getByRole('button', { name: '发出补正告知' }).click()
  await poll(() => page.getByText(/已一次性告知申请人/).count()).toBe(1)
  expect(await page.getByText('需要补正材料').count()).toBeGreaterThan(0)
  expect(await page.getByText('窗口请补正材料（一次性告知）：请提供房产证或租赁合同，核实面积').count()).toBe(1)
  expect(await axe(page)).toEqual([])
  await shot(page, 'staff-case-supplement')
  expect(errors).toEqual([])
  await context.close()

  // The citizen sees the request, corrects just that, and resubmits; the clock starts again.
  const c = citizen!.page
  await c.goto(`${product.url}/cases/${citizen!.caseNo}`)
  await poll(() => c.getByRole('heading', { name: '需要补正材料', level: 1 }).count()).toBe(1)
  await c.getByRole('link', { name: '去补正' }).click()
  await poll(() => c.getByText('需要补正：请提供房产证或租赁合同，核实面积').count()).toBe(1)
  expect(await c.locator('#f-operatorName').inputValue()).toBe('示例市鼓楼区陈建华小吃店')
  await c.locator('#f-premisesArea').fill('58.5')
  expect(await axe(c)).toEqual([])
  await shot(c, 'supplement')
  await c.getByRole('button', { name: '补正后重新提交' }).click()
  await c.waitForURL(new RegExp(`/cases/${citizen!.caseNo}$`))
  await poll(() => c.getByText(/申请人补正后重新提交/).count()).toBe(1)
  await poll(() => c.getByText(/本环节：正常/).count()).toBe(1)
  const after = await (await citizen!.context.request.get(`${product.url}/api/cases/${citizen!.caseNo}`)).json() as CaseDetail
  expect(after).toMatchObject({ status: 'submitted', values: { premisesArea: 58.5 } })

  // A relative checks progress without signing in: number + the phone's last 4 digits, no personal data.
  const anon = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const q = await anon.newPage()
  await q.goto(`${product.url}/`)
  await q.getByRole('link', { name: '办件查询（不用登录）' }).click()
  await q.getByLabel('办件编号').fill(citizen!.caseNo.toLowerCase())
  await q.getByLabel('手机号后4位').fill('2222')
  await q.getByRole('button', { name: '查询' }).click()
  await poll(() => q.getByText('已提交，待受理').count()).toBe(1)
  expect(await q.getByText('申请人补正后重新提交').count()).toBe(1)
  expect(await q.getByText('陈建华').count()).toBe(0)
  await q.getByLabel('手机号后4位').fill('1234')
  await q.getByRole('button', { name: '查询' }).click()
  await poll(() => q.getByRole('alert').filter({ hasText: '没有找到这个办件' }).count()).toBe(1)
  expect(await axe(q)).toEqual([])
  await shot(q, 'query')
  await anon.close()
})

it('shows the window a photo as its small preview and draws a PDF itself, page by page, with no plugin and no iframe', async () => {
  const errors: string[] = []
  const { context, page } = await staffPage(browser, product.url, 'clerk', errors)
  const materials = page.getByRole('region', { name: '申请材料' })

  expect(citizen).not.toBeNull()
  await page.goto(`${product.url}/staff/cases/${citizen!.caseNo}`)
  await materials.getByRole('listitem').filter({ hasText: 'IMG_0001' }).getByRole('button', { name: '查看' }).click()
  const photo = page.getByRole('dialog').locator('img')
  await poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
  expect(await photo.getAttribute('src')).toMatch(/\?preview=1$/)
  expect(await photo.evaluate((img: HTMLImageElement) => Math.max(img.naturalWidth, img.naturalHeight))).toBeLessThanOrEqual(1600)
  await page.keyboard.press('Escape')

  expect(agentCaseNo).not.toBeNull()
  await page.goto(`${product.url}/staff/cases/${agentCaseNo}`)
  await materials.getByRole('listitem').filter({ hasText: '布局图.pdf' }).getByRole('button', { name: '查看' }).click()
  const canvas = page.getByRole('dialog').locator('canvas')
  // pdf.js has drawn the A4 page: a canvas as tall as √2 times its width, white where the page is empty.
  await poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height / c.width)).toBeCloseTo(842 / 595, 1)
  expect(await canvas.evaluate((c: HTMLCanvasElement) => [...c.getContext('2d')!.getImageData(c.width / 2, c.height / 2, 1, 1).data])).toEqual([255, 255, 255, 255])
  expect(await page.locator('iframe, object, embed').count()).toBe(0)
  expect(await page.getByRole('dialog').getByRole('link', { name: '下载' }).getAttribute('download')).toBe('布局图.pdf')
  await shot(page, 'staff-material-pdf')
  expect(errors).toEqual([])
  await context.close()
})
