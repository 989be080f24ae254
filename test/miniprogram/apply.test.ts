// @vitest-environment happy-dom
/**
 * 在线申请 on the built mini-program (miniprogram/dist) under
 * miniprogram-simulate, against the real BFF: the food-licence form of
 * SJ-0001 opened with a situation answer (catering), its Chinese errors, the
 * group and the region picker, the draft restored on reopening, and — once
 * the BFF mounts uploads and cases — a material uploaded and the
 * application submitted, with a case number on the receipt; a submission
 * the BFF refuses by field goes back to the form with the message there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { areaList } from '@vant/area-data'
import { buildRegionTree, personalDataNotice, regionIndexes, situationRows, visibleSituations, type ItemGuide, type Licence } from '@tongban/core'
import { TOKEN_KEY } from '@tongban/app'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'
import { getJson, realBffWanted, residentIdFor, signInThroughBff, startBffProcess, type TestBff } from './support/bff'
import { attr, byClass, byId, tappableIn, findByClass, startMiniProgram, tappable, waitFor, type MiniProgram, type OpenedPage, type RenderedNode } from './support/mini-runtime'

const APPLY = 'packages/apply/pages/form/index'
const PHONE = '13761234567'
const QUERY = { code: 'SJ-0001', answers: JSON.stringify({ category: 'catering' }) }

let bff: TestBff
let mp: MiniProgram
let token: string

/** The wallet's 营业执照: the applicant's own shop, which the form names by its credit code. */
async function ownShop(): Promise<Licence> {
  return (await getJson<Licence[]>(`${bff.url}/api/me/licences`, { Authorization: `Bearer ${token}` })).body.find((l) => l.type === '营业执照')!
}


/** The picker around the element that shows `text` (a picker's own node handles `change`). */
function pickerShowing(page: OpenedPage, text: string): RenderedNode {
  let found: RenderedNode | null = null
  const visit = (n: RenderedNode | string) => {
    if (typeof n === 'string') return
    if ('change' in n.event && textOf(n).includes(text)) found = n
    n.children.forEach(visit)
  }
  visit(page.component.toJSON())
  if (!found) throw new Error(`no picker showing “${text}”:\n${page.text()}`)
  return found
}



/** Every node with this class, in document order. */
function findAllByClass(root: RenderedNode | string, cls: string): RenderedNode[] {
  if (typeof root === 'string') return []
  if (String(attr(root, 'class') ?? '').split(/\s+/).includes(cls)) return [root]
  return root.children.flatMap((c) => findAllByClass(c, cls))
}

function textOf(n: RenderedNode | string): string {
  return typeof n === 'string' ? n : n.children.map(textOf).join(' ')
}

describe.skipIf(!realBffWanted())('在线申请 (SJ-0001 食品经营许可)', () => {
  beforeAll(async () => {
    ensureMiniprogramBuilt()
    bff = await startBffProcess()
    mp = startMiniProgram(DIST, { bffUrl: bff.url })
    token = await signInThroughBff(bff, PHONE)
    mp.wx.storage.set(TOKEN_KEY, token)
  })

  afterAll(async () => {
    await bff?.close()
  })

  it('the guide page’s 在线申请 carries the situation answers to the apply page', async () => {
    mp.wx.storage.set('tb.answers.SJ-0001', JSON.stringify({ category: 'catering' }))
    const guide = await mp.openPage('pages/guide/index', { code: 'SJ-0001' })
    await guide.waitForText((t) => t.includes('在线申请') && t.includes('食品经营许可'))
    mp.wx.calls.length = 0
    await guide.tap(tappable(guide, '在线申请'))
    const nav = await waitFor(() => mp.wx.calls.find((c) => c.name === 'navigateTo'), 5_000, 'navigateTo')
    const url = String((nav.options as { url: string }).url)
    expect(url.startsWith(`/${APPLY}?code=SJ-0001&answers=`)).toBe(true)
    expect(JSON.parse(decodeURIComponent(url.split('answers=')[1]!))).toEqual({ category: 'catering' })
    guide.unload()
  })

  it('shows the Chinese errors, takes a group item and a region, and restores the draft on reopening', async () => {
    const page = await mp.openPage(APPLY, QUERY)
    await page.waitForText((t) => t.includes('填写申请表') && t.includes('经营者名称'))
    const text = page.text()
    // Catering: the safety managers and the kitchen flow chart show; channels were not answered, so no 网店.
    expect(text).toContain('食品安全管理人员')
    expect(text).toContain('设备布局和工艺流程图')
    expect(text).not.toContain('网店网址')
    // Prefilled from the account; the 负责人 is the applicant: their real name, read-only, saying where it came from.
    expect(attr(byClass(page, 'field__input--phone'), 'value')).toBe(PHONE)
    expect(attr(byClass(page, 'field__input--legalPerson'), 'value')).toBe('王芳')
    expect(attr(byClass(page, 'field__input--legalPersonId'), 'value')).toBe(residentIdFor(PHONE))
    expect(attr(byClass(page, 'field__input--legalPersonId'), 'disabled')).toBe(true)
    expect(textOf(byId(page, 'field-legalPerson'))).toContain('来自实名信息，不能修改')
    // The company: from the wallet's 营业执照, or typed.
    expect(text).toContain('以哪家企业申请？')
    expect(text).toContain('填写的内容会自动保存为草稿')

    // Leaving a required field empty says so under it, in Chinese.
    await page.blur(byClass(page, 'field__input--operatorName'))
    await page.waitForText((t) => t.includes('请填写经营者名称'))

    // 下一步 with gaps: the summary lists them and the page scrolls to the first.
    mp.wx.calls.length = 0
    await page.tap(tappable(page, '下一步：核对申请信息'))
    await page.waitForText((t) => /有\d+处需要修改/.test(t))
    expect(page.text()).toContain('请填写统一社会信用代码')
    expect(page.text()).toContain('请填写食品安全管理人员')
    expect(page.text()).toContain('请阅读并勾选申请人承诺')
    expect(mp.wx.calls.find((c) => c.name === 'pageScrollTo')?.options).toMatchObject({ selector: '#field-operatorName' })

    await page.type(byClass(page, 'field__input--operatorName'), '示例市好味餐饮有限公司')
    await page.type(byClass(page, 'field__input--creditCode'), '91350100M000100Y43')
    await page.type(byClass(page, 'field__input--premisesAddress'), '人民路1号')
    await page.type(byClass(page, 'field__input--premisesArea'), '120.5')
    // A wrong credit code says what is wrong.
    await page.type(byClass(page, 'field__input--creditCode'), '91350100M000100Y44')
    await page.waitForText((t) => t.includes('统一社会信用代码') && !t.includes('请填写统一社会信用代码'))
    expect(page.text()).toMatch(/统一社会信用代码[^，。]*(校验|不正确)/)
    await page.type(byClass(page, 'field__input--creditCode'), '91350100M000100Y43')

    const tree = buildRegionTree(areaList)
    await page.trigger(pickerShowing(page, '请选择省、市、区县'), 'change', { value: regionIndexes(tree, { province: '440000', city: '440300', district: '440305' }) })
    await page.waitForText((t) => t.includes('广东省 深圳市 南山区'))

    await page.tap(tappable(page, '餐饮服务经营者'))
    await page.tap(tappable(page, '热食类食品制售'))
    await page.tap(tappable(page, '添加食品安全管理人员'))
    await page.waitForText((t) => t.includes('第1条'))
    await page.type(byClass(page, 'field__input--safetyManagers-0-name'), '李四')
    await page.type(byClass(page, 'field__input--safetyManagers-0-idNumber'), '11010519491231002X')
    await page.type(byClass(page, 'field__input--safetyManagers-0-certificateNo'), 'SP-2026-001')
    await page.tap(tappable(page, '我已阅读并同意以上内容'))
    await page.waitForText((t) => t.includes('草稿已保存'))

    const draft = await waitFor(() => {
      const raw = mp.wx.storage.get('tb.draft.SJ-0001')
      const d = raw ? (JSON.parse(String(raw)) as { values: Record<string, unknown> }) : null
      return d && Array.isArray(d.values.safetyManagers) && (d.values.safetyManagers as { certificateNo?: string }[])[0]?.certificateNo === 'SP-2026-001' && d.values.pledge === true ? d : null
    }, 5_000, 'the draft with every change')
    expect(draft.values).toMatchObject({
      operatorName: '示例市好味餐饮有限公司', creditCode: '91350100M000100Y43', premisesArea: 120.5,
      premisesRegion: { province: '440000', city: '440300', district: '440305' }, mainBusiness: 'catering', businessItems: ['hot'],
    })
    page.unload()

    // Reopened: everything is back.
    const again = await mp.openPage(APPLY, QUERY)
    await again.waitForText((t) => t.includes('草稿已保存') && t.includes('广东省 深圳市 南山区'))
    expect(attr(byClass(again, 'field__input--operatorName'), 'value')).toBe('示例市好味餐饮有限公司')
    expect(attr(byClass(again, 'field__input--safetyManagers-0-name'), 'value')).toBe('李四')
    // What is still missing: the materials only.
    await again.tap(tappable(again, '下一步：核对申请信息'))
    await again.waitForText((t) => /有\d+处需要修改/.test(t))
    const summary = textOf(byClass(again, 'apply__summary'))
    expect(summary).toContain('请上传营业执照，或选择电子证照')
    expect(summary).toContain('请上传设备布局和工艺流程图')
    expect(summary).not.toContain('经营者名称')
    again.unload()
  })

  it('清空草稿 asks first, then starts again from the account', async () => {
    const page = await mp.openPage(APPLY, QUERY)
    await page.waitForText((t) => t.includes('草稿已保存'))
    mp.wx.modalConfirms = true
    await page.tap(tappable(page, '清空草稿'))
    await page.waitForText((t) => t.includes('填写的内容会自动保存为草稿'))
    expect(mp.wx.calls.some((c) => c.name === 'showModal' && (c.options as { title?: string }).title === '清空草稿')).toBe(true)
    expect(mp.wx.storage.has('tb.draft.SJ-0001')).toBe(false)
    expect(attr(byClass(page, 'field__input--operatorName'), 'value') ?? '').toBe('')
    expect(attr(byClass(page, 'field__input--phone'), 'value')).toBe(PHONE)
    page.unload()
  })

  it('attaches an e-licence, a photo and a PDF, then submits once: the receipt shows the case number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-apply-'))
    const photo = join(dir, 'kitchen.png')
    // A 1×1 PNG: real image bytes, as the BFF checks content, not names.
    writeFileSync(photo, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'))
    const pdf = join(dir, 'layout.pdf')
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
    // The form as the previous test left it (its draft restore is proven there), by the company of the wallet's 营业执照.
    const shop = await ownShop()
    mp.wx.storage.set('tb.draft.SJ-0001', JSON.stringify({
      itemCode: 'SJ-0001', itemName: '食品经营许可', formVersion: 1, answers: { category: 'catering' }, updatedAt: Date.now(),
      values: {
        operatorName: shop.holder, creditCode: shop.holderCreditCode,
        phone: PHONE, premisesRegion: { province: '440000', city: '440300', district: '440305' }, premisesAddress: '人民路1号',
        premisesArea: 120.5, mainBusiness: 'catering', businessItems: ['hot'],
        safetyManagers: [{ name: '李四', idNumber: '11010519491231002X', certificateNo: 'SP-2026-001' }], pledge: true,
      },
    }))
    const page = await mp.openPage(APPLY, QUERY)
    await page.waitForText((t) => t.includes('草稿已保存') && t.includes('使用电子证照'))

    // 营业执照 from the e-licence wallet.
    await page.tap(tappableIn(byId(page, 'field-businessLicenceFile'), '使用电子证照'))
    await page.waitForText((t) => t.includes('营业执照 ·'))
    await page.tap(tappableIn(byId(page, 'field-businessLicenceFile'), '营业执照 ·'))
    await page.waitForText((t) => t.includes('电子证照：营业执照'))

    // A photo from the album, uploaded with progress.
    mp.wx.pickedFiles.push(photo)
    await page.tap(tappableIn(byId(page, 'field-kitchenFlowFile'), '从相册选择'))
    // A photo has only a temporary path for a name: it goes up named after its material, and the BFF keeps that name.
    await page.waitForText((t) => t.includes('已上传：设备布局和工艺流程图.png'))
    expect(mp.wx.uploads.at(-1)).toMatchObject({
      status: 201, progress: [50, 100], formData: { materialId: 'kitchen-flow', itemCode: 'SJ-0001', fileName: '设备布局和工艺流程图.png' },
    })

    // A PDF from a chat.
    mp.wx.pickedFiles.push(pdf)
    await page.tap(tappableIn(byId(page, 'field-layoutFile'), '从聊天中选PDF'))
    await page.waitForText((t) => t.includes('已上传：layout.pdf'))
    // The guide's 规章制度目录清单 has its place in the form too.
    mp.wx.pickedFiles.push(pdf)
    await page.tap(tappableIn(byId(page, 'field-rulesFile'), '从聊天中选PDF'))
    await page.waitForText((t) => t.split('已上传：layout.pdf').length === 3)

    await page.tap(tappable(page, '下一步：核对申请信息'))
    await page.waitForText((t) => t.includes('核对申请信息（2/2）'))
    const review = page.text()
    for (const shown of [shop.holder, '王芳', '广东省 深圳市 南山区', '餐饮服务经营者', '热食类食品制售', '李四']) {
      expect(review).toContain(shown)
    }
    // Each material by what it is: a licence's title and holder, a file's name and size, the photo as its thumbnail.
    const attached = findAllByClass(page.component.toJSON(), 'review__attached')
    const licence = (await getJson<Licence[]>(`${bff.url}/api/me/licences`, { Authorization: `Bearer ${token}` })).body.find((l) => l.type === '营业执照')!
    expect(attached.map((n) => textOf(n).replace(/\s+/g, ' ').trim())).toEqual([
      `证 ${licence.title} 电子证照 · 持证者：${licence.holder}`,
      'PDF layout.pdf 1KB',
      'PDF layout.pdf 1KB',
      '设备布局和工艺流程图.png 1KB',
    ])
    const thumb = findByClass(attached[3]!, 'review__thumb')!
    expect(thumb.tagName).toBe('wx-image')
    expect(attr(thumb, 'src')).toBe(photo)
    expect(review).not.toContain('已上传')
    expect(review).toContain('邮寄到家（EMS）（即将开通）')
    // 零跑动 with an e-licence: 电子证照 chosen, no window offered.
    expect(review).toContain('电子证照（发到“我的证照”）')
    expect(review).not.toContain('到窗口领取')

    // Not without the personal-data consent.
    await page.tap(tappable(page, '提交申请'))
    await page.waitForText((t) => t.includes('请阅读并同意个人信息使用说明'))
    expect(mp.wx.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/cases'))).toEqual([])

    await page.tap(tappable(page, '我已阅读并同意个人信息使用说明'))
    await page.tap(tappable(page, '提交申请'))
    const receipt = await page.waitForText((t) => t.includes('申请已提交'), 15_000)
    const caseNo = /SJ-0001-\d{8}-\d{4,}/.exec(receipt)?.[0]
    expect(caseNo).toBeTruthy()
    expect(receipt).toContain('接下来')
    expect(mp.wx.storage.has('tb.draft.SJ-0001')).toBe(false)
    // On to the case, or to 我的办件, in place of the finished form.
    mp.wx.calls.length = 0
    await page.tap(tappable(page, '查看办件详情'))
    expect(mp.wx.calls.find((c) => c.name === 'redirectTo')?.options).toMatchObject({ url: `/packages/apply/pages/case/index?caseNo=${caseNo}` })
    await page.tap(tappable(page, '查看我的办件'))
    // 我的办件 is a tab: switched to.
    expect(mp.wx.calls.filter((c) => c.name === 'switchTab').at(-1)?.options).toMatchObject({ url: '/pages/cases/index' })

    const mine = await getJson<{ caseNo: string; delivery?: string }[]>(`${bff.url}/api/me/cases`, { Authorization: `Bearer ${token}` })
    expect(mine.status).toBe(200)
    expect(mine.body.map((c) => c.caseNo)).toContain(caseNo)
    const detail = await getJson<{ materials: { field: string; kind: string }[]; delivery: string }>(`${bff.url}/api/cases/${caseNo}`, { Authorization: `Bearer ${token}` })
    expect(detail.body.delivery).toBe('electronic')
    expect(detail.body.materials.map((m) => `${m.field}:${m.kind}`).sort()).toEqual(['businessLicenceFile:eLicence', 'kitchenFlowFile:upload', 'layoutFile:upload', 'rulesFile:upload'])
    page.unload()
  })

  it('a submission the BFF refuses by field goes back to the form: the message at the field and in the summary, gone once changed', async () => {
    // A draft naming an e-licence the wallet no longer holds: the form's own check passes, the BFF's does not.
    const shop = await ownShop()
    mp.wx.storage.set('tb.draft.SJ-0001', JSON.stringify({
      itemCode: 'SJ-0001', itemName: '食品经营许可', formVersion: 1, answers: { category: 'sales' }, updatedAt: Date.now(),
      values: {
        operatorName: shop.holder, creditCode: shop.holderCreditCode,
        phone: PHONE, premisesRegion: { province: '330000', city: '330100', district: '330106' }, premisesAddress: '文三路100号1楼',
        premisesArea: 60, mainBusiness: 'sales', businessItems: ['prepacked'], pledge: true,
        businessLicenceFile: { kind: 'eLicence', licenceId: '00000000-0000-4000-8000-00000000dead', title: '营业执照 · 旧照' },
      },
    }))
    const page = await mp.openPage(APPLY, { code: 'SJ-0001', answers: JSON.stringify({ category: 'sales' }) })
    await page.waitForText((t) => t.includes('电子证照：营业执照 · 旧照'))
    const dir = mkdtempSync(join(tmpdir(), 'tongban-apply-'))
    const pdf = join(dir, 'plan.pdf')
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
    for (const field of ['field-layoutFile', 'field-rulesFile']) {
      mp.wx.pickedFiles.push(pdf)
      await page.tap(tappableIn(byId(page, field), '从聊天中选PDF'))
      await page.waitForText(() => textOf(byId(page, field)).includes('已上传：plan.pdf'))
    }
    await page.tap(tappable(page, '下一步：核对申请信息'))
    await page.waitForText((t) => t.includes('核对申请信息（2/2）'))
    await page.tap(tappable(page, '我已阅读并同意个人信息使用说明'))
    mp.wx.calls.length = 0
    await page.tap(tappable(page, '提交申请'))

    const refused = '营业执照：没有找到这张电子证照，请重新选择'
    await page.waitForText((t) => t.includes('填写申请表（1/2）') && t.includes(refused), 15_000)
    expect(textOf(byId(page, 'field-businessLicenceFile'))).toContain(refused)
    expect(textOf(byClass(page, 'apply__summary')).replace(/\s+/g, ' ').trim()).toBe(`有1处需要修改 ${refused}`)
    await waitFor(() => mp.wx.calls.some((c) => c.name === 'pageScrollTo' && (c.options as { selector?: string }).selector === '#field-businessLicenceFile'), 5_000, 'the scroll to the field')

    await page.tap(tappableIn(byId(page, 'field-businessLicenceFile'), '删除'))
    await page.waitForText((t) => !t.includes(refused))
    await page.tap(tappableIn(byId(page, 'field-businessLicenceFile'), '使用电子证照'))
    await page.waitForText((t) => t.includes('营业执照 ·'))
    await page.tap(tappableIn(byId(page, 'field-businessLicenceFile'), '营业执照 ·'))
    await page.waitForText((t) => t.includes('电子证照：营业执照') && !t.includes('需要修改'))
    await page.tap(tappable(page, '下一步：核对申请信息'))
    await page.waitForText((t) => t.includes('核对申请信息（2/2）'))
    await page.tap(tappable(page, '提交申请'))
    await page.waitForText((t) => t.includes('申请已提交'), 15_000)
    page.unload()
  })

  it('低保 follows its checklist: 残疾人证 has its field once 有残疾人 is answered, the originals are listed for the window, and only 到窗口领取 is offered', async () => {
    const withDisabled = await mp.openPage(APPLY, { code: 'MZ-0001', answers: JSON.stringify({ health: ['disabled'] }) })
    const text = await withDisabled.waitForText((t) => t.includes('到窗口时请带上'))
    expect(text).toContain('这些材料不用上传，到窗口时请带上：共同生活家庭成员的居民身份证（原件）、共同生活家庭成员的居民户口簿（原件）。')
    expect(textOf(byId(withDisabled, 'field-disabilityCardFile'))).toContain('残疾人证')
    withDisabled.unload()

    mp.wx.storage.set('tb.draft.MZ-0001', JSON.stringify({
      itemCode: 'MZ-0001', itemName: '最低生活保障申请', formVersion: 1, answers: { health: ['none'] }, updatedAt: Date.now(),
      values: {
        // The applicant is the signed-in person (her real name from signInThroughBff), 本人 in the household too.
        applicantName: '王芳', idNumber: residentIdFor(PHONE), phone: PHONE, region: { province: '330000', city: '330100', district: '330106' },
        address: '杏花村3组12号', members: [{ name: '王芳', relation: 'self', idNumber: residentIdFor(PHONE), monthlyIncome: 800 }],
        savings: 2000, reason: '丈夫去世后独自抚养两个孩子，收入不足以维持基本生活。', checkAuth: true, pledge: true,
      },
    }))
    const page = await mp.openPage(APPLY, { code: 'MZ-0001', answers: JSON.stringify({ health: ['none'] }) })
    await page.waitForText((t) => t.includes('草稿已保存'))
    expect(page.text()).not.toContain('残疾人证')
    await page.tap(tappable(page, '下一步：核对申请信息'))
    const review = await page.waitForText((t) => t.includes('核对申请信息（2/2）'))
    // The situation answers come first, as the PWA's review reads them back (the core's situationRows).
    const item = (await getJson<ItemGuide>(`${bff.url}/api/items/MZ-0001`)).body
    const answers = { health: ['none'] }
    const situations = situationRows(visibleSituations(item, answers), answers)
    expect(situations.length).toBeGreaterThan(0)
    expect(review).toContain('您选择的情形')
    for (const r of situations) expect(review).toContain(`${r.label} ${r.text}`)
    expect(review.indexOf('您选择的情形')).toBeLessThan(review.indexOf('申请人姓名'))
    // The personal-data note in the core's words, naming the department and the access log.
    expect(review).toContain(personalDataNotice({ itemName: item.name, departmentName: item.department.name }))
    expect(review).toContain('办理结果怎么领取')
    expect(review).toContain('到窗口领取')
    expect(review).not.toContain('电子证照（')
    mp.wx.storage.delete('tb.draft.MZ-0001')
    page.unload()
  })

  it('低保’s household list starts with 本人, filled from the real name: the applicant is not typed twice', async () => {
    // The real name given at sign-in (signInThroughBff); 我的 asks who is signed in again, so the session holds it.
    const me = await mp.openPage('pages/me/index')
    await me.waitForText((t) => t.includes('手机号码'))
    me.unload()
    // The test before left a draft (in memory and on the BFF): 清空草稿 starts again from the account, as a citizen would.
    const page = await mp.openPage(APPLY, { code: 'MZ-0001', answers: JSON.stringify({ health: ['none'] }) })
    await page.waitForText((t) => t.includes('草稿已保存'))
    mp.wx.modalConfirms = true
    await page.tap(tappable(page, '清空草稿'))
    await page.waitForText((t) => t.includes('填写的内容会自动保存为草稿') && t.includes('共同生活的家庭成员') && t.includes('第1条'))
    expect(attr(byClass(page, 'field__input--members-0-name'), 'value')).toBe('王芳')
    expect(attr(byClass(page, 'field__input--members-0-idNumber'), 'value')).toBe(residentIdFor(PHONE))
    expect(textOf(byId(page, 'field-members-0-relation'))).toContain('本人')
    expect(page.findByClass('field__input--members-1-name')).toBeNull()
    // From the real name, not from the draft of the test before (its 本人 had a monthly income of 800).
    expect(attr(byClass(page, 'field__input--members-0-monthlyIncome'), 'value') ?? '').toBe('')
    // Nothing typed yet: no draft.
    expect(mp.wx.storage.has('tb.draft.MZ-0001')).toBe(false)
    page.unload()
  })

  it('仅销售预包装食品 is another item: the apply page says so, links its guide and shows no form', async () => {
    const page = await mp.openPage(APPLY, { code: 'SJ-0001', answers: JSON.stringify({ category: 'prepack' }) })
    const text = await page.waitForText((t) => t.includes('您要办的是另一个事项'))
    expect(text).toContain('需要办理的是“仅销售预包装食品备案”')
    expect(text).not.toContain('下一步：核对申请信息')
    mp.wx.calls.length = 0
    await page.tap(tappable(page, '查看“仅销售预包装食品备案”办事指南'))
    expect(mp.wx.calls.find((c) => c.name === 'redirectTo')?.options).toMatchObject({ url: '/pages/guide/index?code=SJ-0006' })
    page.unload()
  })

  it('renders every element it is given (no missing WXML templates)', () => {
    expect(mp.renderErrors).toEqual([])
  })
})
