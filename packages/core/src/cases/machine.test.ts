import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addWorkingDays } from '../clock/calendar'
import {
  allowedEvents, applyEvent, branchSigners, clockStop, supplementScope, timeline, urgentDeadline, withdrawable, CLOCK_STOP_TEXT, DUTY_TEXT, project, TRANSITIONS, TransitionError,
  type Actor, type ActorRole, type DutyRules, type CaseEvent, type CaseEventBody, type CaseProjection, type CaseStatus, type ItemClockRules,
} from './machine'

const rules: ItemClockRules = { promisedDays: 5, statutoryDays: 20 }
const citizen: Actor = { role: 'citizen', id: 'c1' }
const clerk: Actor = { role: 'clerk', id: 's1' }
const leader: Actor = { role: 'leader', id: 's9' }
const reviewer = (department: string): Actor => ({ role: 'reviewer', id: `r-${department}`, department })
const approver = (department: string): Actor => ({ role: 'approver', id: `a-${department}`, department })
const departmental = (role: ActorRole): Actor => (role === 'reviewer' ? reviewer('scjg') : role === 'approver' ? approver('scjg') : { role, id: `${role}-1` })
const ev = (body: CaseEventBody, actor: Actor, day: string): CaseEvent => ({ ...body, actor, day, at: `${day}T02:00:00Z` })

/** A case brought to each status by the usual road. */
function caseIn(status: CaseStatus): CaseProjection {
  const road: CaseEvent[] = []
  const to = (s: CaseStatus) => status === s
  if (to('draft')) return project(road, rules)
  road.push(ev({ type: 'submit' }, citizen, '2026-03-02'))
  if (to('submitted')) return project(road, rules)
  if (to('withdrawn')) return project([...road, ev({ type: 'withdraw' }, citizen, '2026-03-02')], rules)
  road.push(ev({ type: 'start_pre_review' }, clerk, '2026-03-03'))
  if (to('pre_review')) return project(road, rules)
  if (to('supplement_required')) return project([...road, ev({ type: 'request_supplement', items: [{ path: 'layoutFile', reason: '图纸不清晰' }] }, clerk, '2026-03-03')], rules)
  if (to('not_accepted')) return project([...road, ev({ type: 'refuse', reason: '不属于本机关职权范围', basis: '《行政许可法》第三十二条第一款第（二）项' }, clerk, '2026-03-03')], rules)
  road.push(ev({ type: 'accept', departments: ['scjg'] }, clerk, '2026-03-04'))
  if (to('accepted')) return project(road, rules)
  road.push(ev({ type: 'advance_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-05'))
  if (to('in_progress')) return project(road, rules)
  road.push(ev({ type: 'advance_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-05'), ev({ type: 'advance_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-06'))
  road.push(ev({ type: 'decide_branch', department: 'scjg', outcome: 'approved' }, reviewer('scjg'), '2026-03-06'))
  if (to('decided')) return project(road, rules)
  return project([...road, ev({ type: 'complete' }, clerk, '2026-03-09')], rules)
}

const STATUSES: CaseStatus[] = ['draft', 'submitted', 'pre_review', 'supplement_required', 'not_accepted', 'accepted', 'in_progress', 'decided', 'completed', 'withdrawn']
const ROLES: ActorRole[] = ['citizen', 'agent', 'clerk', 'reviewer', 'approver', 'leader', 'system']
const BODIES: CaseEventBody[] = [
  { type: 'submit' }, { type: 'start_pre_review' }, { type: 'request_supplement', items: [{ path: 'x', reason: '缺少' }] }, { type: 'resubmit' },
  { type: 'refuse', reason: '理由', basis: '依据' }, { type: 'accept', departments: ['scjg'] }, { type: 'advance_branch', department: 'scjg' },
  { type: 'decide_branch', department: 'scjg', outcome: 'approved' }, { type: 'pause_branch', department: 'scjg', procedure: '现场核查', reason: '核查场所', expectedEnd: '2026-03-20' },
  { type: 'resume_branch', department: 'scjg' }, { type: 'extend', days: 5, reason: '情况复杂' }, { type: 'complete' }, { type: 'withdraw' },
]

describe('the status machine', () => {
  it('covers every event in its table', () => {
    expect(BODIES.map((b) => b.type).sort()).toEqual(Object.keys(TRANSITIONS).sort())
  })

  it.each(STATUSES)('from %s: every event from every role succeeds exactly when allowedEvents says so, else a clear error', (status) => {
    const p = caseIn(status)
    expect(p.status).toBe(status)
    for (const role of ROLES) {
      const actor = departmental(role)
      const allowed = allowedEvents(p, actor)
      for (const body of BODIES) {
        const rule = TRANSITIONS[body.type]
        let error: TransitionError | null = null
        try { applyEvent(p, ev(body, actor, '2026-03-09'), rules) } catch (e) { error = e as TransitionError }
        expect(error === null, `${status} ${role} ${body.type}: ${error?.message}`).toBe(allowed.includes(body.type))
        if (!rule.from.includes(status)) expect(error?.code, `${status} ${body.type}`).toBe('illegal_transition')
        else if (!rule.roles.includes(role)) expect(error?.code).toBe('wrong_role')
        if (error) expect(error.message).toMatch(/[\u4e00-\u9fff]/)
      }
    }
  })

  /*
   * The transitions written out again by hand from domain.md, not read from
   * TRANSITIONS: for each event, the statuses it may be sent from and the
   * status it leads to, and who may send it. Every cell of status × event ×
   * role is checked against this, outcome and resulting status both.
   */
  const EXPECTED: Record<CaseEventBody['type'], { to: Partial<Record<CaseStatus, CaseStatus>>; by: ActorRole[] }> = {
    submit: { to: { draft: 'submitted' }, by: ['citizen', 'agent'] },
    start_pre_review: { to: { submitted: 'pre_review' }, by: ['clerk', 'system'] },
    request_supplement: { to: { pre_review: 'supplement_required' }, by: ['clerk'] },
    resubmit: { to: { supplement_required: 'submitted' }, by: ['citizen', 'agent'] },
    refuse: { to: { pre_review: 'not_accepted' }, by: ['clerk'] },
    accept: { to: { pre_review: 'accepted' }, by: ['clerk'] },
    // caseIn('accepted') has its one branch pending, caseIn('in_progress') undertaking.
    advance_branch: { to: { accepted: 'in_progress', in_progress: 'in_progress' }, by: ['reviewer'] },
    // Without DutyRules (replaying history, a department that signs alone) a reviewer may decide too: below.
    decide_branch: { to: {}, by: ['reviewer', 'approver'] }, // from in_progress, but only once the branch is approving: below
    pause_branch: { to: { accepted: 'accepted', in_progress: 'in_progress' }, by: ['reviewer', 'approver'] },
    resume_branch: { to: {}, by: ['reviewer', 'approver'] }, // from accepted or in_progress, but only a paused branch: below
    extend: { to: { accepted: 'accepted', in_progress: 'in_progress' }, by: ['leader'] },
    complete: { to: { decided: 'completed' }, by: ['clerk', 'system'] },
    withdraw: { to: { submitted: 'withdrawn', pre_review: 'withdrawn', supplement_required: 'withdrawn' }, by: ['citizen', 'agent'] },
  }
  /** The statuses an event is legal from at all, whatever the branch (the rest are illegal_transition). */
  const LEGAL_FROM: Partial<Record<CaseEventBody['type'], CaseStatus[]>> = { decide_branch: ['in_progress'], resume_branch: ['accepted', 'in_progress'] }

  it.each(STATUSES)('from %s: each event and role does what the hand-written table says, and the event records from and to', (status) => {
    const p = caseIn(status)
    for (const role of ROLES) {
      const actor = departmental(role)
      for (const body of BODIES) {
        const want = EXPECTED[body.type]
        const legal = want.to[status] !== undefined || (LEGAL_FROM[body.type] ?? []).includes(status)
        let got: string
        try {
          const n = applyEvent(p, ev(body, actor, '2026-03-09'), rules)
          expect(n.events.at(-1), `${status} ${body.type}`).toMatchObject({ from: status, to: n.status })
          got = `→${n.status}`
        } catch (e) {
          got = (e as TransitionError).code
        }
        const expected = !legal ? 'illegal_transition' : !want.by.includes(role) ? 'wrong_role' : want.to[status] ? `→${want.to[status]}` : 'branch_state'
        expect(got, `${status} · ${role} · ${body.type}`).toBe(expected)
      }
    }
  })

  it('moves a department branch only along pending → undertaking → reviewing → approving → done, pausing from any open step', () => {
    const r = reviewer('scjg')
    const at = (e: CaseEventBody) => ev(e, r, '2026-03-06')
    // Two departments, so the case stays in progress whatever happens to scjg's branch.
    const base = [...caseIn('pre_review').events, ev({ type: 'accept', departments: ['scjg', 'gaj'] }, clerk, '2026-03-04'), ev({ type: 'advance_branch', department: 'gaj' }, reviewer('gaj'), '2026-03-05')]
    const advance = at({ type: 'advance_branch', department: 'scjg' })
    const decide = at({ type: 'decide_branch', department: 'scjg', outcome: 'approved' })
    const pause = at({ type: 'pause_branch', department: 'scjg', procedure: '现场核查', reason: '核查场所', expectedEnd: '2026-03-20' })
    const resume = at({ type: 'resume_branch', department: 'scjg' })
    const roads: Record<string, CaseEvent[]> = {
      pending: [],
      undertaking: [advance],
      reviewing: [advance, advance],
      approving: [advance, advance, advance],
      'paused (from reviewing)': [advance, advance, pause],
      done: [advance, advance, advance, decide],
    }
    const EXPECTED_BRANCH: Record<string, Record<'advance' | 'decide' | 'pause' | 'resume', string>> = {
      pending: { advance: 'undertaking', decide: 'branch_state', pause: 'paused', resume: 'branch_state' },
      undertaking: { advance: 'reviewing', decide: 'branch_state', pause: 'paused', resume: 'branch_state' },
      reviewing: { advance: 'approving', decide: 'branch_state', pause: 'paused', resume: 'branch_state' },
      approving: { advance: 'branch_state', decide: 'done', pause: 'paused', resume: 'branch_state' },
      'paused (from reviewing)': { advance: 'branch_state', decide: 'branch_state', pause: 'branch_state', resume: 'reviewing' },
      done: { advance: 'branch_state', decide: 'branch_state', pause: 'branch_state', resume: 'branch_state' },
    }
    for (const [state, road] of Object.entries(roads)) {
      const p = project([...base, ...road], rules)
      expect(p.status).toBe('in_progress')
      for (const [name, e] of Object.entries({ advance, decide, pause, resume })) {
        let got: string
        try {
          const n = applyEvent(p, e, rules)
          const b = n.branches.find((x) => x.department === 'scjg')!
          expect(n.events.at(-1)).toMatchObject({ branchFrom: p.branches.find((x) => x.department === 'scjg')!.status, branchTo: b.status })
          got = b.status
        } catch (err) {
          got = (err as TransitionError).code
        }
        expect(got, `${state} · ${name}`).toBe(EXPECTED_BRANCH[state]![name as 'advance'])
      }
      // The other department's branch is never touched by scjg's steps.
      expect(p.branches.find((b) => b.department === 'gaj')!.status).toBe('undertaking')
    }
  })

  it('keeps a reviewer to their own department', () => {
    const p = caseIn('accepted')
    expect(() => applyEvent(p, ev({ type: 'advance_branch', department: 'scjg' }, reviewer('gaj'), '2026-03-05'), rules)).toThrow(/本部门/)
  })

  it('refuses a supplement request without a reason for each item, and a refusal without a legal basis', () => {
    const p = caseIn('pre_review')
    expect(() => applyEvent(p, ev({ type: 'request_supplement', items: [{ path: 'a', reason: ' ' }] }, clerk, '2026-03-03'), rules)).toThrow(TransitionError)
    expect(() => applyEvent(p, ev({ type: 'refuse', reason: '不符合条件', basis: '' }, clerk, '2026-03-03'), rules)).toThrow(/法律依据/)
  })
})

describe('what the law makes a step say', () => {
  const approving = () => project([...caseIn('in_progress').events, ...[1, 2].map(() => ev({ type: 'advance_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-05'))], rules)

  it('refuses a denial without its reasons and the law it rests on (Art. 38), and keeps both on the branch', () => {
    const deny = (extra: Partial<CaseEventBody>) => () => applyEvent(approving(), ev({ type: 'decide_branch', department: 'scjg', outcome: 'denied', ...extra } as CaseEventBody, reviewer('scjg'), '2026-03-06'), rules)
    expect(deny({})).toThrow('不予批准须写明理由和法律依据')
    expect(deny({ opinion: '经营场所不符合要求' })).toThrow('不予批准须写明理由和法律依据')
    expect(deny({ opinion: ' ', basis: '《食品安全法》第三十五条' })).toThrow('不予批准须写明理由和法律依据')
    const p = deny({ opinion: ' 经营场所不符合要求 ', basis: '《食品安全法》第三十五条' })()
    expect(p.branches[0]).toMatchObject({ outcome: 'denied', denial: { reason: '经营场所不符合要求', basis: '《食品安全法》第三十五条' } })
    expect(timeline(p.events).at(-1)).toMatchObject({ text: '不予批准', detail: '经营场所不符合要求（《食品安全法》第三十五条）' })
    // Approval needs no reasons.
    expect(applyEvent(approving(), ev({ type: 'decide_branch', department: 'scjg', outcome: 'approved' }, reviewer('scjg'), '2026-03-06'), rules).status).toBe('decided')
  })

  it('refuses a pause without an expected end (Art. 45: the applicant is told how long it takes)', () => {
    expect(() => applyEvent(caseIn('in_progress'), ev({ type: 'pause_branch', department: 'scjg', procedure: '检验检测', reason: '送检' } as unknown as CaseEventBody, reviewer('scjg'), '2026-03-05'), rules))
      .toThrow('请填写特别程序的预计结束日期')
  })

  it('lets a second 补正 name only what was named before or what the applicant changed (Art. 32: told all at once)', () => {
    const second = (changed: string[] | undefined, items: { path: string; reason: string }[]) => applyEvent(project([
      ...caseIn('supplement_required').events,
      ev({ type: 'resubmit', ...(changed ? { changed } : {}) }, citizen, '2026-03-04'),
      ev({ type: 'start_pre_review' }, clerk, '2026-03-04'),
    ], rules), ev({ type: 'request_supplement', items }, clerk, '2026-03-05'), rules)
    expect(supplementScope(caseIn('pre_review'))).toBeNull()
    expect(supplementScope(caseIn('supplement_required'))).toEqual(['layoutFile'])
    // Still unclear: asking again about the same drawing is allowed.
    expect(second(undefined, [{ path: 'layoutFile', reason: '图纸仍不清晰' }]).status).toBe('supplement_required')
    // Something never mentioned, in a form the applicant did not touch there: it should have been told the first time.
    expect(() => second(['layoutFile'], [{ path: 'licenceCopy', reason: '缺少营业执照' }])).toThrow(/一次性告知/)
    // The applicant changed the address: a question about the new address is new.
    expect(second(['layoutFile', 'address'], [{ path: 'address.detail', reason: '新地址不完整' }]).supplement).toEqual([{ path: 'address.detail', reason: '新地址不完整' }])
  })

  it('stamps each closed step with its deadline, and the timeline says whether it was met', () => {
    // Submitted 3-2 (Mon): pre-review due 3-4; accepted 3-4 (met). Decision promised 5 working days: 3-11; decided 3-6 (met).
    const p = caseIn('decided')
    const entries = timeline(p.events)
    expect(entries.find((e) => e.text.startsWith('受理'))?.due).toEqual({ day: '2026-03-04', met: true, step: 'pre_review' })
    expect(entries.find((e) => e.text === '同意')?.due).toEqual({ day: '2026-03-11', met: true, step: 'decision' })
    expect(entries.find((e) => e.text === '开始预审')?.due).toBeUndefined()
    // Certificate due 10 working days after the decision (3-6 → 3-20); issued 3-23: late.
    const late = applyEvent(p, ev({ type: 'complete' }, clerk, '2026-03-23'), rules)
    expect(timeline(late.events).at(-1)?.due).toEqual({ day: '2026-03-20', met: false, step: 'certificate' })
  })
})

describe('events from outside (a request body, a webhook) with fields missing or wrong', () => {
  const refused = (p: CaseProjection, body: object, actor: Actor) => {
    try {
      applyEvent(p, ev(body as CaseEventBody, actor, '2026-03-06'), rules)
    } catch (e) {
      return e instanceof TransitionError ? [e.code, e.message] : ['crash', String(e)]
    }
    return ['applied', '']
  }

  it('are refused with a message in words, never a crash or a guess', () => {
    const review = caseIn('pre_review')
    expect(refused(review, { type: 'request_supplement' }, clerk)).toEqual(['invalid_event', '请逐项写明需要补正的内容和原因'])
    expect(refused(review, { type: 'request_supplement', items: [{ reason: '缺少' }] }, clerk)[0]).toBe('invalid_event')
    expect(refused(review, { type: 'request_supplement', items: [null] }, clerk)[0]).toBe('invalid_event')
    expect(refused(review, { type: 'refuse', basis: '第三十二条' }, clerk)).toEqual(['invalid_event', '不予受理须写明理由和法律依据'])
    const approving = project([...caseIn('in_progress').events, ...[1, 2].map(() => ev({ type: 'advance_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-05'))], rules)
    expect(refused(approving, { type: 'decide_branch', department: 'scjg' }, reviewer('scjg'))).toEqual(['invalid_event', '请选择同意或不同意'])
    expect(refused(approving, { type: 'decide_branch', department: 'scjg', outcome: 'maybe' }, reviewer('scjg'))[0]).toBe('invalid_event')
    const running = caseIn('in_progress')
    expect(refused(running, { type: 'pause_branch', department: 'scjg', reason: '核查' }, reviewer('scjg'))[0]).toBe('invalid_event')
    expect(refused(running, { type: 'pause_branch', department: 'scjg', procedure: '现场核查', reason: '核查', expectedEnd: '2026-13-45x' }, reviewer('scjg'))).toEqual(['invalid_event', '预计结束日期应是今天或以后的日期'])
    expect(refused(running, { type: 'pause_branch', department: 'scjg', procedure: '现场核查', reason: '核查', expectedEnd: '2026-03-01' }, reviewer('scjg'))[0]).toBe('invalid_event')
    expect(refused(running, { type: 'pause_branch', department: 'scjg', procedure: '现场核查', reason: '核查', expectedEnd: '2026-03-10' }, reviewer('scjg'))[0]).toBe('applied')
    expect(refused(running, { type: 'pause_branch', department: 'scjg', procedure: '现场核查', reason: '核查', expectedEnd: '2026-02-30' }, reviewer('scjg'))).toEqual(['invalid_event', '预计结束日期应是今天或以后的日期'])
    expect(refused(running, { type: 'extend', days: 5 }, leader)).toEqual(['invalid_event', '延长期限须写明理由'])
  })
})

describe('withdrawable (what both shells ask before offering 撤回)', () => {
  it('is exactly the statuses from which the machine lets the applicant withdraw', () => {
    expect(STATUSES.filter(withdrawable)).toEqual(['submitted', 'pre_review', 'supplement_required'])
    for (const s of STATUSES) expect(withdrawable(s), s).toBe(allowedEvents(caseIn(s), citizen).includes('withdraw'))
  })
})

describe('why a clock stands still (clockStop)', () => {
  it('says 补正 while the window waits for the citizen, nothing while a clock runs or the case is over', () => {
    const stops = Object.fromEntries(STATUSES.map((s) => [s, clockStop(caseIn(s))]))
    expect(stops).toEqual({
      draft: null, submitted: null, pre_review: null, supplement_required: 'supplement', not_accepted: null,
      accepted: null, in_progress: null, decided: null, completed: null, withdrawn: null,
    })
    expect(CLOCK_STOP_TEXT.supplement).toMatch(/^计时暂停/)
  })

  it('lets a department stop the clock straight after acceptance, before 承办, and go on from where it was', () => {
    let p = applyEvent(caseIn('accepted'), ev({ type: 'pause_branch', department: 'scjg', procedure: '现场核查', reason: '核查经营场所', expectedEnd: '2026-03-09' }, reviewer('scjg'), '2026-03-05'), rules)
    expect([p.status, clockStop(p), p.branches[0]!.status]).toEqual(['accepted', 'special_procedure', 'paused'])
    p = applyEvent(p, ev({ type: 'resume_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-09'), rules)
    // Accepted 3-4; paused 3-6 and 3-9 (2 working days): 5 + 2 working days from 3-4 is 3-13.
    expect([p.status, p.branches[0]!.status, p.deadline]).toEqual(['accepted', 'pending', '2026-03-13'])
  })

  it('says special procedure when every open department is paused, not while one still runs', () => {
    const road = caseIn('pre_review').events
    const joint = (departments: string[]) => [
      ...road, ev({ type: 'accept', departments }, clerk, '2026-03-04'),
      ...departments.map((department) => ev({ type: 'advance_branch', department }, reviewer(department), '2026-03-05')),
    ]
    const pause = (department: string) => ev({ type: 'pause_branch', department, procedure: '现场核查', reason: '核查场所', expectedEnd: '2026-03-12' }, reviewer(department), '2026-03-05')
    const onePaused = project([...joint(['scjg']), pause('scjg')], rules)
    expect([onePaused.deadline, clockStop(onePaused)]).toEqual([null, 'special_procedure'])
    const otherRuns = project([...joint(['scjg', 'gaj']), pause('scjg')], rules)
    expect(otherRuns.deadline).not.toBeNull()
    expect(clockStop(otherRuns)).toBeNull()
    const resumed = project([...joint(['scjg']), pause('scjg'), ev({ type: 'resume_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-06')], rules)
    expect(clockStop(resumed)).toBeNull()
  })
})

describe('clocks through a whole case', () => {
  it('runs the pre-review, stops for the supplement, runs the decision per branch with pauses, then the certificate', () => {
    const joint: ItemClockRules = { promisedDays: 5, statutoryDays: null }
    let p = project([ev({ type: 'submit' }, citizen, '2026-02-12')], joint)
    expect(p.deadline).toBe('2026-02-14') // Friday, then the make-up Saturday before Spring Festival
    p = applyEvent(p, ev({ type: 'start_pre_review' }, clerk, '2026-02-13'), joint)
    p = applyEvent(p, ev({ type: 'request_supplement', items: [{ path: 'layoutFile', reason: '布局图看不清' }] }, clerk, '2026-02-13'), joint)
    expect(p).toMatchObject({ status: 'supplement_required', deadline: null, supplement: [{ path: 'layoutFile' }] })
    p = applyEvent(p, ev({ type: 'resubmit' }, citizen, '2026-02-24'), joint)
    expect(p.deadline).toBe('2026-02-26')
    p = applyEvent(p, ev({ type: 'start_pre_review' }, clerk, '2026-02-25'), joint)
    p = applyEvent(p, ev({ type: 'accept', departments: ['scjg', 'wjw'] }, clerk, '2026-02-25'), joint)
    // 5 working days from 2-25: 26, 27, 28 (make-up Saturday), 3-2, 3-3.
    expect(p.branches.map((b) => b.deadline)).toEqual(['2026-03-03', '2026-03-03'])
    p = applyEvent(p, ev({ type: 'advance_branch', department: 'scjg' }, reviewer('scjg'), '2026-02-26'), joint)
    p = applyEvent(p, ev({ type: 'pause_branch', department: 'scjg', procedure: '现场核查', reason: '核查经营场所', expectedEnd: '2026-03-06' }, reviewer('scjg'), '2026-02-27'), joint)
    expect(p.branches[0]).toMatchObject({ status: 'paused', deadline: null })
    p = applyEvent(p, ev({ type: 'resume_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-04'), joint)
    // Paused 2-28, 3-2, 3-3, 3-4 (4 working days): the branch's deadline moves 4 working days on.
    expect(p.branches[0]).toMatchObject({ status: 'undertaking', pausedDays: 4, deadline: addWorkingDays('2026-02-25', 9) })
    expect(p.branches[0]!.deadline).toBe('2026-03-09')
    expect(p.deadline).toBe('2026-03-09') // the case's: its latest branch
    p = applyEvent(p, ev({ type: 'extend', days: 10, reason: '需要专家论证' }, leader, '2026-03-05'), joint)
    expect(p.branches[1]!.deadline).toBe(addWorkingDays('2026-02-25', 15))
    expect(() => applyEvent(p, ev({ type: 'extend', days: 6, reason: '再延' }, leader, '2026-03-05'), joint)).toThrow(/最多15/)
    for (const d of ['scjg', 'wjw']) {
      while (p.branches.find((b) => b.department === d)!.status !== 'approving') p = applyEvent(p, ev({ type: 'advance_branch', department: d }, reviewer(d), '2026-03-06'), joint)
    }
    p = applyEvent(p, ev({ type: 'decide_branch', department: 'scjg', outcome: 'approved' }, reviewer('scjg'), '2026-03-09'), joint)
    expect(p.status).toBe('in_progress')
    p = applyEvent(p, ev({ type: 'decide_branch', department: 'wjw', outcome: 'denied', opinion: '不符合卫生条件', basis: '《食品安全法》第三十五条' }, reviewer('wjw'), '2026-03-10'), joint)
    expect(p).toMatchObject({ status: 'decided', outcome: 'denied', deadline: addWorkingDays('2026-03-10', 10) })
    p = applyEvent(p, ev({ type: 'complete' }, clerk, '2026-03-11'), joint)
    expect(p).toMatchObject({ status: 'completed', deadline: null })
    expect(p.events).toHaveLength(18) // the timeline is every event, in order
  })

  it('never shortens a deadline by pausing and resuming, whatever the days', () => {
    const day = fc.integer({ min: 0, max: 600 }).map((i) => addWorkingDays('2025-01-02', i))
    fc.assert(fc.property(day, fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), { maxLength: 4 }), fc.integer({ min: 0, max: 20 }), (start, pauses, promised) => {
      const r: ItemClockRules = { promisedDays: promised, statutoryDays: 20 }
      let p = project([
        ev({ type: 'submit' }, citizen, start), ev({ type: 'start_pre_review' }, clerk, start), ev({ type: 'accept', departments: ['scjg'] }, clerk, start),
        ev({ type: 'advance_branch', department: 'scjg' }, reviewer('scjg'), start),
      ], r)
      let before = p.branches[0]!.deadline!
      let today = start
      for (const [gap, length] of pauses) {
        today = addWorkingDays(today, gap)
        const end = addWorkingDays(today, length)
        p = applyEvent(p, ev({ type: 'pause_branch', department: 'scjg', procedure: '检验检测', reason: '送检', expectedEnd: end }, reviewer('scjg'), today), r)
        today = end
        p = applyEvent(p, ev({ type: 'resume_branch', department: 'scjg' }, reviewer('scjg'), today), r)
        const after = p.branches[0]!.deadline!
        expect(after >= before).toBe(true)
        before = after
      }
    }), { numRuns: 200 })
  })
})

describe('the case clock with parallel departments', () => {
  it('never moves the case deadline earlier when one branch pauses and resumes while another runs', () => {
    const day = fc.integer({ min: 0, max: 600 }).map((i) => addWorkingDays('2025-01-02', i))
    const step = fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }))
    fc.assert(fc.property(day, fc.array(step, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 20 }), (start, pauses, promised) => {
      const r: ItemClockRules = { promisedDays: promised, statutoryDays: null }
      let p = project([
        ev({ type: 'submit' }, citizen, start), ev({ type: 'start_pre_review' }, clerk, start), ev({ type: 'accept', departments: ['scjg', 'gaj'] }, clerk, start),
        ev({ type: 'advance_branch', department: 'gaj' }, reviewer('gaj'), start),
      ], r)
      let before = p.deadline!
      let today = start
      const check = () => {
        expect(p.deadline, `${p.events.at(-1)!.type} on ${today}`).not.toBeNull()
        expect(p.deadline! >= before, `${p.events.at(-1)!.type} on ${today}: ${p.deadline} < ${before}`).toBe(true)
        // Never earlier than a running branch, nor than the law allows less.
        for (const b of p.branches) if (b.deadline) expect(p.deadline! >= b.deadline).toBe(true)
        expect(p.legalDeadline! >= p.deadline!).toBe(true)
        before = p.deadline!
      }
      for (const [gap, length] of pauses) {
        today = addWorkingDays(today, gap)
        const end = addWorkingDays(today, length)
        p = applyEvent(p, ev({ type: 'pause_branch', department: 'scjg', procedure: '专家评审', reason: '组织专家评审', expectedEnd: end }, reviewer('scjg'), today), r)
        check()
        today = end
        p = applyEvent(p, ev({ type: 'resume_branch', department: 'scjg' }, reviewer('scjg'), today), r)
        check()
      }
    }), { numRuns: 200 })
  })

  it('shows the law’s limit beside the promise: 5 working days to tell what to supplement, 45 for joint handling', () => {
    let p = project([ev({ type: 'submit' }, citizen, '2026-09-29')], rules)
    // National Day: 10-1 … 10-7 off, Sunday 9-20 and Saturday 10-10 make-up working days.
    expect([p.deadline, p.legalDeadline]).toEqual([addWorkingDays('2026-09-29', 2), addWorkingDays('2026-09-29', 5)])
    p = applyEvent(p, ev({ type: 'start_pre_review' }, clerk, '2026-09-30'), rules)
    p = applyEvent(p, ev({ type: 'accept', departments: ['scjg', 'gaj'] }, clerk, '2026-09-30'), { promisedDays: 5, statutoryDays: null })
    const joint: ItemClockRules = { promisedDays: 5, statutoryDays: null }
    expect([p.deadline, p.legalDeadline]).toEqual([addWorkingDays('2026-09-30', 5), addWorkingDays('2026-09-30', 45)])
    p = applyEvent(p, ev({ type: 'advance_branch', department: 'gaj' }, reviewer('gaj'), '2026-10-09'), joint)
    p = applyEvent(p, ev({ type: 'extend', days: 15, reason: '联合审查' }, leader, '2026-10-09'), joint)
    expect(p.legalDeadline).toBe(addWorkingDays('2026-09-30', 60))
  })

  it('puts the earliest running step on a list row (urgentDeadline): a department behind its day, not the case’s later one', () => {
    const r: ItemClockRules = { promisedDays: 5, statutoryDays: null }
    let p = project([
      ev({ type: 'submit' }, citizen, '2026-03-02'), ev({ type: 'start_pre_review' }, clerk, '2026-03-02'), ev({ type: 'accept', departments: ['scjg', 'gaj'] }, clerk, '2026-03-02'),
      ev({ type: 'advance_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-02'),
      ev({ type: 'pause_branch', department: 'scjg', procedure: '检验检测', reason: '送检', expectedEnd: '2026-03-10' }, reviewer('scjg'), '2026-03-03'),
      ev({ type: 'resume_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-06'),
    ], r)
    expect([p.deadline, p.branches.map((b) => b.deadline)]).toEqual(['2026-03-12', ['2026-03-12', '2026-03-09']])
    expect(urgentDeadline(p)).toBe('2026-03-09')
    // 公安局 decides: only 市场监管局's day is left.
    for (let i = 0; i < 3; i++) p = applyEvent(p, ev({ type: 'advance_branch', department: 'gaj' }, reviewer('gaj'), '2026-03-06'), r)
    p = applyEvent(p, ev({ type: 'decide_branch', department: 'gaj', outcome: 'approved' }, reviewer('gaj'), '2026-03-06'), r)
    expect(urgentDeadline(p)).toBe('2026-03-12')
    expect(urgentDeadline(caseIn('supplement_required'))).toBeNull()
    expect(urgentDeadline(caseIn('submitted'))).toBe(caseIn('submitted').deadline)
  })

  it('gives joint handling 45 days even where the item’s own law says 20, and keeps a longer one', () => {
    const accepted = (r: ItemClockRules, departments: string[]) => project([
      ev({ type: 'submit' }, citizen, '2026-09-29'), ev({ type: 'start_pre_review' }, clerk, '2026-09-30'), ev({ type: 'accept', departments }, clerk, '2026-09-30'),
    ], r)
    // Counted by hand: 9-30 is day 0, 10-1 … 10-7 off; 10-8, 10-9, 10-10 (make-up Saturday) are days 1–3, so 20 is 11-3 and 45 is 12-8.
    expect(accepted({ promisedDays: 50, statutoryDays: 20 }, ['scjg']).legalDeadline).toBe('2026-11-03')
    expect(accepted({ promisedDays: 50, statutoryDays: 20 }, ['scjg', 'gaj']).legalDeadline).toBe('2026-12-08')
    expect(accepted({ promisedDays: 50, statutoryDays: 20 }, ['scjg', 'gaj']).deadline).toBe('2026-12-08') // the promise is capped by the law
    expect(accepted({ promisedDays: 5, statutoryDays: 60 }, ['scjg', 'gaj']).legalDeadline).toBe(addWorkingDays('2026-09-30', 60))
  })

  it('refuses an extension once the statutory period has run out (Art. 42: approved within it)', () => {
    const r: ItemClockRules = { promisedDays: 5, statutoryDays: 20 }
    const p = project([
      ev({ type: 'submit' }, citizen, '2026-03-02'), ev({ type: 'start_pre_review' }, clerk, '2026-03-02'), ev({ type: 'accept', departments: ['scjg'] }, clerk, '2026-03-02'),
      ev({ type: 'advance_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-03'),
    ], r)
    expect(p.legalDeadline).toBe('2026-03-30')
    expect(applyEvent(p, ev({ type: 'extend', days: 10, reason: '情况复杂' }, leader, '2026-03-30'), r).legalDeadline).toBe('2026-04-14')
    expect(() => applyEvent(p, ev({ type: 'extend', days: 10, reason: '情况复杂' }, leader, '2026-03-31'), r)).toThrow('法定期限已于3月30日届满，不能再延长')
  })

  it('refuses a supplement request once the 5 working days to tell it have passed (Art. 32: the case counts as accepted)', () => {
    const submitted = project([ev({ type: 'submit' }, citizen, '2026-03-02'), ev({ type: 'start_pre_review' }, clerk, '2026-03-03')], rules)
    const ask = (day: string) => applyEvent(submitted, ev({ type: 'request_supplement', items: [{ path: 'savings', reason: '请补充银行流水' }] }, clerk, day), rules)
    expect(ask(addWorkingDays('2026-03-02', 5)).status).toBe('supplement_required')
    expect(() => ask(addWorkingDays('2026-03-02', 6))).toThrow(/已超过5个工作日的补正告知期限/)
    expect(allowedEvents(submitted, clerk, addWorkingDays('2026-03-02', 5))).toContain('request_supplement')
    expect(allowedEvents(submitted, clerk, addWorkingDays('2026-03-02', 6))).toEqual(['refuse', 'accept'])
    // Accepting late is still possible, and the law says the case was accepted on receipt: the decision clock
    // runs from 3-2, not from the day the window got round to it (3-10). 5 promised working days from 3-2: 3-9.
    const late = applyEvent(submitted, ev({ type: 'accept', departments: ['scjg'] }, clerk, addWorkingDays('2026-03-02', 6)), rules)
    expect([late.status, late.clockStart, late.branches[0]!.deadline]).toEqual(['accepted', '2026-03-02', '2026-03-09'])
    const inTime = applyEvent(submitted, ev({ type: 'accept', departments: ['scjg'] }, clerk, '2026-03-04'), rules)
    expect([inTime.clockStart, inTime.branches[0]!.deadline]).toEqual(['2026-03-04', '2026-03-11'])
  })
})

describe('completing with a certificate', () => {
  const done = (certificate: { number: string; validUntil?: string | null }, base = caseIn('decided')) =>
    applyEvent(base, ev({ type: 'complete', certificate }, clerk, '2026-03-09'), rules)

  it('is allowed for an approved case, with a number and a validity after the day of issue', () => {
    expect(done({ number: 'JY13501000000001', validUntil: '2031-03-08' }).status).toBe('completed')
    expect(done({ number: 'JY13501000000001', validUntil: null }).status).toBe('completed')
    expect(() => done({ number: '  ' })).toThrow('请填写证照编号')
    expect(() => done({ number: 'JY1', validUntil: '2026-03-09' })).toThrow('有效期须晚于发证日期')
    expect(() => done({ number: 'JY1', validUntil: '2031-02-30' })).toThrow('有效期不是一个真实的日期')
  })

  it('is refused for a denied case', () => {
    const p = caseIn('in_progress')
    const denied = [
      ev({ type: 'advance_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-05'),
      ev({ type: 'advance_branch', department: 'scjg' }, reviewer('scjg'), '2026-03-06'),
      ev({ type: 'decide_branch', department: 'scjg', outcome: 'denied', opinion: '经营场所不符合要求', basis: '《食品安全法》第三十五条' }, reviewer('scjg'), '2026-03-06'),
    ].reduce((acc, e) => applyEvent(acc, e, rules), p)
    expect(() => done({ number: 'JY1' }, denied)).toThrow(TransitionError)
    expect(applyEvent(denied, ev({ type: 'complete' }, clerk, '2026-03-09'), rules).status).toBe('completed')
  })
})

describe('承办人 / 审核人 / 批准人: separation of duties (DutyRules)', () => {
  const separate: DutyRules = { separateDuties: () => true }
  const alone: DutyRules = { separateDuties: (d) => d !== 'scjg' }
  const undertaker: Actor = { role: 'reviewer', id: 'li', department: 'scjg' }
  const checker: Actor = { role: 'reviewer', id: 'zhao', department: 'scjg' }
  const boss: Actor = { role: 'approver', id: 'sun', department: 'scjg' }
  /** Both roles: a section chief who undertakes some cases and approves others. */
  const chief = (id: string): Actor => ({ role: 'approver', id, department: 'scjg' })
  const advance = (actor: Actor, day = '2026-03-05') => ev({ type: 'advance_branch', department: 'scjg', opinion: '材料齐全，拟同意' }, actor, day)
  const decide = (actor: Actor) => ev({ type: 'decide_branch', department: 'scjg', outcome: 'approved', opinion: '同意' }, actor, '2026-03-06')
  const accepted = () => caseIn('accepted')
  const apply = (p: CaseProjection, e: CaseEvent, duties: DutyRules | undefined = separate) => applyEvent(p, e, rules, undefined, duties)
  const refusal = (p: CaseProjection, e: CaseEvent, duties: DutyRules = separate): [string, string] | null => {
    try { apply(p, e, duties); return null } catch (err) { return [(err as TransitionError).code, (err as TransitionError).message] }
  }
  /** 承办 (taken and handed on) by `by`, then 审核 handed on by `review`. */
  const reviewed = (by: Actor, review: Actor) => [advance(by), advance(by), advance(review, '2026-03-06')].reduce((p, e) => apply(p, e), accepted())

  it('records who signed each step: 承办 (taking and handing on), 审核, 审批', () => {
    const p = apply(reviewed(undertaker, checker), decide(boss))
    expect(branchSigners(p, 'scjg')).toEqual({ undertake: ['li', 'li'], review: ['zhao'], approve: ['sun'] })
  })

  it('lets three people sign the three steps, the approver deciding', () => {
    const p = apply(reviewed(undertaker, checker), decide(boss))
    expect(p.status).toBe('decided')
  })

  it('refuses 审核 by the 承办人, in words, and offers it only to someone else', () => {
    const undertaken = [advance(undertaker), advance(undertaker)].reduce((p, e) => apply(p, e), accepted())
    expect(refusal(undertaken, advance(undertaker, '2026-03-06'))).toEqual(['separation_of_duties', DUTY_TEXT.undertaker_reviews])
    expect(allowedEvents(undertaken, undertaker, undefined, separate)).not.toContain('advance_branch')
    expect(allowedEvents(undertaken, checker, undefined, separate)).toContain('advance_branch')
    // Whoever took the case counts as its 承办人, even if another handed the 承办意见 on.
    const handedOn = [advance(undertaker), advance(checker)].reduce((p, e) => apply(p, e), accepted())
    expect(refusal(handedOn, advance(undertaker, '2026-03-06'))?.[0]).toBe('separation_of_duties')
  })

  it('refuses 审批 by the person who did 审核 (or 承办), even holding an approver role', () => {
    // 周 holds both roles (a section chief): 审核 as a reviewer, then trying 审批 as an approver — the same person.
    const zhouReviews: Actor = { role: 'reviewer', id: 'zhou', department: 'scjg' }
    const byChief = reviewed(undertaker, zhouReviews)
    expect(refusal(byChief, decide(chief('zhou')))).toEqual(['separation_of_duties', DUTY_TEXT.signer_approves])
    expect(allowedEvents(byChief, chief('zhou'), undefined, separate)).not.toContain('decide_branch')
    const zhouUndertook = reviewed(zhouReviews, checker)
    expect(refusal(zhouUndertook, decide(chief('zhou')))?.[0]).toBe('separation_of_duties')
    expect(apply(zhouUndertook, decide(boss)).status).toBe('decided')
  })

  it('refuses 审批 by anyone without an approver role, and offers it only to approvers', () => {
    const p = reviewed(undertaker, checker)
    const third: Actor = { role: 'reviewer', id: 'wu', department: 'scjg' }
    expect(refusal(p, decide(third))).toEqual(['wrong_role', DUTY_TEXT.approver_only])
    expect(allowedEvents(p, third, undefined, separate)).not.toContain('decide_branch')
    expect(allowedEvents(p, boss, undefined, separate)).toContain('decide_branch')
    // The workbench still offers the department's other work to an approver.
    expect(allowedEvents(p, boss, undefined, separate)).toEqual(expect.arrayContaining(['decide_branch', 'pause_branch']))
  })

  it('lets one person sign every step where the department switched the rule off', () => {
    const p = [advance(undertaker), advance(undertaker), advance(undertaker, '2026-03-06')].reduce((q, e) => apply(q, e, alone), accepted())
    expect(allowedEvents(p, undertaker, undefined, alone)).toContain('decide_branch')
    expect(apply(p, decide(undertaker), alone).status).toBe('decided')
    // …and only that department: another still separates.
    expect(alone.separateDuties('gaj')).toBe(true)
  })

  it('replays recorded history without the rule: a department that switches it on keeps its past cases readable', () => {
    const history = [...accepted().events, advance(undertaker), advance(undertaker), advance(undertaker, '2026-03-06'), decide(undertaker)]
    expect(project(history, rules).status).toBe('decided')
  })
})
