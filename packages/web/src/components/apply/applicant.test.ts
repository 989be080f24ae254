/**
 * Who is applying, in the PWA's components: the applicant fields drawn
 * read-only with where they came from, 以哪家企业申请 filling the company,
 * and 他人证照 flagged to the clerk on the staff case page's materials.
 */
// @vitest-environment-options { "settings": { "disableIframePageLoading": true, "disableJavaScriptFileLoading": true } }
import { describe, expect, it, vi } from 'vitest'
import { computed, defineComponent, h, provide, ref } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { APPLICANT_MESSAGES, validateForm, type AccountView, type CaseMaterial, type FormSchema, type FormValues, type ItemGuide, type Licence } from '@tongban/core'
import { citizenMaterials, memoryStorage, PLATFORM_KEY, useApplicationForm, useCompanyChoice, type Platform } from '@tongban/app'
import { testPlatform } from '@tongban/app/testing'
import FieldList from '../forms/schema/FieldList.vue'
import { FORM_CONTEXT } from '../forms/schema/context'
import CompanyChoice from './CompanyChoice.vue'
import MaterialViewer from '../staff/MaterialViewer.vue'

vi.mock('../staff/pdfView', () => ({ openPdf: vi.fn() }))

const ID = '11010519491231002X'
const schema: FormSchema = { id: 'f', version: 1, fields: [
  { type: 'text', name: 'operatorName', label: '经营者名称', required: true, prefill: 'companyName' },
  { type: 'creditCode', name: 'creditCode', label: '统一社会信用代码', required: true, prefill: 'creditCode' },
  { type: 'text', name: 'applicantName', label: '申请人姓名', required: true, prefill: 'name', applicant: true },
  { type: 'residentId', name: 'idNumber', label: '申请人身份证号码', required: true, prefill: 'idNumber', applicant: true },
  { type: 'material', name: 'businessLicenceFile', label: '营业执照', eLicenceTypes: ['营业执照'] },
] }
const shop: Licence = {
  id: 'lic-shop', type: '营业执照', title: '营业执照 · 示例市鼓楼区王芳小吃店', number: '92350102MA0000000E', holder: '示例市鼓楼区王芳小吃店',
  holderKind: 'company', holderCreditCode: '92350102MA0000000E', issuer: '示例市市场监督管理局', issuedOn: '2021-05-20', validUntil: null,
}

describe('the applicant fields in the form', () => {
  it('are read-only, say where they came from, and cannot be typed over', async () => {
    const values = ref<FormValues>({ applicantName: '王芳', idNumber: ID })
    const result = computed(() => validateForm(schema, values.value))
    const Host = defineComponent(() => {
      provide(FORM_CONTEXT, {
        visible: computed(() => new Set(result.value.visible)),
        required: computed(() => new Set(result.value.required)),
        errorOf: () => undefined,
        touch: () => {},
        itemCode: 'MZ-0001',
        lockedOf: (p) => (result.value.applicant.some((f) => f.path === p) ? APPLICANT_MESSAGES.fromRealName : undefined),
      })
      return () => h(FieldList, { fields: schema.fields, prefix: '', modelValue: values.value, 'onUpdate:modelValue': (v: FormValues) => { values.value = v } })
    })
    const platform = { api: {}, storage: memoryStorage(), isOnline: () => true, now: () => 0 } as unknown as Platform
    const w = mount(Host, { global: { provide: { [PLATFORM_KEY as symbol]: platform } }, attachTo: document.body })
    const name = w.find('#f-applicantName')
    expect(name.attributes('readonly')).toBeDefined()
    expect((name.element as HTMLInputElement).value).toBe('王芳')
    expect(w.find('#f-applicantName-locked').text()).toBe('来自实名信息，不能修改')
    expect(name.attributes('aria-describedby')).toContain('f-applicantName-locked')
    expect(w.find('#f-idNumber').attributes('readonly')).toBeDefined()
    expect(w.find('#f-operatorName').attributes('readonly')).toBeUndefined()
    w.unmount()
  })
})

describe('以哪家企业申请', () => {
  it('lists the profile’s company and the wallet’s 营业执照, and fills the company when one is chosen', async () => {
    const account = { id: 'a1', phone: '13800138000', name: '王芳', idNumber: ID, idNumberMasked: null, company: { name: '示例市老王面馆有限公司', creditCode: '91110105MA01CK8Q37' } } as AccountView
    const t = testPlatform({ me: async () => account, 'licences.mine': async () => [shop] })
    const item = ref({ code: 'SJ-0001', name: '食品经营许可', form: schema } as unknown as ItemGuide)
    const f = t.within(() => useApplicationForm({ itemCode: 'SJ-0001', item }))
    const choice = t.within(() => useCompanyChoice(f, { materials: citizenMaterials(t.platform.api), profile: () => account.company }))
    await f.restore()
    const w = mount(CompanyChoice, { props: { choice }, global: { plugins: [t.pinia], provide: { [PLATFORM_KEY as symbol]: t.platform } } })
    await flushPromises()
    expect(w.find('legend').text()).toBe('以哪家企业申请？')
    const options = w.findAll('label.choice')
    expect(options.map((o) => o.text())).toEqual([
      '示例市老王面馆有限公司91110105MA01CK8Q37 · 我的企业信息', '示例市鼓楼区王芳小吃店92350102MA0000000E · 电子营业执照', '其他企业（手动填写名称和统一社会信用代码）',
    ])
    expect((options[0]!.find('input').element as HTMLInputElement).checked).toBe(true)
    await options[1]!.find('input').setValue(true)
    expect(f.values.value).toMatchObject({ operatorName: shop.holder, creditCode: shop.holderCreditCode, businessLicenceFile: { licenceId: shop.id } })
    expect(f.lockOf('operatorName')).toBe('来自所选企业，如需更换，请在上方重新选择')
  })
})

describe('他人证照 on the staff case page', () => {
  it('flags an e-licence another holds, with its holder, and nothing else', () => {
    const form: FormSchema = { id: 'm', version: 1, fields: [
      { type: 'material', name: 'disabilityCardFile', label: '残疾人证', eLicenceTypes: ['残疾人证'], eLicenceOfOthers: true },
      { type: 'material', name: 'other', label: '户口簿', eLicenceTypes: ['户口簿'] },
    ] }
    const values = { disabilityCardFile: { kind: 'eLicence' as const, licenceId: 'l1' }, other: { kind: 'eLicence' as const, licenceId: 'l2' } }
    const materials: CaseMaterial[] = [
      { field: 'disabilityCardFile', label: '残疾人证', kind: 'eLicence', title: '残疾人证 · 王小明', othersLicence: { holder: '王小明' } },
      { field: 'other', label: '户口簿', kind: 'eLicence', title: '户口簿 · 王芳' },
    ]
    const w = mount(MaterialViewer, { props: { caseNo: 'MZ-0001-20261124-0001', form, values, materials } })
    const rows = w.findAll('li')
    expect(rows[0]!.find('.others').text()).toBe('他人证照 · 持证人：王小明，请核对与申请人的关系')
    expect(rows[1]!.find('.others').exists()).toBe(false)
    w.unmount()
  })
})
