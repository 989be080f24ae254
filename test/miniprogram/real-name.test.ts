// @vitest-environment happy-dom
/**
 * Who is applying (issue 17 §1) on the built mini-program under
 * miniprogram-simulate, against the real BFF: a new phone opens 在线申请 and
 * gets the profile's 实名 form in place of the application form (a wrong ID
 * number said under its field); once saved, the form is back with what was
 * there (the carried answers, a draft's address) and its applicant fields
 * filled from the real name and read-only; 我的 shows the real name and
 * takes the company.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TOKEN_KEY } from '@tongban/app'
import type { AccountView, Licence } from '@tongban/core'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'
import { getJson, realBffWanted, residentIdFor, signInThroughBff, startBffProcess, type TestBff } from './support/bff'
import { attr, byClass, startMiniProgram, tappable, textOf, type MiniProgram } from './support/mini-runtime'

const APPLY = 'packages/apply/pages/form/index'
const PHONE = '13761230375'

let bff: TestBff
let mp: MiniProgram
let token: string


describe.skipIf(!realBffWanted())('实名 in place (MZ-0001 最低生活保障)', () => {
  beforeAll(async () => {
    ensureMiniprogramBuilt()
    bff = await startBffProcess()
    mp = startMiniProgram(DIST, { bffUrl: bff.url })
    token = await signInThroughBff(bff, PHONE, false)
    mp.wx.storage.set(TOKEN_KEY, token)
  })
  afterAll(async () => {
    await bff?.close()
  })

  it('asks a new phone for its real name before the form, then gives the form back as it was, the applicant read-only', async () => {
    // Something typed before (on this phone, offline): it must survive the detour.
    mp.wx.storage.set('tb.draft.MZ-0001', JSON.stringify({
      itemCode: 'MZ-0001', itemName: '最低生活保障申请', formVersion: 1, answers: { health: ['disabled'] }, updatedAt: Date.now(),
      values: { address: '东山村5组8号', applicantName: '张三' },
    }))
    const page = await mp.openPage(APPLY, { code: 'MZ-0001', answers: JSON.stringify({ health: ['disabled'] }) })
    const asked = await page.waitForText((t) => t.includes('办事前需要先实名'))
    expect(asked).toContain('保存后回到申请表，已填写的内容都还在')
    expect(asked).not.toContain('下一步：核对申请信息')
    expect(page.findByClass('field__input--applicantName')).toBeNull()

    // The profile's form and the core's checks: a wrong check digit is said under the field, nothing saved.
    await page.type(byClass(page, 'profile-form__input--name'), '李桂兰')
    await page.type(byClass(page, 'profile-form__input--idNumber'), '110105194912310021')
    await page.tap(tappable(page, '保存实名信息'))
    await page.waitForText((t) => t.includes('身份证号码校验位不对'))
    expect(textOf(byClass(page, 'profile-form__error--idNumber'))).toContain('校验位')
    expect((await getJson<AccountView>(`${bff.url}/api/me`, { Authorization: `Bearer ${token}` })).body.name).toBeNull()

    const idNumber = residentIdFor(PHONE)
    await page.type(byClass(page, 'profile-form__input--idNumber'), idNumber)
    await page.tap(tappable(page, '保存实名信息'))
    const form = await page.waitForText((t) => t.includes('填写申请表（1/2）'))
    expect(form).not.toContain('办事前需要先实名')
    // Nothing lost: the draft's address and the carried answer (残疾人证 asked for).
    expect(attr(byClass(page, 'field__input--address'), 'value')).toBe('东山村5组8号')
    expect(form).toContain('残疾人证')
    // The applicant is the real name, over the draft's 张三, and cannot be typed over.
    const name = byClass(page, 'field__input--applicantName')
    expect(attr(name, 'value')).toBe('李桂兰')
    expect(attr(name, 'disabled')).toBeTruthy()
    expect(attr(byClass(page, 'field__input--idNumber'), 'value')).toBe(idNumber)
    expect(form).toContain('来自实名信息，不能修改')
    await page.type(name, '王五')
    expect(attr(byClass(page, 'field__input--applicantName'), 'value')).toBe('李桂兰')
    const me = (await getJson<AccountView>(`${bff.url}/api/me`, { Authorization: `Bearer ${token}` })).body
    expect([me.name, me.idNumber]).toEqual(['李桂兰', idNumber])
    // 我的证照 now holds the citizen's own licences (the shop they run among them), none of anyone else's.
    const wallet = (await getJson<Licence[]>(`${bff.url}/api/me/licences`, { Authorization: `Bearer ${token}` })).body
    expect(wallet.map((l) => `${l.type} ${l.holder}`)).toEqual(['居民身份证 李桂兰', '居民户口簿 李桂兰', '结婚证 李桂兰', '营业执照 示例市鼓楼区李桂兰小吃店'])
    page.unload()
  })

  it('我的 shows the real name, masked, and takes the company for company items', async () => {
    const page = await mp.openPage('pages/me/index')
    const text = await page.waitForText((t) => t.includes('实名信息') && t.includes('李桂兰'))
    expect(text).toContain(`${residentIdFor(PHONE).slice(0, 4)}**********${residentIdFor(PHONE).slice(-4)}`)
    expect(text).toContain('企业信息')
    await page.type(byClass(page, 'profile-form__input--name'), '示例市老王面馆有限公司')
    await page.type(byClass(page, 'profile-form__input--creditCode'), '91110105MA01CK8Q37')
    await page.tap(tappable(page, '保存企业信息'))
    await page.waitForText((t) => t.includes('统一社会信用代码') && t.includes('91110105MA01CK8Q37') && !t.includes('保存企业信息'))
    page.unload()
  })

  it('offers that company, and the wallet’s own 营业执照, for a company item', async () => {
    const page = await mp.openPage(APPLY, { code: 'SJ-0001', answers: JSON.stringify({ category: 'sales' }) })
    const text = await page.waitForText((t) => t.includes('以哪家企业申请？') && t.includes('电子营业执照'))
    expect(text).toContain('示例市老王面馆有限公司（91110105MA01CK8Q37 · 我的企业信息）')
    expect(text).toContain('示例市鼓楼区李桂兰小吃店')
    // The profile's company is prefilled and so chosen: read-only.
    expect(attr(byClass(page, 'field__input--operatorName'), 'value')).toBe('示例市老王面馆有限公司')
    expect(attr(byClass(page, 'field__input--creditCode'), 'disabled')).toBeTruthy()
    // The shop instead: its name, code and 营业执照 in one tap.
    await page.tap(tappable(page, '示例市鼓楼区李桂兰小吃店'))
    await page.waitForText((t) => t.includes('电子证照：营业执照 · 示例市鼓楼区李桂兰小吃店'))
    expect(attr(byClass(page, 'field__input--operatorName'), 'value')).toBe('示例市鼓楼区李桂兰小吃店')
    page.unload()
  })

  it('renders every element it is given (no missing WXML templates)', () => {
    expect(mp.renderErrors).toEqual([])
  })
})
