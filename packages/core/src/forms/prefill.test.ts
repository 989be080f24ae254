import { describe, expect, it } from 'vitest'
import { prefillForm } from './prefill'
import type { FormSchema } from './schema'

const ID = '11010519491231002X'
const CREDIT = '91350100M000100Y43'

describe('prefillForm', () => {
  const schema: FormSchema = { id: 'f', version: 1, fields: [
    { name: 'name', label: '申请人姓名', type: 'text', prefill: 'name' },
    { name: 'phone', label: '联系电话', type: 'mobile', prefill: 'phone' },
    { name: 'idNumber', label: '身份证号码', type: 'residentId', prefill: 'idNumber' },
    { name: 'company', label: '单位名称', type: 'text', prefill: 'companyName' },
    { name: 'cc', label: '统一社会信用代码', type: 'creditCode', prefill: 'creditCode' },
  ] }

  it('fills empty fields from the account and never overwrites what was typed', () => {
    const account = { name: '张三', phone: '13800138000', idNumber: ID, company: { name: '某某有限公司', creditCode: CREDIT } }
    expect(prefillForm(schema, account, { phone: '13900139000', name: '' })).toEqual({
      name: '张三', phone: '13900139000', idNumber: ID, company: '某某有限公司', cc: CREDIT,
    })
    expect(prefillForm(schema, { name: null, company: null })).toEqual({})
  })
})

describe('prefillForm: a list that starts with the applicant (本人)', () => {
  const schema: FormSchema = { id: 'f', version: 1, fields: [
    { name: 'applicantName', label: '申请人姓名', type: 'text', prefill: 'name' },
    {
      name: 'members', label: '家庭成员', type: 'group', minItems: 1,
      fields: [
        { name: 'name', label: '姓名', type: 'text' },
        { name: 'relation', label: '关系', type: 'select', options: [{ value: 'self', label: '本人' }, { value: 'spouse', label: '配偶' }] },
        { name: 'idNumber', label: '身份证号码', type: 'residentId' },
        { name: 'monthlyIncome', label: '月收入', type: 'money' },
      ],
      selfItem: { values: { relation: 'self' }, prefill: { name: 'name', idNumber: 'idNumber' } },
    },
  ] }
  const account = { name: '王芳', idNumber: ID }

  it('starts a new form’s list with 本人, filled from the real name', () => {
    expect(prefillForm(schema, account)).toEqual({
      applicantName: '王芳', members: [{ relation: 'self', name: '王芳', idNumber: ID }],
    })
  })

  it('still starts with 本人 before a real name is given, to fill in once', () => {
    expect(prefillForm(schema, { name: null })).toEqual({ members: [{ relation: 'self' }] })
  })

  it('leaves a list the citizen has filled or emptied as it is', () => {
    const typed = [{ relation: 'spouse', name: '李强' }]
    expect(prefillForm(schema, account, { members: typed }).members).toBe(typed)
    expect(prefillForm(schema, account, { members: [] }).members).toEqual([])
  })

  it('refuses a first item naming a field the list has not, or a value its field cannot take', async () => {
    const { compileSchema } = await import('./compile')
    const broken = (selfItem: unknown) => compileSchema({ ...schema, fields: [{ ...schema.fields[1]!, selfItem }] }).defects.map((d) => d.reason)
    expect(broken({ values: { relation: 'cousin' } })).toContain('bad_selfItem')
    expect(broken({ values: { age: 3 } })).toContain('bad_selfItem')
    expect(broken({ prefill: { monthlyIncome: 'name' } })).toContain('bad_selfItem')
    expect(broken('self')).toContain('bad_selfItem')
    expect(broken({ values: { relation: 'self' }, prefill: { name: 'name' } })).toEqual([])
  })
})
