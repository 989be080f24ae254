import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import type { AccountView, FormSchema, ItemGuide } from '@tongban/core'
import { testPlatform } from '../testing'
import { setValueAt, useApplicationForm } from './application'
import { useDraftStore } from './drafts'

const form: FormSchema = { id: 'f', version: 3, fields: [
  { type: 'text', name: 'name', label: '姓名', required: true, prefill: 'name' },
  { type: 'mobile', name: 'phone', label: '联系电话', required: true, prefill: 'phone' },
  { type: 'region', name: 'region', label: '所在地区', required: true },
  { type: 'group', name: 'staff', label: '人员', minItems: 1, visibleWhen: { situation: 'category', in: ['catering'] }, requiredWhen: { situation: 'category', in: ['catering'] }, fields: [
    { type: 'text', name: 'name', label: '姓名', required: true },
  ] },
] }
const item = { code: 'SJ-0001', name: '食品经营许可', form } as unknown as ItemGuide
const account = { id: 'a1', name: '张三', phone: '13800138000' } as unknown as AccountView
const flush = () => new Promise<void>((r) => setTimeout(() => r(), 0))

function setup(stored: Record<string, string> = {}) {
  const t = testPlatform({ me: async () => account })
  for (const [k, v] of Object.entries(stored)) t.storage.data.set(k, v)
  const f = t.within(() => useApplicationForm({ itemCode: 'SJ-0001', item: ref(item), answers: { category: 'catering' } }))
  return { ...t, f }
}

describe('useApplicationForm', () => {
  it('prefills from the account and leaves no draft until something changes', async () => {
    const { f, storage } = setup()
    await f.restore()
    await flush()
    expect(f.values.value).toEqual({ name: '张三', phone: '13800138000' })
    expect(storage.data.has('tb.draft.SJ-0001')).toBe(false)
    f.set('region', { province: '440000', city: '440300', district: '440305' })
    await nextTick()
    await flush()
    expect(JSON.parse(storage.data.get('tb.draft.SJ-0001')!)).toMatchObject({
      formVersion: 3, answers: { category: 'catering' }, values: { name: '张三', region: { district: '440305' } },
    })
    expect(f.savedAt.value).toBe(1_700_000_000_000)
  })

  it('restores the draft over the prefill, and clearing starts again', async () => {
    const draft = { itemCode: 'SJ-0001', itemName: '食品经营许可', formVersion: 3, values: { name: '李四' }, answers: {}, updatedAt: 5 }
    const { f, within } = setup({ 'tb.draft.SJ-0001': JSON.stringify(draft) })
    await f.restore()
    expect(f.values.value).toEqual({ name: '李四', phone: '13800138000' })
    expect(f.savedAt.value).toBe(5)
    await f.clear()
    expect(f.values.value).toEqual({ name: '张三', phone: '13800138000' })
    expect(await within(() => useDraftStore()).open('SJ-0001')).toBeNull()
  })

  it('shows a field’s error after it was left, and all of them after a submit attempt', async () => {
    const { f } = setup()
    await f.restore()
    f.set('phone', '123')
    expect(f.errorFor('phone')).toBeUndefined()
    f.touch('phone')
    expect(f.errorFor('phone')).toBe('请输入11位中国大陆手机号码')
    expect(f.summary.value).toEqual([])
    const first = f.check()
    expect(first).toEqual({ ok: false, firstPath: 'phone' })
    expect(f.errorFor('region')).toBe('请选择所在地区')
    expect(f.errorFor('staff')).toBe('请填写人员')
    expect(f.summary.value.map((s) => s.path)).toEqual(['phone', 'region', 'staff'])
  })

  it('adds and removes group items, each with its own errors', async () => {
    const { f } = setup()
    await f.restore()
    f.addItem('staff')
    f.addItem('staff')
    f.set('staff.1.name', '王五')
    f.check()
    expect(f.isVisible('staff.0.name')).toBe(true)
    expect(f.errorFor('staff.0.name')).toBe('请填写姓名')
    expect(f.errorFor('staff', { own: true })).toBeUndefined()
    f.removeItem('staff', 0)
    expect(f.values.value.staff).toEqual([{ name: '王五' }])
  })

  it('starts a household list with 本人 from the account (both shells’ forms), and an emptied list stays empty', async () => {
    const household: FormSchema = { id: 'h', version: 1, fields: [
      { type: 'text', name: 'applicantName', label: '申请人姓名', prefill: 'name' },
      { type: 'group', name: 'members', label: '家庭成员', minItems: 1, selfItem: { values: { relation: 'self' }, prefill: { name: 'name', idNumber: 'idNumber' } }, fields: [
        { type: 'text', name: 'name', label: '姓名', required: true },
        { type: 'select', name: 'relation', label: '与申请人关系', options: [{ value: 'self', label: '本人' }, { value: 'spouse', label: '配偶' }] },
        { type: 'residentId', name: 'idNumber', label: '身份证号码' },
      ] },
    ] }
    const t = testPlatform({ me: async () => ({ ...account, idNumber: '11010519491231002X' }) })
    const open = () => t.within(() => useApplicationForm({ itemCode: 'MZ-0001', item: ref({ code: 'MZ-0001', name: '最低生活保障', form: household } as unknown as ItemGuide) }))
    const f = open()
    await f.restore()
    expect(f.values.value.members).toEqual([{ relation: 'self', name: '张三', idNumber: '11010519491231002X' }])
    await flush()
    expect(t.storage.data.has('tb.draft.MZ-0001')).toBe(false)
    f.removeItem('members', 0)
    await nextTick()
    await flush()
    const again = open()
    await again.restore()
    expect(again.values.value.members).toEqual([])
  })
})

describe('setValueAt', () => {
  it('copies along the path and never changes the original', () => {
    const before = { staff: [{ name: 'a' }], x: '1' }
    const after = setValueAt(before, 'staff.0.name', 'b')
    expect(after).toEqual({ staff: [{ name: 'b' }], x: '1' })
    expect(before.staff[0]!.name).toBe('a')
    expect(setValueAt(after, 'x', undefined)).toEqual({ staff: [{ name: 'b' }] })
  })

  it('moves "left this field" marks with their group items when one is removed or put back', async () => {
    const { f } = setup()
    await f.restore()
    f.set('staff', [{ name: '甲' }, {}, {}])
    f.touch('staff.1.name')
    expect(f.errorFor('staff.1.name')).toBe('请填写姓名')
    expect(f.errorFor('staff.2.name')).toBeUndefined()
    f.removeItem('staff', 0)
    // The empty item that was second is first now, and keeps its message; the third does not inherit one.
    expect(f.errorFor('staff.0.name')).toBe('请填写姓名')
    expect(f.errorFor('staff.1.name')).toBeUndefined()
    f.itemsMoved('staff', 0, 1)
    expect(f.errorFor('staff.1.name')).toBe('请填写姓名')
  })

  it('keeps an agent’s draft for a resident private: its own key, never prefilled, not in 我的办件', async () => {
    const t = testPlatform({ me: async () => account })
    const f = t.within(() => useApplicationForm({ itemCode: 'SJ-0001', item: ref(item), privateDraft: { key: 'agent:c-1' } }))
    await f.restore()
    expect(f.values.value).toEqual({})
    f.set('name', '王五')
    await nextTick()
    await flush()
    expect(JSON.parse(t.storage.data.get('tb.draft.agent:c-1')!).values).toEqual({ name: '王五' })
    expect(t.storage.data.has('tb.draft.SJ-0001')).toBe(false)
    expect(await t.within(() => useDraftStore()).list()).toEqual([])
  })
})
