import { describe, expect, it } from 'vitest'
import { applicantIssues, notApplicantMessage, realNameOf, withApplicant } from './applicant'
import { schemaIssues, validateForm } from '../forms/validate'
import type { FormSchema } from '../forms/schema'

const ID = '11010519491231002X'
const ME = { name: '王芳', idNumber: ID }

/** A company item: the 法定代表人 applies, unless a 委托代理人 does for them. */
const schema: FormSchema = { id: 'f', version: 1, fields: [
  { type: 'text', name: 'company', label: '经营者名称', prefill: 'companyName' },
  { type: 'text', name: 'boss', label: '法定代表人姓名', required: true, prefill: 'name', applicant: { not: { situation: 'proxy', in: ['agent'] } } },
  { type: 'residentId', name: 'bossId', label: '法定代表人身份证号码', required: true, prefill: 'idNumber', applicant: { not: { situation: 'proxy', in: ['agent'] } } },
  { type: 'text', name: 'note', label: '备注' },
] }

describe('who is applying', () => {
  it('takes a real name only with both its parts', () => {
    expect(realNameOf({ name: '王芳', idNumber: ID })).toEqual(ME)
    expect(realNameOf({ name: '王芳', idNumber: null })).toBeNull()
    expect(realNameOf({ name: ' ', idNumber: ID })).toBeNull()
    expect(realNameOf(null)).toBeNull()
  })

  it('lists the applicant fields the form shows now, and leaves them to another when a 委托代理人 applies', () => {
    expect(validateForm(schema, {}, {}).applicant).toEqual([
      { path: 'boss', key: 'name', label: '法定代表人姓名' },
      { path: 'bossId', key: 'idNumber', label: '法定代表人身份证号码' },
    ])
    expect(validateForm(schema, {}, { answers: { proxy: 'agent' } }).applicant).toEqual([])
  })

  it('refuses, at the field, an applicant field naming someone else; spacing and the case of X do not matter', () => {
    const { applicant } = validateForm(schema, {}, {})
    expect(applicantIssues(applicant, { boss: ' 王 芳', bossId: ID.toLowerCase() }, ME)).toEqual([])
    expect(applicantIssues(applicant, { boss: '张三', bossId: '110105194912310037' }, ME)).toEqual([
      { path: 'boss', code: 'not_applicant', message: notApplicantMessage('法定代表人姓名') },
      { path: 'bossId', code: 'not_applicant', message: '法定代表人身份证号码应为申请人本人的实名信息，不能填写他人的' },
    ])
    expect(applicantIssues(applicant, {}, ME).map((i) => i.path)).toEqual(['boss', 'bossId'])
  })

  it('fills the applicant fields from the real name over whatever a draft held, and leaves the rest', () => {
    const { applicant } = validateForm(schema, {}, {})
    const before = { boss: '张三', note: '草稿' }
    expect(withApplicant(applicant, before, ME)).toEqual({ boss: '王芳', bossId: ID, note: '草稿' })
    expect(before).toEqual({ boss: '张三', note: '草稿' })
    const filled = { boss: '王芳', bossId: ID }
    expect(withApplicant(applicant, filled, ME)).toBe(filled)
  })

  it('takes `applicant` only on a top-level field the real name fills', () => {
    const reasons = (fields: FormSchema['fields']) => schemaIssues({ id: 'x', version: 1, fields }).map((i) => i.params?.reason)
    expect(reasons([{ type: 'text', name: 'n', label: '姓名', prefill: 'name', applicant: true }])).toEqual([])
    expect(reasons([{ type: 'text', name: 'n', label: '姓名', applicant: true }])).toEqual(['bad_applicant'])
    expect(reasons([{ type: 'text', name: 'n', label: '单位', prefill: 'companyName', applicant: true }])).toEqual(['bad_applicant'])
    expect(reasons([{ type: 'group', name: 'g', label: '成员', fields: [{ type: 'text', name: 'n', label: '姓名', prefill: 'name', applicant: true } as never] }])).toEqual(['bad_applicant'])
    expect(reasons([{ type: 'text', name: 'n', label: '姓名', prefill: 'name', applicant: { situation: 1 } as never }])).toEqual(['bad_applicant'])
  })
})
