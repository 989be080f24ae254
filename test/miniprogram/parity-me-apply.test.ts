// @vitest-environment happy-dom
/**
 * More of what the PWA does and the mini-program now does too (issue 17 §4/§5),
 * on the built mini-program against the real BFF, in the shared layer's words:
 * a second application of an item still open warns on the guide and the apply
 * page, naming the case and linking it (openCaseNotice); 长辈模式 switches from
 * 我的 and holds on every page (the settings store 首页 uses); a photo shrunk on
 * the phone says so, with the original size and its new name (shrunkPhotoText);
 * 我的 lists 我授权的代办 (consentLine).
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TOKEN_KEY } from '@tongban/app'
import {
  COMPRESS_TARGET_BYTES, consentLine, openCaseNotice, shrunkPhotoText,
  type CaseDetail, type CaseSummary, type Consent, type SubmitCaseBody,
} from '@tongban/core'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'
import { getJson, postJson, putJson, realBffWanted, realNameFor, startBffProcess, type TestBff } from './support/bff'
import { attr, byClass, byId, tappableIn, findByClass, startMiniProgram, tappable, textOf, type MiniProgram, type OpenedPage, type RenderedNode } from './support/mini-runtime'

const GUIDE = 'pages/guide/index'
const APPLY = 'packages/apply/pages/form/index'
const ME = 'pages/me/index'
const HOME = 'pages/home/index'
const PHONE = '13761230377'

let bff: TestBff
let mp: MiniProgram
let token: string
/** The agent's consent to apply for PHONE, as the BFF recorded it. */
let consent: Consent

const auth = (t: string) => ({ Authorization: `Bearer ${t}` })
const called = (name: string) => mp.wx.calls.filter((c) => c.name === name).map((c) => c.options as Record<string, unknown>)
const rootClass = (page: OpenedPage) => String(attr(page.component.toJSON().children[0] as RenderedNode, 'class'))



/**
 * A village agent asks PHONE's consent to apply for 最低生活保障 and records the code the resident read out; the
 * resident's account is made then, and signed in here without an SMS (the consent's text used the minute's one).
 */
async function consentedResident(): Promise<string> {
  const agent = (await postJson<{ token: string }>(`${bff.url}/api/staff/login`, { username: 'agent', password: 'Tongban@2026' })).body.token
  const asked = await postJson<Consent>(`${bff.url}/api/agent/consents`, { residentPhone: PHONE, itemCode: 'MZ-0001' }, auth(agent))
  expect(asked.status, JSON.stringify(asked.body)).toBe(201)
  const inbox = (await getJson<{ phone: string; text: string }[]>(`${bff.url}/dev/inbox.json`)).body
  const code = /验证码(\d{6})/.exec(inbox.find((m) => m.phone === PHONE && m.text.includes('代办'))?.text ?? '')?.[1]
  if (!code) throw new Error(`no consent code for ${PHONE} in the dev inbox`)
  const granted = await postJson<Consent>(`${bff.url}/api/agent/consents/${asked.body.id}/confirm`, { code }, auth(agent))
  expect(granted.status, JSON.stringify(granted.body)).toBe(200)
  consent = granted.body
  const resident = await bff.signInByPhone!(PHONE)
  const given = await putJson(`${bff.url}/api/me/profile`, realNameFor(PHONE), auth(resident))
  expect(given.status, JSON.stringify(given.body)).toBe(200)
  return resident
}

/** A 最低生活保障 case of the resident's own, still open (submitted, not yet accepted). */
async function openCase(): Promise<CaseSummary> {
  const { name, idNumber } = realNameFor(PHONE)
  const body: SubmitCaseBody = {
    itemCode: 'MZ-0001', formVersion: 1, answers: {}, delivery: 'pickup', personalDataConsent: true,
    values: {
      applicantName: name, idNumber, phone: PHONE, region: { province: '330000', city: '330100', district: '330106' },
      address: '杏花村5组8号', members: [{ name, relation: 'self', idNumber, monthlyIncome: 450 }],
      savings: 800, reason: '年过七旬独自生活，没有固定收入。', checkAuth: true, pledge: true,
    },
  }
  const created = await postJson<CaseDetail>(`${bff.url}/api/cases`, body, { ...auth(token), 'Idempotency-Key': 'parity-me-apply-open-0001' })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const list = (await getJson<CaseSummary[]>(`${bff.url}/api/me/cases`, auth(token))).body
  return list.find((c) => c.caseNo === created.body.caseNo)!
}

describe.skipIf(!realBffWanted())('the PWA’s 我的 and apply details, in the mini-program', () => {
  beforeAll(async () => {
    ensureMiniprogramBuilt()
    bff = await startBffProcess()
    token = await consentedResident()
    mp = startMiniProgram(DIST, { bffUrl: bff.url })
    mp.wx.storage.set(TOKEN_KEY, token)
  })

  afterAll(async () => {
    await bff?.close()
  })

  it('warns on the guide and the apply page that a case of the item is still open, names it and links it', async () => {
    const open = await openCase()
    const notice = openCaseNotice(open)
    expect(notice).toContain(`办件编号 ${open.caseNo}`)

    const guide = await mp.openPage(GUIDE, { code: 'MZ-0001' })
    await guide.waitForText((t) => t.includes(notice))
    const shown = byClass(guide, 'open-case')
    expect(attr(shown, 'ariaRole')).toBe('status')
    // Inside 在线申请, before its button: a second one stays possible.
    expect(textOf(byClass(guide, 'guide__apply'))).toContain(notice)
    expect(guide.findTappable('在线申请')).not.toBeNull()
    mp.wx.calls.length = 0
    await guide.tap(tappable(guide, '查看这件办件'))
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: `/packages/apply/pages/case/index?caseNo=${encodeURIComponent(open.caseNo)}` }))
    guide.unload()

    const apply = await mp.openPage(APPLY, { code: 'MZ-0001' })
    const form = await apply.waitForText((t) => t.includes('填写申请表（1/2）') && t.includes(notice))
    expect(form).toContain('查看这件办件')
    apply.unload()

    // Another item: nothing to warn of.
    const other = await mp.openPage(GUIDE, { code: 'GA-0001' })
    await other.waitForText((t) => t.includes('办理地点和时间'))
    await new Promise((r) => setTimeout(r, 300))
    expect(other.findByClass('open-case')).toBeNull()
    expect(other.text()).not.toContain('正在办理')
    other.unload()
  })

  it('switches 长辈模式 from 我的, and every page shows it', async () => {
    const me = await mp.openPage(ME)
    await me.waitForText((t) => t.includes('显示') && t.includes('长辈模式'))
    const toggle = byClass(me, 'me__elderly')
    expect([attr(toggle, 'ariaRole'), attr(toggle, 'ariaLabel'), String(attr(toggle, 'ariaChecked'))]).toEqual(['switch', '长辈模式', 'false'])
    expect(rootClass(me)).not.toContain('tb-page--elderly')
    await me.tap(toggle)
    await me.waitForText(() => rootClass(me).includes('tb-page--elderly'))
    expect(String(attr(byClass(me, 'me__elderly'), 'ariaChecked'))).toBe('true')
    expect(JSON.parse(String(mp.wx.storage.get('tb.settings')))).toEqual({ elderly: true })

    // 首页 reads the same setting: large there too, its own switch on.
    const home = await mp.openPage(HOME)
    await home.waitForText((t) => t.includes('长辈模式'))
    expect(rootClass(home)).toContain('tb-page--elderly')
    expect(String(attr(byClass(home, 'home__elderly'), 'ariaChecked'))).toBe('true')
    home.unload()

    // And off again from 我的, for the tests that follow.
    await me.tap(byClass(me, 'me__elderly'))
    await me.waitForText(() => !rootClass(me).includes('tb-page--elderly'))
    expect(JSON.parse(String(mp.wx.storage.get('tb.settings')))).toEqual({ elderly: false })
    me.unload()
  })

  it('says a photo was shrunk on the phone, with its original size and its new name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-shrunk-'))
    // A big PNG from the album (noise does not compress), and the smaller JPEG the phone's compressImage writes of it.
    const pixels = Buffer.alloc(760 * 760 * 3)
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24
    const raw = { raw: { width: 760, height: 760, channels: 3 as const } }
    const big = join(dir, 'tmp_album_photo.png')
    writeFileSync(big, await sharp(pixels, raw).png({ compressionLevel: 0 }).toBuffer())
    const small = join(dir, 'tmp_compressed.jpg')
    writeFileSync(small, await sharp(pixels, raw).jpeg({ quality: 40 }).toBuffer())
    const bigSize = statSync(big).size
    expect(bigSize).toBeGreaterThan(COMPRESS_TARGET_BYTES)
    expect(statSync(small).size).toBeLessThan(COMPRESS_TARGET_BYTES)

    const page = await mp.openPage(APPLY, { code: 'SJ-0001', answers: JSON.stringify({ category: 'catering' }) })
    await page.waitForText((t) => t.includes('填写申请表（1/2）') && t.includes('从相册选择'))
    mp.wx.pickedFiles.push(big)
    mp.wx.compressedFiles.push(small)
    await page.tap(tappableIn(byId(page, 'field-kitchenFlowFile'), '从相册选择'))
    await page.waitForText((t) => t.includes('已上传：设备布局和工艺流程图.jpg'))
    const said = shrunkPhotoText({ fromName: '设备布局和工艺流程图.png', fromSize: bigSize }, '设备布局和工艺流程图.jpg')
    expect(said).toMatch(/^已为您缩小照片（原图\d\.\dMB，设备布局和工艺流程图\.png 存为 设备布局和工艺流程图\.jpg）/)
    const field = byId(page, 'field-kitchenFlowFile')
    expect(textOf(findByClass(field, 'material__shrunk')!)).toBe(said)
    expect(mp.wx.uploads.at(-1)).toMatchObject({ status: 201, formData: { materialId: 'kitchen-flow', fileName: '设备布局和工艺流程图.jpg' } })

    // Removed: nothing left to say about it.
    await page.tap(tappableIn(byId(page, 'field-kitchenFlowFile'), '删除'))
    await page.waitForText((t) => !t.includes('已为您缩小照片'))

    // A small photo goes as it was picked: nothing said.
    const tiny = join(dir, 'tmp_small.jpg')
    writeFileSync(tiny, await sharp(pixels, raw).resize(64, 64).jpeg().toBuffer())
    mp.wx.pickedFiles.push(tiny)
    await page.tap(tappableIn(byId(page, 'field-kitchenFlowFile'), '从相册选择'))
    await page.waitForText((t) => t.includes('已上传：设备布局和工艺流程图.jpg'))
    expect(page.text()).not.toContain('已为您缩小照片')
    page.unload()
  })

  it('lists 我授权的代办 on 我的, in the core’s words', async () => {
    const me = await mp.openPage(ME)
    const line = consentLine(consent)
    expect(line).toContain('刘梅')
    expect(line).toContain('授权')
    await me.waitForText((t) => t.includes('我授权的代办') && t.includes(line))
    expect(textOf(byClass(me, 'me__consent'))).toBe(line)
    me.unload()
  })

  it('renders every element it is given (no missing WXML templates)', () => {
    expect(mp.renderErrors).toEqual([])
  })
})
