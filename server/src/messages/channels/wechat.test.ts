/**
 * The WeChat channel against the local fake WeChat API (which checks values
 * by its own rules, keeps one-time acceptances and answers WeChat's errors)
 * and the acceptance ledger on PGlite.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseWechatTemplate, type MessageContent, type WechatTemplate } from '@tongban/core'
import { createWechatClient } from '../../connectors/wechat/index'
import { startFakeWechatServer, type FakeWechatServer } from '../../connectors/wechat/fake-server'
import type { Db } from '../../store/db'
import { wechatSubscriptionsRepo } from '../../store/wechat-subscriptions'
import { seededPglite } from '../../testing'
import type { ChannelMessage } from '../channel'
import { createWechatChannel, untilBeijingMidnight } from './wechat'

const SEND = '/cgi-bin/message/subscribe/send'

function template(line: string): WechatTemplate {
  const r = parseWechatTemplate(line)
  if (!r.ok) throw new Error(r.problems.join('; '))
  return r.template
}
const PROGRESS = template('tmplProgress;办件进度提醒;accepted,pre_review_passed;character_string1=caseNo,thing2=itemName,phrase3=status,time4=at,thing5=next')
const RESULT = template('tmplResult;办理结果通知;decided_approved,accepted;character_string1=caseNo,thing2=itemName,phrase3=status')

const content = (over: Partial<MessageContent> = {}): MessageContent => ({
  kind: 'accepted',
  caseNo: 'SJ-330100-20261124-0001',
  itemName: '城乡居民基本养老保险待遇申领（含丧葬补助金、抚恤金）',
  title: '您的申请已受理',
  body: '您的申请已受理，办件编号 SJ-330100-20261124-0001。',
  status: '已受理！',
  next: '部门将在20个工作日内办结，请留意消息',
  at: '2026-11-24T02:30:00Z',
  link: { web: '/cases/SJ-330100-20261124-0001', mini: '/pages/case/detail?caseNo=SJ-330100-20261124-0001' },
  ...over,
})

let db: Db
let fake: FakeWechatServer
let clock = Date.parse('2026-11-24T10:00:00+08:00')
let id = 0

beforeAll(async () => { db = await seededPglite() })
afterAll(async () => { await db?.close() })
beforeEach(async () => {
  fake = await startFakeWechatServer({
    now: () => clock,
    templates: [PROGRESS, RESULT].map((t) => ({ id: t.id, keywords: t.keywords.map((k) => k.key) })),
  })
})
afterEach(async () => { await fake.close() })

function channel(templates: WechatTemplate[] = [PROGRESS, RESULT]) {
  const client = createWechatClient({ baseUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret, now: () => clock })
  return createWechatChannel({ client, config: { templates, miniprogramState: 'developer' }, now: () => clock })
}

/** A WeChat user the fake knows, with `accepts` acceptances of each template in the fake and in our ledger. */
async function person(accepts: Partial<Record<string, number>> = {}): Promise<string> {
  const openid = `o-chan-${++id}`
  fake.issueLoginCode(openid)
  for (const [templateId, n] of Object.entries(accepts)) {
    fake.grantSubscription(openid, templateId, n!)
    for (let i = 0; i < n!; i++) await wechatSubscriptionsRepo(db).record(openid, { [templateId]: 'accept' }, new Date(clock))
  }
  return openid
}

const message = (openid: string | null, over: Partial<MessageContent> = {}): ChannelMessage => ({
  id: `m${++id}`, recipient: { accountId: '00000000-0000-0000-0000-000000000000', phone: null, openid }, content: content(over),
})
const left = async (openid: string, templateId: string) => (await wechatSubscriptionsRepo(db).remaining(openid, [templateId]))[templateId]

describe('the WeChat channel', () => {
  it('sends with an acceptance: values shaped to the limits, the case page, the configured state; the acceptance is spent', async () => {
    const openid = await person({ tmplProgress: 1 })
    const r = await channel().send(message(openid), db)
    expect(r).toEqual({ status: 'sent', providerId: expect.stringMatching(/^\d+$/) })
    expect(await left(openid, 'tmplProgress')).toBe(0)
    expect(fake.sentMessages()).toEqual([{
      touser: openid, template_id: 'tmplProgress', page: 'pages/case/detail?caseNo=SJ-330100-20261124-0001',
      data: {
        character_string1: { value: 'SJ-330100-20261124-0001' },
        thing2: { value: '城乡居民基本养老保险待遇申领（含丧葬补…' },
        phrase3: { value: '已受理' },
        time4: { value: '2026年11月24日 10:30' },
        thing5: { value: '部门将在20个工作日内办结，请留意消息' },
      },
      at: new Date(clock).toISOString(), miniprogram_state: 'developer', lang: 'zh_CN',
    }])
  })

  it('is unavailable without an openid, without a template for the kind, and once the acceptances are used up', async () => {
    const openid = await person({ tmplProgress: 1 })
    expect(await channel().send(message(null), db)).toMatchObject({ status: 'unavailable' })
    expect(await channel().send(message(openid, { kind: 'queue_called' }), db)).toEqual({ status: 'unavailable', reason: '没有可发“叫号”的订阅消息模板' })
    expect((await channel().send(message(openid), db)).status).toBe('sent')
    expect(await channel().send(message(openid), db)).toEqual({ status: 'unavailable', reason: '申请人没有可用的“已受理”订阅次数' })
    expect(fake.sentMessages()).toHaveLength(1)
  })

  it('uses the next template carrying the kind when the first has no acceptance left', async () => {
    const openid = await person({ tmplResult: 1 })
    expect((await channel().send(message(openid), db)).status).toBe('sent')
    expect(fake.sentMessages().map((m) => m.template_id)).toEqual(['tmplResult'])
  })

  it('token expiry mid-run: the next send refreshes the token once and is sent once', async () => {
    const openid = await person({ tmplProgress: 2 })
    const ch = channel()
    expect((await ch.send(message(openid), db)).status).toBe('sent')
    fake.expireTokens()
    expect((await ch.send(message(openid), db)).status).toBe('sent')
    expect(fake.tokenRequests()).toBe(2)
    expect(fake.sentMessages()).toHaveLength(2)
    expect(await left(openid, 'tmplProgress')).toBe(0)
  })

  it('43101 (our ledger says 1, WeChat holds none): permanent, so the next channel takes it; the ledger goes to 0', async () => {
    const openid = await person()
    await wechatSubscriptionsRepo(db).record(openid, { tmplProgress: 'accept' }, new Date(clock))
    const r = await channel().send(message(openid), db)
    expect(r).toMatchObject({ status: 'failed', permanent: true, code: '43101' })
    expect(await left(openid, 'tmplProgress')).toBe(0)
    expect(r.status === 'failed' && r.deadLetter).toBeFalsy()
  })

  it('40003 (an openid WeChat does not know for this app): permanent; the acceptance is given back', async () => {
    const openid = 'o-not-at-wechat'
    await wechatSubscriptionsRepo(db).record(openid, { tmplProgress: 'accept' }, new Date(clock))
    expect(await channel().send(message(openid), db)).toMatchObject({ status: 'failed', permanent: true, code: '40003' })
    expect(await left(openid, 'tmplProgress')).toBe(1)
  })

  it('45011 → retried after a minute, 45009 → after midnight in Beijing; the acceptance is kept for the retry', async () => {
    const openid = await person({ tmplProgress: 1 })
    fake.failNext(1, 45011, SEND)
    expect(await channel().send(message(openid), db)).toEqual({ status: 'failed', permanent: false, code: '45011', detail: expect.any(String), retryAfterMs: 60_000 })
    expect(await left(openid, 'tmplProgress')).toBe(1)
    fake.failNext(1, 45009, SEND)
    // 10:00 in Beijing: 14 hours to midnight.
    expect(await channel().send(message(openid), db)).toMatchObject({ status: 'failed', permanent: false, code: '45009', retryAfterMs: 14 * 3_600_000 })
    expect(await left(openid, 'tmplProgress')).toBe(1)
    expect((await channel().send(message(openid), db)).status).toBe('sent')
    expect(untilBeijingMidnight(Date.parse('2026-11-24T23:59:00+08:00'))).toBe(60_000)
  })

  it('47003 (the console\'s template has a keyword our configuration lacks): dead letter naming the keyword', async () => {
    fake.addTemplate({ id: 'tmplProgress', keywords: [...PROGRESS.keywords.map((k) => k.key), 'thing6'] })
    const openid = await person({ tmplProgress: 1 })
    const r = await channel().send(message(openid), db)
    expect(r).toMatchObject({ status: 'failed', deadLetter: true, code: '47003', detail: expect.stringContaining('thing6 (not in the configured keywords)') })
    expect(await left(openid, 'tmplProgress')).toBe(1)
    expect(fake.sentMessages()).toEqual([])
  })

  it('a value no cut can make valid is never sent: dead letter naming the keyword and its field', async () => {
    const openid = await person({ tmplProgress: 1 })
    const r = await channel().send(message(openid, { caseNo: '粤字第1号' }), db)
    expect(r).toMatchObject({ status: 'failed', deadLetter: true, code: 'value_invalid', detail: expect.stringContaining('character_string1 (caseNo)') })
    expect(fake.sentMessages()).toEqual([])
    expect(await left(openid, 'tmplProgress')).toBe(1)
  })

  it('over-long values of every keyword are cut before sending, and the fake (WeChat\'s rules) takes them', async () => {
    const openid = await person({ tmplProgress: 1 })
    const r = await channel().send(message(openid, { next: '请携带身份证原件、户口簿原件及复印件到政务服务中心二楼窗口领取', status: '等待部门审核中' }), db)
    expect(r.status).toBe('sent')
    const [sent] = fake.sentMessages()
    expect(sent!.data.thing5!.value).toBe('请携带身份证原件、户口簿原件及复印件到…')
    expect(sent!.data.phrase3!.value).toBe('等待部门审')
  })

  it('two senders with one acceptance: exactly one message goes', async () => {
    const openid = await person({ tmplProgress: 1 })
    const ch = channel([PROGRESS])
    const results = await Promise.all([ch.send(message(openid), db), ch.send(message(openid), db)])
    expect(results.map((r) => r.status).sort()).toEqual(['sent', 'unavailable'])
    expect(fake.sentMessages()).toHaveLength(1)
  })
})
