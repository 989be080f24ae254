import { describe, expect, it } from 'vitest'
import type { Actor, CaseEvent, CaseEventBody } from '../cases/types'
import { MESSAGE_KINDS, type MessageKind } from './kinds'
import {
  caseMessageOf, EVENT_MESSAGES, KINDS_NOT_FROM_CASE_EVENTS, KINDS_SENT, smsNightNote, MESSAGE_WORDS, messageKindOf, SMS_PARAM_MAX, smsParamsOf, type MessageFacts,
} from './rules'

const citizen: Actor = { role: 'citizen', id: 'a1' }
const clerk: Actor = { role: 'clerk', id: 's1' }
const approver: Actor = { role: 'approver', id: 's2', department: 'scjg' }
const at = '2026-12-07T10:00:00+08:00'
const ev = (body: CaseEventBody, actor: Actor = clerk, extra: Partial<CaseEvent> = {}): CaseEvent => ({ ...body, at, day: '2026-12-07', actor, ...extra }) as CaseEvent

const facts: MessageFacts = {
  caseNo: 'SJ-0001-20261207-0001', itemName: '食品经营许可（仅销售预包装食品）', delivery: 'electronic', eLicence: true, resultName: '食品经营许可证',
  departmentName: (code) => ({ scjg: '市场监管局', wjw: '卫健委' })[code] ?? code,
}

/** One example of each event type, in an order the machine allows, with what it should make. */
const EXAMPLES: { events: CaseEvent[]; kind: MessageKind | null }[] = [
  { events: [ev({ type: 'submit' }, citizen)], kind: null },
  { events: [ev({ type: 'start_pre_review' })], kind: null },
  { events: [ev({ type: 'request_supplement', items: [{ path: 'a', reason: '营业执照不清晰' }, { path: 'b', reason: '缺少平面图' }] })], kind: 'supplement_requested' },
  { events: [ev({ type: 'resubmit' }, citizen)], kind: null },
  { events: [ev({ type: 'refuse', reason: '不属于本机关职权范围', basis: '《行政许可法》第三十二条' })], kind: 'not_accepted' },
  { events: [ev({ type: 'accept', departments: ['scjg'] })], kind: 'accepted' },
  { events: [ev({ type: 'advance_branch', department: 'scjg' })], kind: null },
  { events: [ev({ type: 'pause_branch', department: 'scjg', procedure: '现场核查', reason: '核查经营场所', expectedEnd: '2026-12-18' })], kind: 'paused' },
  { events: [ev({ type: 'resume_branch', department: 'scjg' })], kind: 'resumed' },
  { events: [ev({ type: 'extend', days: 10, reason: '情况复杂' }, { role: 'leader', id: 'l1' })], kind: 'extended' },
  { events: [ev({ type: 'decide_branch', department: 'scjg', outcome: 'approved' }, approver, { to: 'decided' })], kind: 'decided_approved' },
  { events: [ev({ type: 'complete' })], kind: 'certificate_ready' },
  { events: [ev({ type: 'withdraw' }, citizen)], kind: 'withdrawn' },
  { events: [ev({ type: 'decide_branch', department: 'scjg', outcome: 'denied', opinion: '场所不符合要求', basis: '某办法第十条' }, approver, { to: 'decided' })], kind: 'decided_denied' },
]

describe('which case events tell the applicant', () => {
  it('has a rule for every event type, and an example of each here', () => {
    const types = Object.keys(EVENT_MESSAGES).sort()
    expect([...new Set(EXAMPLES.map((x) => x.events.at(-1)!.type))].sort()).toEqual(types)
  })

  it.each(EXAMPLES.map((x) => [x.events.at(-1)!.type, x] as const))('%s', (_type, { events, kind }) => {
    expect(messageKindOf(events, events.length - 1)).toBe(kind)
  })

  it('says why, for every event that tells nobody', () => {
    for (const [type, rule] of Object.entries(EVENT_MESSAGES)) {
      if (typeof rule === 'object') expect(rule.none.length, type).toBeGreaterThan(5)
    }
  })

  it('tells the decision once, when the last department decides, as a denial if any department said no', () => {
    const denyWjw = ev({ type: 'decide_branch', department: 'wjw', outcome: 'denied', opinion: '不符合卫生条件', basis: '某条例第五条' }, { ...approver, department: 'wjw' }, { to: 'in_progress' })
    const approveScjg = ev({ type: 'decide_branch', department: 'scjg', outcome: 'approved' }, approver, { to: 'decided' })
    expect(messageKindOf([denyWjw], 0)).toBeNull()
    expect(messageKindOf([denyWjw, approveScjg], 1)).toBe('decided_denied')
    // A denied case is closed without a certificate: the denial was its message.
    expect(messageKindOf([denyWjw, approveScjg, ev({ type: 'complete' })], 2)).toBeNull()
  })

  it('accounts for every kind: made by an event rule, or named as coming from elsewhere', () => {
    const fromEvents = new Set(Object.keys(MESSAGE_WORDS))
    for (const kind of MESSAGE_KINDS) {
      expect(fromEvents.has(kind) !== (kind in KINDS_NOT_FROM_CASE_EVENTS), kind).toBe(true)
    }
    const made = new Set(EXAMPLES.map((x) => x.kind).filter(Boolean))
    for (const kind of fromEvents) expect(made.has(kind as MessageKind), `${kind} made by no example`).toBe(true)
  })

  it('lists in 消息设置 exactly the kinds some event makes today, in their order', () => {
    expect(KINDS_SENT).toEqual(MESSAGE_KINDS.filter((k) => k in MESSAGE_WORDS || k === 'queue_near' || k === 'queue_called'))
    expect(KINDS_SENT).not.toContain('delivery_event')
    expect(KINDS_SENT).not.toContain('pre_review_passed')
    expect(KINDS_SENT).toContain('accepted')
  })

  it('says the SMS night rule truly for the kinds listed: an exception only when an urgent kind is among them', () => {
    expect(smsNightNote(KINDS_SENT)).toBe('晚上 22 点到早上 8 点不发短信，到 8 点再发（快到号了、叫号除外）。')
    expect(smsNightNote(['accepted'])).toBe('晚上 22 点到早上 8 点不发短信，到 8 点再发。')
    expect(smsNightNote(['accepted', 'queue_called'])).toBe('晚上 22 点到早上 8 点不发短信，到 8 点再发（叫号除外）。')
  })
})

describe('the words', () => {
  const content = (events: CaseEvent[], f = facts) => caseMessageOf(events, events.length - 1, f)!

  it.each(EXAMPLES.filter((x) => x.kind).map((x) => [x.kind!, x.events] as const))('%s names the case and the next step, in 您', (kind, events) => {
    const c = content(events)
    expect(c.kind).toBe(kind)
    expect(c.body).toContain(facts.caseNo)
    expect(c.body).toContain('您')
    expect(c.title.length).toBeGreaterThan(3)
    expect(c.next.length).toBeGreaterThan(0)
    // WeChat's phrase keyword: at most 5 hanzi.
    expect([...c.status].length).toBeLessThanOrEqual(5)
    expect(c.at).toBe(at)
    expect(c.link.web).toContain('/cases/SJ-0001-20261207-0001')
    expect(c.link.mini).toContain('caseNo=SJ-0001-20261207-0001')
  })

  it('tells a supplement request its count and reasons, and opens the 补正 page', () => {
    const c = content(EXAMPLES[2]!.events)
    expect(c.body).toContain('需要补正2项')
    expect(c.body).toContain('营业执照不清晰；缺少平面图')
    expect(c.link).toEqual({ web: '/cases/SJ-0001-20261207-0001/supplement', mini: '/packages/apply/pages/supplement/index?caseNo=SJ-0001-20261207-0001' })
  })

  it('tells a pause its department, procedure and expected end', () => {
    const c = content(EXAMPLES[7]!.events)
    expect(c.body).toContain('市场监管局进行现场核查')
    expect(c.body).toContain('预计2026年12月18日结束')
  })

  it('tells how to get the result, following the delivery chosen', () => {
    const done = EXAMPLES[11]!.events
    expect(content(done).body).toContain('电子证照已发到“我的证照”')
    expect(content(done, { ...facts, eLicence: false }).body).toContain('在“我的办件”中告知')
    expect(content(done, { ...facts, delivery: 'pickup' }).body).toContain('到窗口领取“食品经营许可证”')
    expect(content(done, { ...facts, delivery: 'post' }).body).toContain('EMS邮寄')
  })

  it('tells who withdrew, when it was not the applicant', () => {
    expect(content([ev({ type: 'withdraw' }, citizen)]).body).not.toContain('工作人员')
    expect(content([ev({ type: 'withdraw' }, { role: 'agent', id: 'g1' })]).body).toContain('由工作人员办理')
  })

  it('gives SMS templates the case number, a cut item name and the next step', () => {
    const p = smsParamsOf(content(EXAMPLES[5]!.events, { ...facts, itemName: '一个名字非常非常非常长的行政许可事项名称（变更登记）' }))
    expect(p.no).toBe(facts.caseNo)
    expect([...p.item].length).toBe(SMS_PARAM_MAX)
    expect(p.item.endsWith('…')).toBe(true)
    expect(p.next).toBe('等待办理结果')
  })
})
