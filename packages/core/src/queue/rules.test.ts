import { describe, expect, it } from 'vitest'
import { smsParamsOf } from '../messages/rules'
import { queueMessageOf } from './messages'
import { isPoorRating, RATING_LABELS, ratingIssues } from '../ratings/levels'
import {
  beijingClockText, callText, hoursText, minutesEach, nextToCall, openingState, opensAtText, sessionsOn, takeTicketIssues, ticketNumber, ticketTransition,
  waitRange, waitRangeText, type HallQueueConfig, type OpeningHours, type Waiting,
} from './rules'

const hours: OpeningHours = {
  workdays: [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:00' }],
  saturday: [{ from: '09:00', to: '12:00' }],
  lastTakeMinutes: 30,
}
const at = (s: string) => Date.parse(s)

describe('opening hours', () => {
  it('gives numbers inside a session until its last-take time, on working days', () => {
    // 2026-12-07 is a Monday.
    expect(openingState(hours, at('2026-12-07T10:00:00+08:00'))).toEqual({ open: true, takeUntil: '2026-12-07T03:30:00.000Z', opensAt: null })
    expect(openingState(hours, at('2026-12-07T11:30:00+08:00'))).toEqual({ open: false, takeUntil: null, opensAt: '2026-12-07T05:30:00.000Z' })
    expect(openingState(hours, at('2026-12-07T08:59:00+08:00')).opensAt).toBe('2026-12-07T01:00:00.000Z')
    expect(openingState(hours, at('2026-12-07T16:29:00+08:00')).open).toBe(true)
    expect(openingState(hours, at('2026-12-07T16:30:00+08:00')).opensAt).toBe('2026-12-08T01:00:00.000Z')
  })

  it('opens on Saturday morning only, not on Sunday, and not on a holiday', () => {
    expect(openingState(hours, at('2026-12-12T09:30:00+08:00')).open).toBe(true) // Saturday
    expect(openingState(hours, at('2026-12-12T12:00:00+08:00')).opensAt).toBe('2026-12-14T01:00:00.000Z') // to Monday
    expect(sessionsOn(hours, '2026-12-13')).toEqual([]) // Sunday
    // National Day 2026: the Saturday 10-03 is a holiday; 10-10 (Saturday) is a make-up working day with weekday hours.
    expect(sessionsOn(hours, '2026-10-03')).toEqual([])
    expect(sessionsOn(hours, '2026-10-10')).toEqual(hours.workdays)
    expect(openingState(hours, at('2026-09-30T18:00:00+08:00')).opensAt).toBe('2026-10-08T01:00:00.000Z')
  })

  it('says a time of day as a notice does, in Beijing time', () => {
    expect(beijingClockText('2026-12-07T01:05:00.000Z')).toBe('9:05')
    expect(beijingClockText(Date.parse('2026-12-07T13:30:00+08:00'))).toBe('13:30')
    expect(beijingClockText('2026-12-07T16:00:00.000Z')).toBe('0:00')
  })

  it('says the hours and the next opening in words', () => {
    expect(hoursText(hours)).toBe('工作日 9:00-12:00，13:30-17:00；周六 9:00-12:00（法定节假日除外，每段结束前30分钟停止取号）')
    const now = at('2026-12-07T18:00:00+08:00')
    expect(opensAtText(openingState(hours, now).opensAt, now)).toBe('明天 9:00 开始取号')
    expect(opensAtText('2026-12-07T05:30:00.000Z', at('2026-12-07T11:40:00+08:00'))).toBe('今天 13:30 开始取号')
    expect(opensAtText(null, now)).toBe('近期不开放取号')
  })
})

describe('numbers, waits and calls', () => {
  it('numbers with the letter and at least three digits', () => {
    expect([ticketNumber('A', 1), ticketNumber('C', 12), ticketNumber('B', 1000)]).toEqual(['A001', 'C012', 'B1000'])
    expect(callText('A012', 3)).toBe('请A012号到3号窗口办理')
  })

  it('says a wait as a range of whole five minutes, shared by the windows serving the category', () => {
    expect(waitRange(0, 8, 2)).toEqual({ min: 0, max: 5 })
    expect(waitRange(4, 10, 2)).toEqual({ min: 15, max: 25 })
    expect(waitRange(4, 10, 0)).toEqual(waitRange(4, 10, 1))
    expect(waitRangeText({ min: 0, max: 5 })).toBe('5 分钟以内')
    expect(waitRangeText({ min: 15, max: 25 })).toBe('15–25 分钟')
    expect(waitRangeText({ min: 150, max: 190 })).toBe('2 小时以上')
  })

  it('trusts the recent median only with enough finished tickets', () => {
    expect(minutesEach({ serviceMinutes: 10 }, [2, 3, 4])).toBe(10)
    expect(minutesEach({ serviceMinutes: 10 }, [2, 3, 4, 30, 5])).toBe(4)
    expect(minutesEach({ serviceMinutes: 10 }, [2, 3, 4, 30, 5, 6])).toBe(4.5)
  })

  it('calls the highest priority, then the oldest, then the lower number, only of the window\'s categories', () => {
    const t = (id: string, category: string, queuedAt: number, seq: number, priority = 0): Waiting => ({ id, category, queuedAt, seq, priority })
    const waiting = [t('b1', 'B', 100, 1), t('a2', 'A', 200, 2), t('a1', 'A', 200, 1), t('c1', 'C', 50, 1)]
    expect(nextToCall({ categories: ['A', 'B'] }, waiting)?.id).toBe('b1')
    expect(nextToCall({ categories: ['A'] }, waiting)?.id).toBe('a1')
    expect(nextToCall({ categories: ['A', 'B'] }, [...waiting, t('appt', 'A', 900, 9, 1)])?.id).toBe('appt')
    expect(nextToCall({ categories: ['D'] }, waiting)).toBeNull()
  })
})

describe('a ticket\'s steps', () => {
  const config: Pick<HallQueueConfig, 'recalls' | 'recallWindowMinutes'> = { recalls: 2, recallWindowMinutes: 30 }
  const now = at('2026-12-07T10:00:00+08:00')
  const f = (state: Parameters<typeof ticketTransition>[0]['state'], recalls = 0, noShowAt: number | null = null) => ({ state, recalls, noShowAt })

  it('goes waiting → called → serving → done', () => {
    expect(ticketTransition(f('waiting'), 'call', config, now)).toEqual({ to: 'called' })
    expect(ticketTransition(f('called'), 'serve', config, now)).toEqual({ to: 'serving' })
    expect(ticketTransition(f('serving'), 'finish', config, now)).toEqual({ to: 'done' })
  })

  it('is recalled a set number of times before it may be marked 过号', () => {
    expect(ticketTransition(f('called', 0), 'no_show', config, now)).toEqual({ refused: 'recalls_left' })
    expect(ticketTransition(f('called', 1), 'recall', config, now)).toEqual({ to: 'called' })
    expect(ticketTransition(f('called', 2), 'recall', config, now)).toEqual({ refused: 'recalls_used' })
    expect(ticketTransition(f('called', 2), 'no_show', config, now)).toEqual({ to: 'no_show' })
  })

  it('takes 我到了 within the recall window only', () => {
    expect(ticketTransition(f('no_show', 2, now - 29 * 60_000), 'here', config, now)).toEqual({ to: 'waiting' })
    expect(ticketTransition(f('no_show', 2, now - 31 * 60_000), 'here', config, now)).toEqual({ refused: 'recall_window_over' })
    expect(ticketTransition(f('waiting'), 'here', config, now)).toEqual({ refused: 'wrong_state' })
  })

  it('refuses what a finished ticket cannot do', () => {
    for (const action of ['call', 'recall', 'serve', 'finish', 'no_show', 'transfer', 'cancel'] as const) {
      expect(ticketTransition(f('done'), action, config, now)).toEqual({ refused: 'wrong_state' })
    }
    expect(ticketTransition(f('serving'), 'cancel', config, now)).toEqual({ refused: 'wrong_state' })
  })
})

describe('a request for a number', () => {
  const config = { categories: [{ code: 'A', name: '综合受理', items: [], serviceMinutes: 8 }] }

  it('names each wrong field in words', () => {
    expect(takeTicketIssues(config, { category: 'A' }, true)).toEqual([])
    expect(takeTicketIssues(config, { category: 'A', deviceId: 'dev-0123456789abcdef', phone: '139 1234 5678' }, false)).toEqual([])
    expect(takeTicketIssues(config, { category: 'Z', phone: '12345' }, false).map((i) => [i.path, i.message])).toEqual([
      ['category', '这个大厅没有这项业务，请重新选择'],
      ['deviceId', '没有登录时取号需要本机编号，请刷新页面后再取号'],
      ['phone', '请填写11位手机号码，或者不填'],
    ])
  })
})

describe('what a queue tells its visitor', () => {
  const f = { ticketId: 't-1', number: 'A012', hallName: '示例市政务服务中心', categoryName: '综合受理', ahead: 2, windowNo: 3, at: '2026-12-07T02:00:00.000Z' }

  it('names the number and what to do, opening the ticket in either shell, and fits SMS\'s parameters', () => {
    const near = queueMessageOf('queue_near', f)
    expect(near).toMatchObject({ kind: 'queue_near', caseNo: null, reference: 'A012', title: '快到您了', status: '快到号了', link: { web: '/tickets/t-1', mini: '/packages/queue/pages/ticket/index?id=t-1' } })
    expect(near.body).toBe('您在示例市政务服务中心取的A012号（综合受理）前面还有2人，请到窗口附近等候。')
    const called = queueMessageOf('queue_called', f)
    expect([called.title, called.next]).toEqual(['请A012号到3号窗口办理', '请到3号窗口办理'])
    expect(smsParamsOf(called)).toEqual({ no: 'A012', item: '综合受理', next: '请到3号窗口办理' })
  })
})

describe('a rating after service (好差评)', () => {
  it('takes the five levels, and a note of at most 200 characters', () => {
    expect(ratingIssues({ score: 5 })).toEqual([])
    expect(ratingIssues({ score: 2, note: '等了很久' })).toEqual([])
    expect(ratingIssues({ score: 0 }).map((i) => i.message)).toEqual(['请选择一个满意程度'])
    expect(ratingIssues({ score: 3, note: '字'.repeat(201) }).map((i) => i.path)).toEqual(['note'])
    expect([RATING_LABELS[5], RATING_LABELS[1], isPoorRating(2), isPoorRating(3)]).toEqual(['非常满意', '非常不满意', true, false])
  })
})
