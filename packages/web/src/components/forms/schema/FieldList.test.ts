import { describe, expect, it } from 'vitest'
import { computed, defineComponent, h, provide, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { validateForm, type FormSchema, type FormValues } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import FieldList from './FieldList.vue'
import { FORM_CONTEXT } from './context'

const schema: FormSchema = {
  id: 't', version: 1,
  fields: [
    { type: 'text', name: 'name', label: '姓名', required: true, maxLength: 30 },
    { type: 'mobile', name: 'phone', label: '手机号码' },
    { type: 'money', name: 'amount', label: '金额', required: true },
    { type: 'switch', name: 'joint', label: '配偶是否同时提取' },
    { type: 'text', name: 'spouse', label: '配偶姓名', visibleWhen: { field: 'joint', equals: true }, requiredWhen: { field: 'joint', equals: true } },
    { type: 'radio', name: 'kind', label: '类别', options: [{ value: 'a', label: '甲类' }, { value: 'b', label: '乙类' }] },
    { type: 'checkbox', name: 'items', label: '项目', options: [{ value: 'x', label: '项目X' }, { value: 'y', label: '项目Y' }] },
    { type: 'region', name: 'region', label: '地区', depth: 3 },
    { type: 'dateRange', name: 'period', label: '期限' },
    { type: 'group', name: 'members', label: '成员', maxItems: 3, fields: [{ type: 'text', name: 'name', label: '姓名', required: true }] },
    { type: 'group', name: 'household', label: '家庭成员', minItems: 1, maxItems: 12, fields: [{ type: 'text', name: 'name', label: '姓名' }] },
  ],
}

function setup(initial: FormValues = {}) {
  const values = ref<FormValues>(initial)
  const touched = ref(new Set<string>())
  const result = computed(() => validateForm(schema, values.value))
  const Host = defineComponent(() => {
    provide(FORM_CONTEXT, {
      visible: computed(() => new Set(result.value.visible)),
      required: computed(() => new Set(result.value.required)),
      errorOf: (p) => (touched.value.has(p) ? result.value.issues.find((i) => i.path === p)?.message : undefined),
      touch: (p) => { touched.value = new Set(touched.value).add(p) },
      itemCode: 'T-1',
    })
    return () => h(FieldList, { fields: schema.fields, prefix: '', modelValue: values.value, 'onUpdate:modelValue': (v: FormValues) => { values.value = v } })
  })
  const platform = { api: {}, storage: memoryStorage(), isOnline: () => true, now: () => 0 } as unknown as Platform
  const w = mount(Host, { global: { provide: { [PLATFORM_KEY as symbol]: platform } }, attachTo: document.body })
  return { w, values }
}

describe('the form renderer', () => {
  it('labels every control, says 必填 in words, and shows a field’s message once it is left', async () => {
    const { w } = setup()
    expect(w.find('label[for="f-name"]').text()).toBe('姓名（必填）')
    expect(w.find('label[for="f-phone"]').text()).toBe('手机号码（选填）')
    expect(w.find('#f-phone').attributes('type')).toBe('tel')
    expect(w.find('#f-name-error').exists()).toBe(false)
    await w.find('#f-name').trigger('blur')
    expect(w.find('#f-name-error').text()).toBe('请填写姓名')
    expect(w.find('#f-name').attributes('aria-describedby')).toBe('f-name-error')
  })

  it('turns typing into values of the right type: numbers for money, lists for checkboxes', async () => {
    const { w, values } = setup()
    await w.find('#f-name').setValue('张三')
    await w.find('#f-amount').setValue('1200.50')
    await w.findAll('input[type="checkbox"]').filter((i) => i.attributes('value') === 'y')[0]!.setValue(true)
    await w.find('input[type="radio"][value="b"]').setValue(true)
    await w.find('#f-period-start').setValue('2026-01-01')
    expect(values.value).toMatchObject({ name: '张三', amount: 1200.5, items: ['y'], kind: 'b', period: { start: '2026-01-01', end: '' } })
    await w.find('#f-amount').setValue('12元')
    expect(values.value.amount).toBe('12元')
  })

  it('shows a field only while its condition holds', async () => {
    const { w } = setup()
    expect(w.find('#f-spouse').exists()).toBe(false)
    await w.find('#f-joint').setValue(true)
    expect(w.find('#f-spouse').exists()).toBe(true)
    expect(w.find('label[for="f-spouse"]').text()).toContain('必填')
  })

  it('picks a region level by level and clears the levels below when one changes', async () => {
    const { w, values } = setup()
    await w.find('#f-region').setValue('330000')
    const city = w.find('select[aria-label="城市"]')
    expect(city.findAll('option').map((o) => o.text())).toContain('杭州市')
    await city.setValue('330100')
    await w.find('select[aria-label="区县"]').setValue('330106')
    expect(values.value.region).toEqual({ province: '330000', city: '330100', district: '330106' })
    await w.find('#f-region').setValue('110000')
    expect(values.value.region).toEqual({ province: '110000' })
  })

  it('adds and removes group items, with 撤销 for a removal', async () => {
    const { w, values } = setup()
    await w.find('button.add').trigger('click')
    await w.find('#f-members-0-name').setValue('李四')
    await w.find('button.add').trigger('click')
    await w.find('#f-members-1-name').setValue('王五')
    await w.findAll('.group-item button')[0]!.trigger('click')
    expect(values.value.members).toEqual([{ name: '王五' }])
    expect(w.find('.undo').text()).toContain('已删除第1条')
    await w.find('.undo button').trigger('click')
    expect(values.value.members).toEqual([{ name: '李四' }, { name: '王五' }])
  })

  it('offers no 删除 on the only row of a block that needs one, and says its limits', async () => {
    const { w, values } = setup({ household: [{ name: '本人' }] })
    const block = () => w.findAll('.group').at(-1)!
    expect(block().findAll('.group-item')).toHaveLength(1)
    expect(block().find('.group-item button').exists()).toBe(false)
    expect(block().find('.limits').text()).toBe('至少1条，最多12条')
    await block().find('button.add').trigger('click')
    expect(block().findAll('.group-item button')).toHaveLength(2)
    await block().findAll('.group-item button')[1]!.trigger('click')
    expect(values.value.household).toEqual([{ name: '本人' }])
    expect(block().find('.group-item button').exists()).toBe(false)
  })
})
