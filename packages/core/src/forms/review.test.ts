import { describe, expect, it } from 'vitest'
import { NOT_FILLED, reviewRows } from './review'
import { formFieldStates } from './validate'
import type { FormSchema } from './schema'

const schema: FormSchema = { id: 'f', version: 1, fields: [
  { type: 'text', name: 'name', label: '姓名', required: true },
  { type: 'radio', name: 'kind', label: '类型', options: [{ value: 'shop', label: '门店' }, { value: 'online', label: '网店' }] },
  { type: 'text', name: 'url', label: '网址', visibleWhen: { field: 'kind', equals: 'online' }, requiredWhen: { field: 'kind', equals: 'online' } },
  { type: 'checkbox', name: 'items', label: '项目', options: [{ value: 'a', label: '甲' }, { value: 'b', label: '乙' }] },
  { type: 'select', name: 'level', label: '级别', options: [{ value: '1', label: '一级' }] },
  { type: 'switch', name: 'chain', label: '连锁' },
  { type: 'money', name: 'capital', label: '注册资本' },
  { type: 'date', name: 'since', label: '开业日期' },
  { type: 'dateRange', name: 'period', label: '经营期限' },
  { type: 'region', name: 'region', label: '所在地区' },
  { type: 'material', name: 'licence', label: '营业执照', eLicenceTypes: ['营业执照'] },
  { type: 'material', name: 'plan', label: '平面图' },
  { type: 'consent', name: 'pledge', label: '承诺', required: true },
  { type: 'group', name: 'staff', label: '人员', visibleWhen: { situation: 'category', in: ['catering'] }, fields: [
    { type: 'text', name: 'name', label: '姓名' },
    { type: 'residentId', name: 'id', label: '身份证号码', visibleWhen: { field: 'name', filled: true } },
  ] },
] }

describe('formFieldStates', () => {
  it('says which fields show and which are required, with the validator’s conditions', () => {
    const shop = formFieldStates(schema, { kind: 'shop' })
    expect(shop['url']).toEqual({ visible: false, required: false })
    expect(shop['name']).toEqual({ visible: true, required: true })
    expect(shop['staff']?.visible).toBe(false)
    const online = formFieldStates(schema, { kind: 'online' })
    expect(online['url']).toEqual({ visible: true, required: true })
  })

  it('lists each group item’s fields by index, with conditions on siblings', () => {
    const states = formFieldStates(schema, { staff: [{ name: '李四' }, {}] }, { answers: { category: 'catering' } })
    expect(states['staff']?.visible).toBe(true)
    expect(states['staff.0.id']?.visible).toBe(true)
    expect(states['staff.1.id']?.visible).toBe(false)
    expect(formFieldStates(schema, { staff: [{ name: '李四' }] })['staff.0.name']).toBeUndefined()
  })
})

describe('reviewRows', () => {
  it('reads every value as words: option labels, amounts, ranges, regions, materials', () => {
    const rows = reviewRows(schema, {
      name: ' 张三 ', kind: 'online', url: 'shop.example.cn', items: ['b', 'a'], level: '1', chain: false, capital: 12.5,
      since: '2026-01-05', period: { start: '2026-01-01', end: '2030-12-31' },
      region: { province: '440000', city: '440300', district: '440305' },
      licence: { kind: 'eLicence', licenceId: 'lic-1', title: '营业执照 · 示例公司' },
      plan: { kind: 'upload', fileId: 'f1', name: '平面图.pdf' }, pledge: true,
    }, { regionLabel: (r) => `名称(${r.district})` })
    expect(Object.fromEntries(rows.map((r) => [r.label, r.value]))).toEqual({
      姓名: '张三', 类型: '网店', 网址: 'shop.example.cn', 项目: '乙、甲', 级别: '一级', 连锁: '否', 注册资本: '12.50元',
      开业日期: '2026-01-05', 经营期限: '2026-01-01 至 2030-12-31', 所在地区: '名称(440305)',
      营业执照: '电子证照：营业执照 · 示例公司', 平面图: '已上传：平面图.pdf', 承诺: '已阅读并同意',
    })
  })

  it('leaves hidden fields out and says what is empty', () => {
    const rows = reviewRows(schema, { kind: 'shop', url: 'left over' })
    expect(rows.map((r) => r.path)).not.toContain('url')
    expect(rows.find((r) => r.path === 'name')?.value).toBe(NOT_FILLED)
    expect(rows.find((r) => r.path === 'region')?.value).toBe(NOT_FILLED)
    expect(rows.find((r) => r.path === 'pledge')?.value).toBe(NOT_FILLED)
  })

  it('gives a group one block of rows per item', () => {
    const rows = reviewRows(schema, { staff: [{ name: '李四', id: '11010519491231002X' }, { name: '' }] }, { answers: { category: 'catering' } })
    const staff = rows.find((r) => r.path === 'staff')!
    expect(staff.value).toBe('2条')
    expect(staff.items).toEqual([
      [{ path: 'staff.0.name', label: '姓名', value: '李四' }, { path: 'staff.0.id', label: '身份证号码', value: '11010519491231002X' }],
      [{ path: 'staff.1.name', label: '姓名', value: NOT_FILLED }],
    ])
  })
})
