/**
 * Files a citizen meets, in Chromium at 375×812: the guide's blank form
 * (下载空白表格（PDF）) is a real PDF of the application form; 核对提交 shows
 * each upload by name and size, a photo as its thumbnail, the e-licence by
 * title and holder; the window's 申请内容 shows the same and opens a file in
 * its viewer; 补正 restores the photo as a picture with its name; and the
 * verify page checks the electronic 补正材料一次性告知书 itself — the very
 * file 与原件一致, a changed copy 与原件不一致, a photo refused in words.
 * axe finds nothing on the citizen pages. Screenshots go to test/artifacts/.
 */
import { expect, it } from 'vitest'
import sharp from 'sharp'
import type { CaseDetail, CaseNotice } from '@tongban/core'
import { inspectPdf } from '../../server/src/notices/pdf-inspect'
import { pdfBytes } from '../../server/src/uploads/fixtures/files'
import { axeViolations, citizenContext, downloaded, fillFoodLicence, screenshot, staffPage, useProduct } from './support'

const e2e = useProduct()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 })
const shot = screenshot
const axe = axeViolations

/** A small photo as the phone's camera would give it: an 800×600 JPEG with something on it. */
async function photoOfKitchen(): Promise<Buffer> {
  const block = (w: number, h: number, background: string) => sharp({ create: { width: w, height: h, channels: 3, background } }).png().toBuffer()
  return sharp({ create: { width: 800, height: 600, channels: 3, background: '#e8f1fb' } })
    .composite([{ input: await block(300, 200, '#0b66c3'), left: 60, top: 80 }, { input: await block(280, 200, '#067d3c'), left: 440, top: 320 }])
    .jpeg({ quality: 90 }).toBuffer()
}

it('downloads the blank 申请书 a guide promises: a PDF of the application form’s own fields', async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const page = await context.newPage()
  await page.goto(`${e2e.product.url}/items/SJ-0001`)
  await page.getByRole('radio', { name: /^食品销售（含散装食品/ }).check()
  const link = page.getByRole('link', { name: '下载空白表格（PDF）：食品经营许可申请书' })
  await poll(() => link.count()).toBe(1)
  expect(await link.getAttribute('href')).toBe('/api/items/SJ-0001/blank-forms/apply-form')
  await link.scrollIntoViewIfNeeded()
  // A full-size target, like every other control.
  expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44)
  expect(await axe(page)).toEqual([])
  await shot(page, 'files-guide-blank-form')

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toBe('食品经营许可申请书.pdf')
  const facts = await inspectPdf(await downloaded(download))
  for (const s of ['食品经营许可申请书', '经营者名称', '统一社会信用代码', '主体业态', '申请人（签字或盖章）']) expect(facts.text).toContain(s)
  await context.close()
})

it('shows each upload by what it is, at 核对提交, at the window and at 补正; and checks the electronic notice on /verify', async () => {
  const phone = '13822223333'
  // Signed in with a real name, as applying needs it (citizenContext gives one).
  const context = await citizenContext(e2e.browser, e2e.product.url, phone)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))

  await page.goto(`${e2e.product.url}/items/SJ-0001`)
  await page.getByRole('radio', { name: /^食品销售（含散装食品/ }).check()
  await page.getByRole('checkbox', { name: '仅实体门店经营' }).check()
  await page.getByRole('link', { name: '在线申请' }).click()
  await page.waitForURL(/\/items\/SJ-0001\/apply$/)
  await fillFoodLicence(page, poll)
  const photo = await photoOfKitchen()
  await page.getByTestId('material-layoutFile-camera').setInputFiles({ name: 'kitchen.jpg', mimeType: 'image/jpeg', buffer: photo })
  await poll(() => page.getByRole('group', { name: /主要设备设施/ }).getByText('kitchen.jpg').count()).toBe(1)
  const rules = pdfBytes()
  await page.getByTestId('material-rulesFile-file').setInputFiles({ name: '规章制度目录.pdf', mimeType: 'application/pdf', buffer: rules })
  await poll(() => page.getByRole('group', { name: /规章制度目录清单/ }).getByText('规章制度目录.pdf').count()).toBe(1)
  // The 营业执照 is the wallet's, chosen with the company in fillFoodLicence (the applicant's own shop).
  const licenceGroup = page.getByRole('group', { name: '营业执照' })
  await poll(() => licenceGroup.getByText('电子证照，无需上传').count()).toBe(1)
  await page.getByRole('checkbox', { name: /本人承诺/ }).check()

  // 核对提交: the photo as its thumbnail with name and size, the PDF by name and size, the licence by title and holder.
  await page.getByRole('button', { name: '下一步：核对' }).click()
  await poll(() => page.getByRole('heading', { name: '请核对申请内容' }).count()).toBe(1)
  const review = page.locator('dl.rows').last()
  const attached = review.getByTestId('attached')
  await poll(() => attached.count()).toBe(3)
  const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))}KB`
  const texts = (await attached.allTextContents()).map((t) => t.replace(/\s+/g, ''))
  expect(texts[0]).toMatch(/^证营业执照·.+电子证照·持证者：.+$/)
  expect(texts.slice(1)).toEqual(['kitchen.jpg' + kb(photo.length), 'PDF规章制度目录.pdf' + kb(rules.length)])
  const thumb = attached.nth(1).locator('img')
  await poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(800)
  expect(await review.textContent()).not.toContain('已上传')
  await page.getByRole('checkbox', { name: '我已阅读并同意' }).check()
  expect(await axe(page)).toEqual([])
  await shot(page, 'files-review-attachments')
  await page.getByRole('button', { name: /确认提交/ }).click()
  await page.waitForURL(/\/cases\//, { timeout: 30_000 })
  const caseNo = (await page.getByTestId('case-no').textContent())!.trim()

  // The window: 申请内容 names each file with its size; 查看 opens it in the viewer; then asks for the photo again (补正).
  const clerk = await staffPage(e2e.browser, e2e.product.url, 'clerk', errors)
  await clerk.page.goto(`${e2e.product.url}/staff/cases/${caseNo}`)
  const application = clerk.page.getByRole('region', { name: '申请内容' })
  await poll(() => application.getByTestId('attached').count()).toBe(3)
  expect((await application.getByTestId('attached').allTextContents()).map((t) => t.replace(/\s+/g, ''))).toContain('图片kitchen.jpg' + kb(photo.length))
  expect(await application.textContent()).not.toContain('已上传')
  await shot(clerk.page, 'files-staff-application')
  await application.getByRole('button', { name: /查看主要设备设施/ }).click()
  const preview = clerk.page.getByRole('dialog').locator('img')
  await poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
  await clerk.page.keyboard.press('Escape')
  const act = async (body: object) => {
    const seen = await (await clerk.context.request.get(`${e2e.product.url}/api/staff/cases/${caseNo}`)).json() as { version: number }
    const res = await clerk.context.request.post(`${e2e.product.url}/api/staff/cases/${caseNo}/events`, { data: { ...body, version: seen.version } })
    expect(res.status(), await res.text()).toBe(200)
  }
  await act({ type: 'start_pre_review' })
  await act({ type: 'request_supplement', items: [{ path: 'layoutFile', reason: '照片看不清灶台的位置，请重新拍摄' }] })
  await clerk.context.close()

  // 补正: the photo restored as a picture, with its name and size.
  await page.goto(`${e2e.product.url}/cases/${caseNo}/supplement`)
  const layout = page.getByRole('group', { name: /主要设备设施/ })
  await poll(() => layout.getByText('kitchen.jpg').count()).toBe(1)
  expect(await layout.textContent()).toContain(kb(photo.length))
  await poll(() => layout.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(800)
  expect(await page.getByRole('group', { name: '营业执照' }).textContent()).toMatch(/营业执照 ·/)
  expect(await axe(page)).toEqual([])
  await shot(page, 'files-supplement-restored')

  // The 补正材料一次性告知书 as the citizen downloads it; its QR page checks the file itself.
  const notices = await (await context.request.get(`${e2e.product.url}/api/cases/${caseNo}/notices`)).json() as CaseNotice[]
  const supplement = notices.find((n) => n.kind === 'supplement')!
  const pdf = await (await context.request.get(`${e2e.product.url}${supplement.url}`)).body()
  const id = (await inspectPdf(pdf)).links.find((l) => l.includes('/verify/'))!.split('/verify/')[1]!
  await context.close()

  const anon = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const v = await anon.newPage()
  v.on('pageerror', (e) => errors.push(e.message))
  await v.goto(`${e2e.product.url}/verify/${id}`)
  await poll(() => v.getByRole('heading', { name: '真实有效' }).count()).toBe(1)
  const input = v.getByTestId('verify-file')
  await input.setInputFiles({ name: '补正材料一次性告知书.pdf', mimeType: 'application/pdf', buffer: pdf })
  const verdict = v.getByTestId('file-verdict')
  await poll(() => verdict.getByRole('heading').textContent()).toBe('与原件一致')
  expect(await verdict.textContent()).toContain('和示例市市场监督管理局出具的补正材料一次性告知书一模一样')
  expect(await axe(v)).toEqual([])
  await verdict.scrollIntoViewIfNeeded()
  await shot(v, 'files-verify-genuine')

  // A copy with one byte changed keeps its QR code, and is told apart.
  const altered = Buffer.from(pdf)
  altered[altered.length - 30] = altered[altered.length - 30]! ^ 1
  await input.setInputFiles({ name: '补正材料一次性告知书(1).pdf', mimeType: 'application/pdf', buffer: altered })
  await poll(() => verdict.getByRole('heading').textContent()).toBe('与原件不一致')
  await shot(v, 'files-verify-altered')

  // A photo of the paper is not the electronic file: said before anything is sent.
  await input.setInputFiles({ name: '通知书照片.jpg', mimeType: 'image/jpeg', buffer: photo })
  await poll(() => v.getByTestId('file-issue').textContent()).toBe('只能核对PDF文件（文件名以 .pdf 结尾），请选择您收到的电子文书')
  expect(await verdict.count()).toBe(0)
  expect(await axe(v)).toEqual([])
  await shot(v, 'files-verify-wrong-type')
  await anon.close()
  expect(errors).toEqual([])
})
