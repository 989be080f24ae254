import { describe, expect, it } from 'vitest'
import { formCompanyCode, isApplicantsLicence, isOthersLicence, licenceOwnerIssues, licenceOwnerMessage, type LicenceHolder } from './owner'
import type { FormSchema } from '../forms/schema'

const MINE = '91110105MA01CK8Q37'
const OTHER = '91350100MA2XHW8K1X'
const myShop: LicenceHolder = { type: '营业执照', holder: '示例市老王面馆有限公司', holderKind: 'company', holderCreditCode: MINE }
const theirShop: LicenceHolder = { type: '营业执照', holder: '示例市好味餐饮有限公司', holderKind: 'company', holderCreditCode: OTHER }
const myId: LicenceHolder = { type: '居民身份证', holder: '王芳', holderKind: 'person', holderSelf: true }
const spouseHome: LicenceHolder = { type: '不动产权证书', holder: '李明', holderKind: 'person', holderSelf: false }

const schema: FormSchema = { id: 'f', version: 1, fields: [
  { type: 'text', name: 'operatorName', label: '经营者名称', prefill: 'companyName' },
  { type: 'creditCode', name: 'creditCode', label: '统一社会信用代码', prefill: 'creditCode' },
  { type: 'material', name: 'licence', label: '营业执照', eLicenceTypes: ['营业执照'] },
  { type: 'material', name: 'home', label: '不动产权证书', eLicenceTypes: ['不动产权证书'], eLicenceOfOthers: true },
] }

describe('whose licence it is', () => {
  it('takes the company the form names by its credit code', () => {
    expect(formCompanyCode(schema, { creditCode: ` ${MINE.toLowerCase()} ` })).toBe(MINE)
    expect(formCompanyCode(schema, {})).toBeNull()
    expect(formCompanyCode(null, { creditCode: MINE })).toBeNull()
  })

  it('is the applicant’s: the person’s own, or the company the form names', () => {
    expect(isApplicantsLicence(myId, null)).toBe(true)
    expect(isApplicantsLicence(spouseHome, null)).toBe(false)
    expect(isApplicantsLicence(myShop, MINE)).toBe(true)
    expect(isApplicantsLicence(theirShop, MINE)).toBe(false)
    expect(isApplicantsLicence(myShop, null)).toBe(false)
  })

  it('refuses another company’s 营业执照 in words naming both, and accepts another’s where the field allows it (他人证照)', () => {
    expect(licenceOwnerMessage({ label: '营业执照' }, theirShop, MINE))
      .toBe('营业执照：这张营业执照是“示例市好味餐饮有限公司”的，与申请表中的统一社会信用代码（91110105MA01CK8Q37）不一致。请选择申请单位的证照，或上传材料')
    expect(licenceOwnerMessage({ label: '营业执照' }, myShop, MINE)).toBeNull()
    expect(licenceOwnerMessage({ label: '结婚证' }, spouseHome, null)).toMatch(/^结婚证：这张不动产权证书是“李明”的，不是申请人本人的/)
    expect(licenceOwnerMessage({ label: '不动产权证书', eLicenceOfOthers: true }, spouseHome, null)).toBeNull()
    expect(isOthersLicence({ eLicenceOfOthers: true }, spouseHome, null)).toBe(true)
    expect(isOthersLicence({ eLicenceOfOthers: true }, myId, null)).toBe(false)
    expect(isOthersLicence({}, spouseHome, null)).toBe(false)
  })

  it('checks a form as the shells hold it: each licence with the holder it was chosen with', () => {
    const values = {
      operatorName: '示例市老王面馆有限公司', creditCode: MINE,
      licence: { kind: 'eLicence', licenceId: 'l1', title: '营业执照 · 示例市好味餐饮有限公司', ...theirShop },
      home: { kind: 'eLicence', licenceId: 'l2', ...spouseHome },
    }
    expect(licenceOwnerIssues(schema, values as never)).toEqual([
      { path: 'licence', code: 'licence_not_applicants', message: expect.stringContaining('示例市好味餐饮有限公司') },
    ])
    expect(licenceOwnerIssues(schema, { ...values, creditCode: OTHER } as never)).toEqual([])
    // Chosen before the wallet said whose it was: left to the BFF.
    expect(licenceOwnerIssues(schema, { licence: { kind: 'eLicence', licenceId: 'l1' } })).toEqual([])
  })
})
