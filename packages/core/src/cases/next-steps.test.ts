import { describe, expect, it } from 'vitest'
import { idCardItem } from '../catalogue/test-fixtures'
import type { Item } from '../catalogue/types'
import { defaultDelivery, deliveryChoices, deliveryLabel, deliveryRefusal } from './delivery'
import { nextSteps } from './next-steps'

/** One item of each kind the catalogue has, by what decides its words: visits, e-licence, mail, handling. */
const kinds = {
  /** 行政许可, 零跑动, issues an e-licence (食品经营许可). */
  onlineLicence: (): Item => ({
    ...idCardItem(), code: 'SJ-T', name: '食品经营许可', kind: 'licence', visits: 0, onlineDepth: 'full_online',
    deliveryOptions: ['self', 'deliver_result'], result: { name: '食品经营许可证', eLicence: true }, materials: [], situations: [],
    department: { code: 'scjg', name: '示例市市场监督管理局' }, promisedDays: 5,
  }),
  /** 行政给付, one visit, no licence (低保): the decision is picked up at the window, the originals brought there. */
  hallBenefit: (): Item => ({
    ...idCardItem(), code: 'MZ-T', name: '最低生活保障申请', kind: 'benefit', visits: 1, deliveryOptions: ['self'],
    result: { name: '最低生活保障审核确认决定' }, department: { code: 'mzj', name: '示例市民政局' },
    materials: [
      { id: 'apply-form', name: '最低生活保障申请书', forms: ['original'], copies: 1, requirement: 'required', source: 'government' },
      { id: 'hukou-book', name: '居民户口簿', forms: ['original'], copies: 1, requirement: 'required', source: 'government' },
      { id: 'disability-card', name: '残疾人证', forms: ['copy'], copies: 1, requirement: 'conditional', condition: '有残疾人的', source: 'government' },
    ],
    situations: [{ id: 'health', question: '家庭成员中是否有残疾人？', multiple: true, options: [
      { value: 'none', label: '没有', exclusive: true },
      { value: 'disabled', label: '有残疾人', effects: [{ op: 'add', materialId: 'disability-card' }] },
    ] }],
    form: { id: 'f', version: 1, fields: [], fills: { 'apply-form': '' }, atHall: ['hukou-book', 'disability-card'] },
  }),
  /** 公共服务, 零跑动, no licence (公积金提取: money into a bank account). */
  onlineService: (): Item => ({
    ...idCardItem(), code: 'GJ-T', kind: 'public_service', visits: 0, onlineDepth: 'full_online', deliveryOptions: ['self'],
    result: { name: '住房公积金提取（资金转入本人银行账户）' }, materials: [], situations: [],
  }),
  /** 即办件 at the hall that mails the result too. */
  immediateAtHall: (): Item => ({ ...idCardItem(), handlingType: 'immediate', promisedDays: 0, materials: [], situations: [] }),
}

const submitted = { status: 'submitted' as const, answers: {} }

describe('delivery choices come from the item', () => {
  it('offers 电子证照 and not 到窗口领取 for a 零跑动 item with an e-licence, electronic by default', () => {
    const item = kinds.onlineLicence()
    expect(deliveryChoices(item).map((c) => [c.method, c.label, c.soon])).toEqual([
      ['electronic', '电子证照（发到“我的证照”）', false],
      ['post', '邮寄到家（EMS）', true],
    ])
    expect(defaultDelivery(item)).toBe('electronic')
    expect(deliveryRefusal(item, 'pickup')).toMatch(/不提供“到窗口领取”/)
    expect(deliveryRefusal(item, 'post')).toMatch(/暂未开通/)
    expect(deliveryRefusal(item, 'electronic')).toBeNull()
  })

  it('offers only 到窗口领取 for a benefit with no licence: never 电子证照', () => {
    const item = kinds.hallBenefit()
    expect(deliveryChoices(item).map((c) => c.method)).toEqual(['pickup'])
    expect(defaultDelivery(item)).toBe('pickup')
    expect(deliveryRefusal(item, 'electronic')).toBe('这个事项不提供“电子证照（发到“我的证照”）”，请选择：到窗口领取')
    expect(deliveryLabel(item, 'electronic')).not.toMatch(/证照/)
  })

  it('tells a 零跑动 item\'s result online when it issues no licence, in words without 证照', () => {
    const item = kinds.onlineService()
    expect(deliveryChoices(item).map((c) => [c.method, c.label])).toEqual([['electronic', '网上告知办理结果（在“我的办件”查看）']])
    expect(defaultDelivery(item)).toBe('electronic')
  })
})

describe('nextSteps: every sentence from the case and its item', () => {
  it('a 零跑动 licence: online, the e-licence to 我的证照, no window', () => {
    const steps = nextSteps(kinds.onlineLicence(), { ...submitted, delivery: 'electronic' })
    expect(steps).toEqual([
      '窗口工作人员将核对您的申请和材料，材料齐全的予以受理；需要补正的，会一次性告知需补正的全部内容。',
      '示例市市场监督管理局承诺自受理之日起5个工作日内办结。',
      '全程网上办理，无需到现场。',
      '办结后，电子证照会发到“我的证照”。',
      '办理进度可以在“我的办件”中随时查看。',
    ])
    expect(steps.join('')).not.toMatch(/窗口领取/)
  })

  it('a benefit at the hall: the one visit says what to bring for the answers given, the decision is picked up, no 证照', () => {
    const item = kinds.hallBenefit()
    const none = nextSteps(item, { ...submitted, delivery: 'pickup', answers: { health: ['none'] } })
    expect(none).toContain('最多到现场1次，到窗口时请带上：居民户口簿（原件）。')
    const disabled = nextSteps(item, { ...submitted, delivery: 'pickup', answers: { health: ['disabled'] } })
    expect(disabled).toContain('最多到现场1次，到窗口时请带上：居民户口簿（原件）、残疾人证（复印件）。')
    expect(disabled).toContain('办结后，请凭办件编号和身份证到窗口领取“最低生活保障审核确认决定”。')
    expect(disabled.join('')).not.toMatch(/证照/)
  })

  it('a 零跑动 service with no licence: the result is read online', () => {
    const steps = nextSteps(kinds.onlineService(), { ...submitted, delivery: 'electronic' })
    expect(steps).toContain('办结后，可在“我的办件”中查看办理结果。')
    expect(steps.join('')).not.toMatch(/证照|窗口领取/)
  })

  it('an 即办件 is done on the spot; a mailed result says EMS', () => {
    const steps = nextSteps(kinds.immediateAtHall(), { ...submitted, delivery: 'post' })
    expect(steps).toContain('示例市公安局受理后当场办结。')
    expect(steps).toContain('办结后，“中华人民共和国居民身份证”将通过EMS邮寄给您。')
  })

  it('promises no message the product does not send', () => {
    for (const make of Object.values(kinds)) {
      const item = make()
      for (const delivery of ['pickup', 'electronic', 'post'] as const) {
        expect(nextSteps(item, { ...submitted, delivery }).join('')).not.toMatch(/通知您|短信|提醒您/)
      }
    }
  })

  it('says nothing once the case is closed, and after a denial only where the reasons are and the remedy', () => {
    const item = kinds.onlineLicence()
    for (const status of ['completed', 'withdrawn', 'not_accepted'] as const) expect(nextSteps(item, { status, answers: {}, delivery: 'electronic', outcome: 'approved' })).toEqual([])
    const denied = nextSteps(item, { status: 'completed', answers: {}, delivery: 'electronic', outcome: 'denied' })
    expect(denied.join('')).toMatch(/不予批准的理由.*行政复议/)
    expect(denied.join('')).not.toMatch(/证照/)
  })

  it('an item gone from the catalogue: no promise of time or of a 证照', () => {
    const steps = nextSteps(null, { ...submitted, delivery: 'electronic' })
    expect(steps.join('')).not.toMatch(/证照|工作日/)
    expect(steps).toContain('办结后，可在“我的办件”中查看办理结果。')
  })
})
