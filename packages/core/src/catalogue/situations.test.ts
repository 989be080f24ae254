import { describe, expect, it } from 'vitest'
import type { Situation } from './types'
import { answerWith, otherItemFor, questionText, settleChoice } from './situations'
import { materialPlaces, hallMaterials } from './places'
import { idCardItem } from './test-fixtures'

const health: Situation = {
  id: 'health', question: '家庭成员中是否有残疾人或重病患者？', multiple: true, options: [
    { value: 'none', label: '没有', exclusive: true },
    { value: 'disabled', label: '有残疾人' },
    { value: 'ill', label: '有重病患者' },
  ],
}

describe('situation questions', () => {
  it('says 可多选 once, whether or not the data already did', () => {
    expect(questionText(health)).toBe('家庭成员中是否有残疾人或重病患者？（可多选）')
    expect(questionText({ ...health, question: `${health.question}（可多选）` })).toBe('家庭成员中是否有残疾人或重病患者？（可多选）')
    expect(questionText({ question: '在哪里申请？' })).toBe('在哪里申请？')
  })

  it('a none-of-these option stands alone: ticking it clears the others, ticking another clears it', () => {
    expect(settleChoice(health, ['disabled', 'ill'], ['disabled', 'ill', 'none'])).toEqual(['none'])
    expect(settleChoice(health, ['none'], ['none', 'disabled'])).toEqual(['disabled'])
    expect(settleChoice(health, ['disabled'], ['disabled', 'ill'])).toEqual(['disabled', 'ill'])
    expect(settleChoice(health, ['disabled', 'ill'], ['ill'])).toEqual(['ill'])
  })

  it('answerWith applies the rule to multiple-choice answers only', () => {
    const item = { situations: [health, { id: 'place', question: '在哪里申请？', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }] }
    expect(answerWith(item, { health: ['disabled'] }, 'health', ['disabled', 'none'])).toEqual({ health: ['none'] })
    expect(answerWith(item, { health: ['none'] }, 'place', 'b')).toEqual({ health: ['none'], place: 'b' })
  })

  it('finds an answer meaning another item, only while its question is asked', () => {
    const item = idCardItem()
    item.situations[1]!.options[1] = { value: 'no', label: '否', otherItem: { code: 'GA-0009', name: '居住证申领' } }
    expect(otherItemFor(item, { 'hukou-local': 'no' })?.otherItem).toEqual({ code: 'GA-0009', name: '居住证申领' })
    expect(otherItemFor(item, { 'hukou-local': 'yes' })).toBeNull()
    item.situations[1]!.showIf = { situationId: 'age', values: ['adult'] }
    expect(otherItemFor(item, { age: 'under16', 'hukou-local': 'no' })).toBeNull()
  })
})

describe('material places', () => {
  const item = () => ({
    ...idCardItem(),
    form: {
      id: 'f', version: 1,
      fields: [
        { type: 'material' as const, name: 'oldCard', label: '原居民身份证', materialId: 'old-card', required: true },
        { type: 'material' as const, name: 'permit', label: '居住证', materialId: 'residence-permit', visibleWhen: { situation: 'hukou-local', in: ['no'] }, requiredWhen: { situation: 'hukou-local', in: ['no'] } },
      ],
      atHall: ['hukou', 'guardian-id'],
    },
  })

  it('puts each required material in a field asked for now, at the hall, or reports it missing', () => {
    const places = materialPlaces(item(), { age: 'under16', 'hukou-local': 'no', photo: 'yes' })
    expect(places.map((p) => [p.entry.material.id, p.place])).toEqual([
      ['old-card', 'field'], ['hukou', 'hall'], ['guardian-id', 'hall'], ['residence-permit', 'field'], ['photo-receipt', 'missing'],
    ])
    expect(hallMaterials(item(), { age: 'under16' })).toEqual(['居民户口簿（原件）', '监护人居民身份证（原件）'])
  })

  it('does not count a field the answers hide', () => {
    const i = item()
    i.form.atHall = []
    expect(materialPlaces(i, { age: 'adult', 'hukou-local': 'yes', photo: 'no' }).filter((p) => p.place === 'missing')).toEqual([])
    // A new schema (compiled schemas are cached by identity).
    const hidden = { ...i, form: { ...i.form, fields: [i.form.fields[0]!, { ...i.form.fields[1]!, visibleWhen: { situation: 'hukou-local', in: ['never'] } }] } }
    expect(materialPlaces(hidden, { age: 'adult', 'hukou-local': 'no', photo: 'no' }).find((p) => p.entry.material.id === 'residence-permit')?.place).toBe('missing')
  })
})
