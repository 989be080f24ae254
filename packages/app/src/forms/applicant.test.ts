/**
 * Who is applying, as both shells see it through useApplicationForm and
 * useCompanyChoice: the applicant fields hold the real name (filled, locked,
 * over a draft's), a citizen without one is asked for it in place and the
 * form comes back as it was, another company's 营业执照 is said at its
 * field, and the company comes from the profile or the wallet.
 */
import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { APPLICANT_MESSAGES, type AccountView, type FormSchema, type ItemGuide, type Licence } from '@tongban/core'
import { testPlatform } from '../testing'
import { useApplicationForm } from './application'
import { COMPANY_CHOICE_TEXT, licenceValue, useCompanyChoice } from './company-choice'
import { citizenMaterials } from './material-source'
import { useSessionStore } from '../identity/session'
import { useDraftStore } from './drafts'

const ID = '11010519491231002X'
const form: FormSchema = { id: 'f', version: 1, fields: [
  { type: 'text', name: 'operatorName', label: '经营者名称', required: true, prefill: 'companyName' },
  { type: 'creditCode', name: 'creditCode', label: '统一社会信用代码', required: true, prefill: 'creditCode' },
  { type: 'text', name: 'legalPerson', label: '负责人姓名', required: true, prefill: 'name', applicant: { not: { situation: 'proxy', in: ['agent'] } } },
  { type: 'residentId', name: 'legalPersonId', label: '负责人身份证号码', required: true, prefill: 'idNumber', applicant: { not: { situation: 'proxy', in: ['agent'] } } },
  { type: 'text', name: 'note', label: '备注' },
  { type: 'material', name: 'businessLicenceFile', label: '营业执照', required: true, eLicenceTypes: ['营业执照'] },
] }
const item = { code: 'SJ-0001', name: '食品经营许可', form } as unknown as ItemGuide
const flush = () => new Promise<void>((r) => setTimeout(() => r(), 0))

const shop: Licence = {
  id: 'lic-shop', type: '营业执照', title: '营业执照 · 示例市鼓楼区王芳小吃店', number: '92350102MA0000000E', holder: '示例市鼓楼区王芳小吃店',
  holderKind: 'company', holderCreditCode: '92350102MA0000000E', issuer: '示例市市场监督管理局', issuedOn: '2021-05-20', validUntil: null,
}
const laowang = { name: '示例市老王面馆有限公司', creditCode: '91110105MA01CK8Q37' }

function setup(account: Partial<AccountView>, draft?: object, licences: Licence[] = [shop]) {
  const me = { id: 'a1', phone: '13800138000', name: null, idNumber: null, idNumberMasked: null, company: null, ...account } as AccountView
  const t = testPlatform({
    me: async () => me,
    'identity.updateProfile': async ({ body }) => ({ ...me, name: body.name, idNumber: body.idNumber, idNumberMasked: '1101**********002X' }),
    'licences.mine': async () => licences,
  })
  if (draft) t.storage.data.set('tb.draft.SJ-0001', JSON.stringify({ itemCode: 'SJ-0001', itemName: '食品经营许可', formVersion: 1, answers: {}, updatedAt: 5, ...draft }))
  const f = t.within(() => useApplicationForm({ itemCode: 'SJ-0001', item: ref(item) }))
  const session = t.within(() => useSessionStore())
  const company = t.within(() => useCompanyChoice(f, { materials: citizenMaterials(t.platform.api), profile: () => session.account?.company }))
  return { ...t, f, session, company }
}

describe('the applicant fields', () => {
  it('hold the real name over whatever a draft put there, read-only, and name where it came from', async () => {
    const { f } = setup({ name: '王芳', idNumber: ID }, { values: { legalPerson: '张三', note: '草稿' } })
    await f.restore()
    await nextTick()
    expect(f.values.value).toMatchObject({ legalPerson: '王芳', legalPersonId: ID, note: '草稿' })
    expect(f.lockOf('legalPerson')).toBe(APPLICANT_MESSAGES.fromRealName)
    expect(f.lockOf('legalPersonId')).toBe(APPLICANT_MESSAGES.fromRealName)
    expect(f.lockOf('note')).toBeUndefined()
    expect(f.needsRealName.value).toBe(false)
  })

  it('are another’s to type when a 委托代理人 applies, and the real name’s again when not', async () => {
    const { f } = setup({ name: '王芳', idNumber: ID })
    await f.restore()
    f.answers.value = { proxy: 'agent' }
    await nextTick()
    expect(f.lockOf('legalPerson')).toBeUndefined()
    f.set('legalPerson', '李老板')
    f.answers.value = {}
    await nextTick()
    expect(f.values.value.legalPerson).toBe('王芳')
  })

  it('ask a citizen without a real name for one in place, and keep everything typed meanwhile', async () => {
    const { f, session } = setup({})
    await f.restore()
    f.set('note', '先填的')
    await nextTick()
    expect(f.needsRealName.value).toBe(true)
    expect(f.lockOf('legalPerson')).toBeUndefined()
    expect((await session.updateProfile('王芳', ID)).ok).toBe(true)
    await nextTick()
    expect(f.needsRealName.value).toBe(false)
    expect(f.values.value).toMatchObject({ note: '先填的', legalPerson: '王芳', legalPersonId: ID })
    expect(f.lockOf('legalPerson')).toBe(APPLICANT_MESSAGES.fromRealName)
  })

  it('hold the resident’s real name on an agent’s page, never the agent’s own account', async () => {
    const t = testPlatform({ me: async () => { throw new Error('an agent has no citizen account') } })
    const resident = ref<{ name: string; idNumber: string } | null | undefined>(undefined)
    const f = t.within(() => useApplicationForm({ itemCode: 'SJ-0001', item: ref(item), privateDraft: { key: 'agent:c1' }, applicant: resident, applicantSays: APPLICANT_MESSAGES.fromResidentRealName }))
    await f.restore()
    expect(f.values.value).toEqual({})
    resident.value = { name: '赵大山', idNumber: ID }
    await nextTick()
    expect(f.values.value).toMatchObject({ legalPerson: '赵大山', legalPersonId: ID })
    expect(f.lockOf('legalPerson')).toBe(APPLICANT_MESSAGES.fromResidentRealName)
    expect(f.needsRealName.value).toBe(false)
  })

  it('filled from the real name leave no draft of a form nobody touched, and a typed change still makes one', async () => {
    const t = testPlatform({ me: async () => { throw new Error('an agent has no citizen account') } })
    const resident = ref<{ name: string; idNumber: string } | null | undefined>(undefined)
    const f = t.within(() => useApplicationForm({ itemCode: 'SJ-0001', item: ref(item), privateDraft: { key: 'agent:c1' }, applicant: resident }))
    const drafts = t.within(() => useDraftStore())
    await f.restore()
    resident.value = { name: '赵大山', idNumber: ID }
    await nextTick()
    await flush()
    expect(f.values.value).toMatchObject({ legalPerson: '赵大山' })
    expect(f.savedAt.value).toBeNull()
    expect(await drafts.open('agent:c1')).toBeNull()
    f.set('note', '要带原件')
    await nextTick()
    await flush()
    expect((await drafts.open('agent:c1'))?.values).toMatchObject({ legalPerson: '赵大山', note: '要带原件' })
  })
})

describe('a licence that is not the applicant’s', () => {
  it('is said at its field at once, and stops 下一步', async () => {
    const { f } = setup({ name: '王芳', idNumber: ID })
    await f.restore()
    f.set('operatorName', laowang.name)
    f.set('creditCode', laowang.creditCode)
    f.set('businessLicenceFile', licenceValue(shop))
    f.touch('businessLicenceFile')
    expect(f.errorFor('businessLicenceFile')).toBe('营业执照：这张营业执照是“示例市鼓楼区王芳小吃店”的，与申请表中的统一社会信用代码（91110105MA01CK8Q37）不一致。请选择申请单位的证照，或上传材料')
    expect(f.check()).toEqual({ ok: false, firstPath: 'businessLicenceFile' })
    f.set('operatorName', shop.holder)
    f.set('creditCode', shop.holderCreditCode)
    expect(f.errorFor('businessLicenceFile')).toBeUndefined()
    expect(f.check().ok).toBe(true)
  })
})

describe('以哪家企业申请', () => {
  it('offers the profile’s company and the wallet’s 营业执照; choosing fills both fields read-only and takes its licence', async () => {
    const { f, company } = setup({ name: '王芳', idNumber: ID, company: laowang })
    await f.restore()
    await company.load()
    expect(company.active.value).toBe(true)
    expect(company.options.value.map((o) => [o.name, o.source])).toEqual([[laowang.name, '我的企业信息'], [shop.holder, '电子营业执照']])
    // The profile's company was prefilled: it is the one chosen.
    expect(company.chosen.value).toBe(laowang.creditCode)
    expect(f.lockOf('operatorName')).toBe(COMPANY_CHOICE_TEXT.locked)

    company.choose(shop.holderCreditCode!)
    await flush()
    expect(f.values.value).toMatchObject({ operatorName: shop.holder, creditCode: shop.holderCreditCode, businessLicenceFile: { kind: 'eLicence', licenceId: shop.id } })
    expect(f.lockOf('creditCode')).toBe(COMPANY_CHOICE_TEXT.locked)
    expect(f.check().ok).toBe(true)

    company.choose('other')
    expect(f.values.value.operatorName).toBeUndefined()
    expect(f.lockOf('operatorName')).toBeUndefined()
    f.set('operatorName', '示例市新开张有限公司')
    expect(company.chosen.value).toBe('other')
  })

  it('is not asked where the form names no company', async () => {
    const t = testPlatform({ me: async () => ({ id: 'a1', name: '王芳', idNumber: ID }) as AccountView })
    const personal = { code: 'MZ-0001', name: '最低生活保障', form: { id: 'p', version: 1, fields: [{ type: 'text', name: 'n', label: '姓名', prefill: 'name', applicant: true }] } } as unknown as ItemGuide
    const f = t.within(() => useApplicationForm({ itemCode: 'MZ-0001', item: ref(personal) }))
    const company = t.within(() => useCompanyChoice(f, { materials: citizenMaterials(t.platform.api), profile: () => null }))
    expect(company.active.value).toBe(false)
  })
})
