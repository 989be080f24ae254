import { describe, expect, it } from 'vitest'
import { resolveMaterials, visibleSituations } from './materials'
import { idCardItem } from './test-fixtures'

const ids = (answers: Parameters<typeof resolveMaterials>[1]) =>
  resolveMaterials(idCardItem(), answers).entries.map((e) => `${e.material.id}:${e.status}`)

describe('resolveMaterials', () => {
  it('lists required materials and marks conditional ones as maybe while questions are unanswered', () => {
    const c = resolveMaterials(idCardItem(), {})
    expect(c.entries.map((e) => `${e.material.id}:${e.status}`)).toEqual([
      'old-card:required', 'hukou:maybe', 'guardian-id:maybe', 'residence-permit:maybe', 'photo-receipt:required',
    ])
    expect(c.unanswered).toEqual(['age', 'hukou-local'])
    expect(c.complete).toBe(false)
  })

  it('adds the materials an answer calls for, with the answer as the reason', () => {
    const c = resolveMaterials(idCardItem(), { age: 'under16', 'hukou-local': 'yes', photo: 'yes' })
    expect(c.entries.map((e) => e.material.id)).toEqual(['old-card', 'hukou', 'guardian-id', 'photo-receipt'])
    expect(c.entries.find((e) => e.material.id === 'hukou')!.reasons).toEqual(['申请人年龄：未满十六周岁'])
    expect(c.complete).toBe(true)
  })

  it('words the reason without the question mark', () => {
    const item = idCardItem()
    item.situations[0]!.question = '申请人多大了？'
    const c = resolveMaterials(item, { age: 'under16' })
    expect(c.entries.find((e) => e.material.id === 'hukou')!.reasons).toEqual(['申请人多大了：未满十六周岁'])
  })

  it('drops conditional materials nobody asked for once every question is answered', () => {
    expect(ids({ age: 'adult', 'hukou-local': 'no' })).toEqual(['old-card:required', 'residence-permit:required', 'photo-receipt:required'])
  })

  it('asks a follow-up question only when its parent answer applies', () => {
    expect(visibleSituations(idCardItem(), { 'hukou-local': 'no' }).map((s) => s.id)).toEqual(['age', 'hukou-local'])
    expect(visibleSituations(idCardItem(), { 'hukou-local': 'yes' }).map((s) => s.id)).toEqual(['age', 'hukou-local', 'photo'])
  })

  it('ignores a stale answer to a question that is hidden now', () => {
    // "现场拍照" would remove the photo receipt, but the question is hidden for non-local applicants.
    expect(ids({ age: 'adult', 'hukou-local': 'no', photo: 'no' })).toContain('photo-receipt:required')
    expect(ids({ age: 'adult', 'hukou-local': 'yes', photo: 'no' })).not.toContain('photo-receipt:required')
  })

  it('keeps a material when one answer adds it and another removes it', () => {
    const item = idCardItem()
    item.situations[0]!.options[1]!.effects = [{ op: 'remove', materialId: 'hukou' }]
    item.situations.push({ id: 'multi', question: '多选', multiple: true, options: [
      { value: 'a', label: 'A', effects: [{ op: 'add', materialId: 'hukou' }] },
      { value: 'b', label: 'B', effects: [{ op: 'modify', materialId: 'old-card', copies: 2, note: '正反面复印' }] },
    ] })
    const c = resolveMaterials(item, { age: 'adult', 'hukou-local': 'yes', photo: 'yes', multi: ['a', 'b'] })
    expect(c.entries.find((e) => e.material.id === 'hukou')?.status).toBe('required')
    const card = c.entries.find((e) => e.material.id === 'old-card')!
    expect(card.copies).toBe(2)
    expect(card.notes).toEqual(['正反面复印'])
  })

  it('uses only the first value for a single-choice question given several', () => {
    expect(ids({ age: ['adult', 'under16'], 'hukou-local': 'yes', photo: 'yes' })).toEqual(['old-card:required', 'photo-receipt:required'])
  })

  it('reports answers to unknown questions or options instead of guessing', () => {
    const c = resolveMaterials(idCardItem(), { age: 'elderly', nonsense: 'x' })
    expect(c.invalid).toEqual([{ situationId: 'age', value: 'elderly' }, { situationId: 'nonsense', value: 'x' }])
    expect(c.unanswered).toContain('age')
  })

  it('skips effects that name a material the item does not have', () => {
    const item = idCardItem()
    item.situations[0]!.options[0]!.effects!.push({ op: 'add', materialId: 'ghost' })
    expect(() => resolveMaterials(item, { age: 'under16' })).not.toThrow()
  })
})
