import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { makeProblem, resolveMaterials } from '@tongban/core'
import { idCardItem } from '@tongban/core/testing'
import MaterialChecklist from './MaterialChecklist.vue'
import SituationQuestions from './SituationQuestions.vue'
import PageState from '../common/PageState.vue'

const global = {}

describe('MaterialChecklist', () => {
  it('marks materials that depend on unanswered questions as 可能需要, with their condition', () => {
    const w = mount(MaterialChecklist, { props: { checklist: resolveMaterials(idCardItem(), {}) }, global })
    const hukou = w.findAll('li').find((li) => li.text().includes('居民户口簿'))!
    expect(hukou.text()).toContain('可能需要')
    expect(hukou.text()).toContain('适用情形：未满十六周岁的')
    expect(w.find('.summary').text()).toBe('共 2 项材料，另有 3 项是否需要取决于上面的问题')
  })

  it('links a blank form the guide promises, to download as a PDF', () => {
    const base = idCardItem()
    const item = { ...base, materials: base.materials.map((m, i) => (i === 0 ? { ...m, blankFormUrl: '/api/items/X/blank-forms/apply-form' } : m)) }
    const w = mount(MaterialChecklist, { props: { checklist: resolveMaterials(item, {}) }, global })
    const links = w.findAll('a')
    expect(links).toHaveLength(1)
    expect(links[0]!.text()).toBe('下载空白表格（PDF）')
    expect(links[0]!.attributes()).toMatchObject({ href: '/api/items/X/blank-forms/apply-form', download: '', 'aria-label': `下载空白表格（PDF）：${base.materials[0]!.name}` })
  })

  it('says when an e-licence can replace the paper copy', () => {
    const w = mount(MaterialChecklist, { props: { checklist: resolveMaterials(idCardItem(), { age: 'adult', 'hukou-local': 'yes', photo: 'yes' }) }, global })
    expect(w.text()).not.toContain('可能需要')
    expect(w.findAll('li')[0]!.text()).toContain('可用电子证照代替')
  })
})

describe('SituationQuestions', () => {
  it('emits the chosen option for a question', async () => {
    const item = idCardItem()
    const w = mount(SituationQuestions, { props: { questions: item.situations.slice(0, 2), answers: {} }, global })
    expect(w.findAll('legend').map((l) => l.text())).toEqual(['申请人年龄', '是否本市户籍'])
    expect(w.findAll('input[type="radio"]').map((i) => i.attributes('name'))).toEqual(['situation-age', 'situation-age', 'situation-hukou-local', 'situation-hukou-local'])
    const radio = w.findAll('label').find((l) => l.text() === '未满十六周岁')!.find('input')
    await radio.setValue(true)
    expect(w.emitted('answer')).toEqual([['age', 'under16']])
    expect(w.find('.reset').exists()).toBe(false)
  })

  it('adds and removes values of a multiple-choice question', async () => {
    const q = { id: 'm', question: '多选', multiple: true, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }
    const w = mount(SituationQuestions, { props: { questions: [q], answers: { m: ['a'] } }, global })
    const boxes = w.findAll('input[type="checkbox"]')
    expect(boxes.map((b) => (b.element as HTMLInputElement).checked)).toEqual([true, false])
    await boxes[1]!.setValue(true)
    await boxes[0]!.setValue(false)
    expect(w.emitted('answer')).toEqual([['m', ['a', 'b']], ['m', []]])
  })

  it('offers to start again once something is answered', async () => {
    const w = mount(SituationQuestions, { props: { questions: idCardItem().situations, answers: { age: 'adult' } }, global })
    await w.find('.reset').trigger('click')
    expect(w.emitted('reset')).toHaveLength(1)
  })
})

describe('PageState', () => {
  it('shows the problem title and a retry button on error', async () => {
    const w = mount(PageState, {
      props: { state: 'error', problem: makeProblem('NETWORK') },
    })
    expect(w.text()).toContain('网络连接失败，请检查网络后重试')
    await w.find('button').trigger('click')
    expect(w.emitted('retry')).toHaveLength(1)
  })
})
