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
