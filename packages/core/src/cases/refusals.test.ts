import { describe, expect, it } from 'vitest'
import {
  applyEvent, allowedEvents, BEFORE_ACCEPTANCE, CASE_STATUS_TEXT, CLOSED_STATUSES, project, refusalOf, REFUSAL_MESSAGES, refusalText, TRANSITIONS, TransitionError,
  type Actor, type CaseEvent, type CaseEventBody, type CaseStatus, type ItemClockRules,
} from './machine'
import { may, STAFF_CAPABILITIES } from '../staff/capabilities'

const rules: ItemClockRules = { promisedDays: 5, statutoryDays: 20 }
const citizen: Actor = { role: 'citizen', id: 'c1' }
const clerk: Actor = { role: 'clerk', id: 's1' }
const leader: Actor = { role: 'leader', id: 's9' }
const ev = (body: CaseEventBody, actor: Actor, day: string): CaseEvent => ({ ...body, actor, day, at: `${day}T02:00:00.000Z` })
const refused = (f: () => unknown): TransitionError => {
  try { f() } catch (e) { if (e instanceof TransitionError) return e }
  throw new Error('not refused')
}

describe('the machine refuses with reason codes, in the words of one table', () => {
  const inReview = project([ev({ type: 'submit' }, citizen, '2026-03-02'), ev({ type: 'start_pre_review' }, clerk, '2026-03-02')], rules)

  it('names the status it refused from, as a code and in words', () => {
    const e = refused(() => applyEvent(inReview, ev({ type: 'extend', days: 5, reason: '复杂' }, leader, '2026-03-03'), rules))
    expect([e.code, e.reason, e.params]).toEqual(['illegal_transition', 'status_not_allowed', { status: 'pre_review', statusText: CASE_STATUS_TEXT.pre_review }])
    expect(e.message).toBe('办件窗口预审中，不能进行这项操作')
  })

  it('gives the content of an event its own reason', () => {
    const e = refused(() => applyEvent(inReview, ev({ type: 'refuse', reason: '不符合', basis: ' ' }, clerk, '2026-03-03'), rules))
    expect([e.code, e.reason, e.message]).toEqual(['invalid_event', 'refusal_grounds_missing', '不予受理须写明理由和法律依据'])
    const late = refused(() => applyEvent(inReview, ev({ type: 'request_supplement', items: [{ path: 'a', reason: '缺' }] }, clerk, '2026-03-20'), rules))
    expect(late.reason).toBe('supplement_notice_late')
  })

  it('fills the slots of a wording, and leaves an unfilled one as written', () => {
    expect(refusalText('extension_too_long', { max: 10 })).toBe('延长期限最多10个工作日')
    expect(refusalText('no_such_branch')).toBe(REFUSAL_MESSAGES.no_such_branch)
  })

  it('offers exactly the events its guards do not refuse before seeing them', () => {
    for (const actor of [citizen, clerk, leader]) {
      expect(allowedEvents(inReview, actor, '2026-03-20')).toEqual(
        (Object.keys(TRANSITIONS) as CaseEventBody['type'][]).filter((t) => refusalOf(inReview, actor, t, { day: '2026-03-20' }) === null))
    }
    expect(allowedEvents(inReview, clerk, '2026-03-20')).toEqual(['refuse', 'accept'])
  })
})

describe('status groups and staff capabilities live in the core', () => {
  it('closes a case exactly in the statuses no event leaves', () => {
    const left = new Set(Object.values(TRANSITIONS).flatMap((r) => r.from))
    const all = Object.keys(CASE_STATUS_TEXT) as CaseStatus[]
    expect(all.filter((s) => !left.has(s)).sort()).toEqual([...CLOSED_STATUSES].sort())
  })

  it('lets the applicant withdraw exactly before acceptance', () => {
    expect(TRANSITIONS.withdraw.from).toEqual(BEFORE_ACCEPTANCE)
  })

  it('says which role may do what', () => {
    expect(may(['reviewer'], 'workCases')).toBe(true)
    expect(may(['hall_admin'], 'workCases')).toBe(false)
    expect(may(['leader', 'supervisor'], 'watchAll')).toBe(true)
    expect(may(undefined, 'lookUpCitizens')).toBe(false)
    expect(STAFF_CAPABILITIES.department).toEqual(['reviewer', 'approver'])
  })
})
