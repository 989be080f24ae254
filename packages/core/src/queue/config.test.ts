import { describe, expect, it } from 'vitest'
import { queueConfigIssues } from './config'
import type { HallQueueConfig } from './rules'

const good: HallQueueConfig = {
  categories: [{ code: 'A', name: '综合受理', items: ['MZ-0001'], serviceMinutes: 10 }, { code: 'B', name: '社保医保', items: [], serviceMinutes: 8 }],
  windows: [{ no: 1, categories: ['A'] }, { no: 2, categories: ['A', 'B'] }],
  hours: { workdays: [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:00' }], saturday: [{ from: '09:00', to: '12:00' }], lastTakeMinutes: 30 },
  recalls: 2, recallWindowMinutes: 30, nearAhead: 3,
}
const items = new Set(['MZ-0001', 'GA-0001'])
const paths = (c: HallQueueConfig) => queueConfigIssues(c, items).map((i) => `${i.path}: ${i.message}`)

describe('a hall\'s queue configuration', () => {
  it('takes one the hall can run on', () => {
    expect(queueConfigIssues(good, items)).toEqual([])
  })

  it('names each fault at its field', () => {
    expect(paths({
      ...good,
      categories: [{ code: 'A', name: '综合受理', items: ['XX-9999'], serviceMinutes: 0 }, { code: 'A', name: '', items: [], serviceMinutes: 8 }, { code: 'c', name: '不动产', items: [], serviceMinutes: 8 }],
      windows: [{ no: 1, categories: ['A', 'Z'] }, { no: 1, categories: [] }],
    })).toEqual([
      'categories.0.serviceMinutes: 每人办理时间请填 1–240 分钟',
      'categories.0.items: 目录中没有这些事项：XX-9999',
      'categories.1.code: 字母 A 已被另一项业务使用',
      'categories.1.name: 请填写业务名称',
      'categories.2.code: 字母请填一个大写英文字母（A–Z）',
      'windows.0.categories: 没有这些业务：Z',
      'windows.1.no: 1号窗口重复了',
      'windows.1.categories: 请选择这个窗口办理的业务',
      'categories.2: 没有窗口办理“不动产”，取了号也叫不到',
    ])
  })

  it('checks the hours: the format, the order, overlaps, and a session shorter than the last-take margin', () => {
    expect(paths({ ...good, hours: { workdays: [{ from: '9:00', to: '12:00' }, { from: '11:00', to: '10:00' }], saturday: [{ from: '09:00', to: '09:20' }], lastTakeMinutes: 30 } })).toEqual([
      'hours.workdays.0: 请按“09:00”的格式填写时间',
      'hours.workdays.1: 结束时间要晚于开始时间',
      'hours.saturday.0: 这个时段比“结束前停止取号”的时间还短，整段都取不了号',
    ])
    expect(paths({ ...good, hours: { workdays: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '17:00' }], lastTakeMinutes: 30 } })).toEqual(['hours.workdays.1: 时段要按先后排列，不能重叠'])
    expect(paths({ ...good, hours: { workdays: [], lastTakeMinutes: 30 }, recalls: 9, nearAhead: 0 })).toEqual([
      'hours.workdays: 至少要有一个取号时段', 'recalls: 重呼次数请填 0–5', 'nearAhead: “快到号了”提醒请填前面剩 1–20 人时',
    ])
  })
})
