/**
 * Live updates end to end over real HTTP: a citizen's stream is told of her
 * case's steps and nobody else's; the workbench's streams by desk; the
 * stream's own rules (401, 406, the cap per person, cleanup); a signed-out
 * session's streams closed at once, nobody else's; and two instances on
 * PostgreSQL + Redis, where a step taken on A reaches a stream held by B and
 * a sign-out on A closes B's stream of that session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseLiveEvent, LiveReady } from '@tongban/core'
import { openDb } from '../../store/db'
import { loadConfig } from '../../config'
import {
  giveRealName, minimumLivingApplication, postgresAvailable, postgresDb, redisAvailable, redisSpace, signInCitizen, startTestServer, submitApplication, type TestServer,
} from '../../testing'
import { openSse, type SseClient } from '../../live/sse-client'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { messageRepo } from '../../store/messages'

async function staffToken(server: TestServer, username: string): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password: DEMO_STAFF_PASSWORD } })
  return res.json<{ token: string }>().token
}

async function step(server: TestServer, token: string, caseNo: string, type: string, version: number): Promise<{ version: number; status: string }> {
  const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, headers: { authorization: `Bearer ${token}` }, payload: { type, version } })
  if (res.statusCode !== 200) throw new Error(`${type} answered ${res.statusCode}: ${res.body}`)
  return res.json<{ version: number; status: string }>()
}

/** Opens a stream and waits for its `ready`: from then on it is subscribed. */
async function stream(url: string, token: string): Promise<SseClient> {
  const client = await openSse(url, { token })
  expect(client.status).toBe(200)
  await client.nextOf('ready')
  return client
}

const caseOf = (e: { data: string }) => JSON.parse(e.data) as CaseLiveEvent

/**
 * The stream's last word is `signed-out`, and then it ends — well before the
 * periodic re-check of its session (15 minutes) would have ended it.
 */
async function signedOut(client: SseClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('the stream is still open 5 s after its session ended')), 5_000) })
  try {
    await Promise.race([(async () => {
      expect(JSON.parse((await client.nextOf('signed-out')).data)).toEqual({ type: 'signed-out' })
      await expect(client.next()).rejects.toThrow('the stream ended')
    })(), late])
  } finally {
    clearTimeout(timer)
  }
}

const as = (token: string) => ({ authorization: `Bearer ${token}` })

describe('live updates on one instance', () => {
  let server: TestServer
  let alice: { token: string; account: { id: string } }
  let bob: { token: string; account: { id: string } }
  let clerk: string
  const open: SseClient[] = []
  const track = (c: SseClient) => { open.push(c); return c }

  beforeAll(async () => {
    server = await startTestServer()
    alice = await signInCitizen(server.app, '13800000031', '10.61.0.1')
    bob = await signInCitizen(server.app, '13800000032', '10.61.0.2')
    clerk = await staffToken(server, 'clerk')
  }, 60_000)
  afterAll(async () => {
    for (const c of open) c.close()
    await server?.close()
  })

  it('tells the applicant of her accepted case, and not another citizen', async () => {
    const mine = track(await stream(`${server.url}/api/me/events`, alice.token))
    const theirs = track(await stream(`${server.url}/api/me/events`, bob.token))
    const submitted = await submitApplication(server.app, alice.token, minimumLivingApplication('13800000031'), 'live-accept-1')
    const created = caseOf(await mine.nextOf('case'))
    expect(created).toEqual({ type: 'case', caseNo: submitted.caseNo, version: submitted.version, status: submitted.status })

    await step(server, clerk, submitted.caseNo, 'start_pre_review', 1)
    const accepted = await step(server, clerk, submitted.caseNo, 'accept', 2)
    expect(caseOf(await mine.nextOf('case')).version).toBe(2)
    const last = await mine.nextOf('case')
    expect(caseOf(last)).toEqual({ type: 'case', caseNo: submitted.caseNo, version: accepted.version, status: accepted.status })
    expect(last.id).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/)
    // The acceptance wrote her a 消息中心 message: her pages are told of it too (the badge), by id, never its text.
    const [message] = await messageRepo(server.app.db).forAccount(alice.account.id, { limit: 1 })
    expect(JSON.parse((await mine.nextOf('message')).data)).toEqual({ type: 'message', id: message!.id, caseNo: submitted.caseNo })

    // Bob's stream was open all along: the first thing it is told is what was meant for him.
    server.app.live.publishToAccount(bob.account.id, { type: 'message', id: 'marker', caseNo: null })
    const first = await theirs.nextOf('message')
    expect(JSON.parse(first.data)).toEqual({ type: 'message', id: 'marker', caseNo: null })
    expect(theirs.comments).toEqual([])
  })

  it('tells the desks a case is on, and supervision; not another department', async () => {
    const window = track(await stream(`${server.url}/api/staff/events`, clerk))
    const supervisor = track(await stream(`${server.url}/api/staff/events`, await staffToken(server, 'supervisor')))
    const police = track(await stream(`${server.url}/api/staff/events`, await staffToken(server, 'reviewer')))
    const civil = track(await stream(`${server.url}/api/staff/events`, await staffToken(server, 'reviewer_mz')))
    const submitted = await submitApplication(server.app, alice.token, minimumLivingApplication('13800000031'), 'live-desks-1')
    expect(caseOf(await window.nextOf('case')).caseNo).toBe(submitted.caseNo)
    expect(caseOf(await supervisor.nextOf('case')).caseNo).toBe(submitted.caseNo)
    await step(server, clerk, submitted.caseNo, 'start_pre_review', 1)
    await step(server, clerk, submitted.caseNo, 'accept', 2)
    // 最低生活保障 goes to 民政: its reviewer hears of it when it reaches the department.
    const given = caseOf(await civil.nextOf('case'))
    expect(given).toMatchObject({ caseNo: submitted.caseNo, version: 3 })
    // 公安 heard nothing of it: the first word it gets is one for its own desk.
    server.app.live.publishCase({ caseNo: 'MARKER', version: 1, status: 'submitted', accountId: bob.account.id, agentId: null, desks: ['department:gaj'] })
    expect(caseOf(await police.nextOf('case')).caseNo).toBe('MARKER')
  })

  it('tells the resident and the agent who filed for her (代办)', async () => {
    const phone = '13800000034'
    const realName = { name: '赵大山', idNumber: '11010519491231002X' }
    const agent = await staffToken(server, 'agent')
    const as = { authorization: `Bearer ${agent}` }
    const pending = (await server.app.inject({ method: 'POST', url: '/api/agent/consents', payload: { residentPhone: phone, itemCode: 'MZ-0001' }, headers: as })).json<{ id: string }>()
    const inbox = (await server.app.inject('/dev/inbox.json')).json<{ phone: string; text: string }[]>()
    const code = /验证码(\d{6})/.exec(inbox.find((m) => m.phone === phone && m.text.includes('代办'))!.text)![1]!
    expect((await server.app.inject({ method: 'POST', url: `/api/agent/consents/${pending.id}/confirm`, payload: { code }, headers: as })).statusCode).toBe(200)
    // The resident, signed in without another text message (one a minute per phone), with her real name.
    const [account] = await server.app.db.query<{ id: string }>('select id from accounts where phone = $1', [phone])
    const resident = await server.app.sessions.create(account!.id)
    await giveRealName(server.app, resident.token, realName)
    const hers = track(await stream(`${server.url}/api/me/events`, resident.token))
    const agents = track(await stream(`${server.url}/api/staff/events`, agent))
    const res = await server.app.inject({
      method: 'POST', url: '/api/agent/cases', headers: { ...as, 'idempotency-key': 'live-agent-case-00001' },
      payload: { ...minimumLivingApplication(phone, realName), agentConsentId: pending.id },
    })
    expect(res.statusCode, res.body).toBe(201)
    const { caseNo } = res.json<{ caseNo: string }>()
    expect(caseOf(await hers.nextOf('case'))).toMatchObject({ caseNo, version: 1 })
    expect(caseOf(await agents.nextOf('case'))).toMatchObject({ caseNo, version: 1 })
  })

  it('answers 401 problem+json without a session, 406 to a client that did not ask for a stream', async () => {
    const none = await openSse(`${server.url}/api/me/events`)
    expect(none.status).toBe(401)
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(JSON.parse(await none.body())).toMatchObject({ code: 'UNAUTHENTICATED' })
    const staffless = await openSse(`${server.url}/api/staff/events`, { token: alice.token })
    expect(staffless.status).toBe(401)
    await staffless.body()
    const plain = await openSse(`${server.url}/api/me/events`, { token: alice.token, accept: 'application/json' })
    expect(plain.status).toBe(406)
    expect(JSON.parse(await plain.body())).toMatchObject({ code: 'NOT_ACCEPTABLE' })
  })

  it('streams unbuffered and uncompressed, with retry, and says when a client comes back', async () => {
    const c = track(await openSse(`${server.url}/api/me/events`, { token: alice.token, headers: { 'accept-encoding': 'gzip, br' } }))
    expect(c.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(c.headers['content-encoding']).toBeUndefined()
    expect(c.headers['cache-control']).toBe('no-store, no-transform')
    expect(c.headers['x-accel-buffering']).toBe('no')
    const ready = await c.nextOf('ready')
    expect(ready.retry).toBe(5000)
    expect(JSON.parse(ready.data) as LiveReady).toEqual({ resumed: false })
    const back = track(await openSse(`${server.url}/api/me/events`, { token: alice.token, lastEventId: 'abcd0123-1f' }))
    expect(JSON.parse((await back.nextOf('ready')).data)).toEqual({ resumed: true })
  })

  it('tells a citizen who comes back with a Last-Event-ID where each of her cases stands now', async () => {
    const mine = (await server.app.inject({ url: '/api/me/cases', headers: { authorization: `Bearer ${alice.token}` } })).json<{ caseNo: string }[]>()
    expect(mine.length).toBeGreaterThan(1)
    const back = track(await openSse(`${server.url}/api/me/events`, { token: alice.token, lastEventId: 'abcd0123-1f' }))
    const told: CaseLiveEvent[] = []
    for (let i = 0; i < mine.length; i++) {
      const e = await back.nextOf('case')
      expect(e.id).toBe('abcd0123-1f')
      told.push(caseOf(e))
    }
    for (const { caseNo } of mine) {
      const detail = (await server.app.inject({ url: `/api/cases/${caseNo}`, headers: { authorization: `Bearer ${alice.token}` } })).json<{ version: number; status: string }>()
      expect(told).toContainEqual({ type: 'case', caseNo, version: detail.version, status: detail.status })
    }
    // Bob, back too, is told of none of hers.
    const bobBack = track(await openSse(`${server.url}/api/me/events`, { token: bob.token, lastEventId: 'abcd0123-1f' }))
    await bobBack.nextOf('ready')
    server.app.live.publishToAccount(bob.account.id, { type: 'message', id: 'marker-2', caseNo: null })
    expect(JSON.parse((await bobBack.next()).data)).toMatchObject({ id: 'marker-2' })
  })

  it("closes every stream of a session the moment it signs out; not her other device's, not another person's", async () => {
    const dan = await signInCitizen(server.app, '13800000035', '10.61.0.5')
    const otherPhone = await server.app.sessions.create(dan.account.id)
    const tab1 = track(await stream(`${server.url}/api/me/events`, dan.token))
    const tab2 = track(await stream(`${server.url}/api/me/events`, dan.token))
    const phone = track(await stream(`${server.url}/api/me/events`, otherPhone.token))
    const bobs = track(await stream(`${server.url}/api/me/events`, bob.token))
    expect((await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(dan.token) })).statusCode).toBe(204)
    await signedOut(tab1)
    await signedOut(tab2)
    // Still open: the first word sent to each after the sign-out reaches it.
    server.app.live.publishToAccount(dan.account.id, { type: 'message', id: 'after-logout', caseNo: null })
    expect(JSON.parse((await phone.nextOf('message')).data)).toMatchObject({ id: 'after-logout' })
    server.app.live.publishToAccount(bob.account.id, { type: 'message', id: 'after-dan', caseNo: null })
    expect(JSON.parse((await bobs.nextOf('message')).data)).toMatchObject({ id: 'after-dan' })
  })

  it('closes the streams of the sessions 退出其他设备 ends, and keeps the one that asked', async () => {
    const eve = await signInCitizen(server.app, '13800000036', '10.61.0.6')
    const there = await server.app.sessions.create(eve.account.id)
    const mine = track(await stream(`${server.url}/api/me/events`, eve.token))
    const theirs = track(await stream(`${server.url}/api/me/events`, there.token))
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/logout-others', headers: as(eve.token) })
    expect(res.json<{ revoked: number }>().revoked).toBe(1)
    await signedOut(theirs)
    server.app.live.publishToAccount(eve.account.id, { type: 'message', id: 'after-others', caseNo: null })
    expect(JSON.parse((await mine.nextOf('message')).data)).toMatchObject({ id: 'after-others' })
  })

  it("closes a staff member's stream when they sign out of the workbench, and not a colleague's", async () => {
    const leaving = await staffToken(server, 'clerk')
    const theirs = track(await stream(`${server.url}/api/staff/events`, leaving))
    const colleague = track(await stream(`${server.url}/api/staff/events`, clerk))
    expect((await server.app.inject({ method: 'POST', url: '/api/staff/logout', headers: as(leaving) })).statusCode).toBe(204)
    await signedOut(theirs)
    server.app.live.publishCase({ caseNo: 'MARKER-STAFF', version: 1, status: 'submitted', accountId: bob.account.id, agentId: null, desks: ['window'] })
    expect(caseOf(await colleague.nextOf('case')).caseNo).toBe('MARKER-STAFF')
  })

  it('holds at most LIVE_STREAMS_PER_PERSON streams per person, and frees them when clients go', async () => {
    for (const c of open.splice(0)) c.close()
    const carol = await signInCitizen(server.app, '13800000033', '10.61.0.3', { realName: false })
    await expect.poll(() => server.app.liveStreams.size).toBe(0)
    const held: SseClient[] = []
    for (let i = 0; i < loadConfig({}).liveStreamsPerPerson; i++) held.push(await stream(`${server.url}/api/me/events`, carol.token))
    const over = await openSse(`${server.url}/api/me/events`, { token: carol.token })
    expect(over.status).toBe(429)
    expect(JSON.parse(await over.body())).toMatchObject({ code: 'LIVE_STREAMS_TOO_MANY' })
    // Another person is not counted against her.
    const other = await stream(`${server.url}/api/me/events`, bob.token)
    other.close()
    for (const c of held) c.close()
    await expect.poll(() => server.app.liveStreams.size).toBe(0)
    const again = await stream(`${server.url}/api/me/events`, carol.token)
    again.close()
  })
})

const pgUrl = await postgresAvailable()
const redisUrl = await redisAvailable()

describe.skipIf(!pgUrl || !redisUrl)('live updates across instances (PostgreSQL + Redis)', () => {
  let a: TestServer
  let b: TestServer
  let drop: () => Promise<void>
  let dropKeys: () => Promise<void>

  beforeAll(async () => {
    const pg = await postgresDb(pgUrl!)
    const space = redisSpace(redisUrl!)
    const config = { redisUrl: redisUrl!, redisPrefix: space.prefix }
    a = await startTestServer({ db: pg.db, config })
    // B has its own pool on the same schema, as another instance would.
    const other = await openDb({ ...loadConfig({}), databaseUrl: pgUrl!, databaseSchema: pg.schema })
    b = await startTestServer({ db: other, config })
    drop = async () => { await other.close(); await pg.drop() }
    dropKeys = space.drop
  }, 120_000)
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await drop?.()
    await dropKeys?.()
  })

  it('a step taken on A reaches a stream held by B', async () => {
    const citizen = await signInCitizen(a.app, '13800000041', '10.62.0.1')
    const clerk = await staffToken(a, 'clerk')
    const onB = await stream(`${b.url}/api/me/events`, citizen.token)
    const workbenchOnB = await stream(`${b.url}/api/staff/events`, clerk)
    const submitted = await submitApplication(a.app, citizen.token, minimumLivingApplication('13800000041'), 'live-two-instances')
    expect(caseOf(await onB.nextOf('case'))).toMatchObject({ caseNo: submitted.caseNo, version: 1 })
    expect(caseOf(await workbenchOnB.nextOf('case'))).toMatchObject({ caseNo: submitted.caseNo, version: 1 })
    await step(a, clerk, submitted.caseNo, 'start_pre_review', 1)
    const accepted = await step(a, clerk, submitted.caseNo, 'accept', 2)
    await onB.nextOf('case')
    expect(caseOf(await onB.nextOf('case'))).toEqual({ type: 'case', caseNo: submitted.caseNo, version: accepted.version, status: accepted.status })
    onB.close()
    workbenchOnB.close()
  })

  it('a sign-out on A closes the stream of that session held by B, and not another person\'s', async () => {
    const leaving = await signInCitizen(a.app, '13800000042', '10.62.0.2')
    const staying = await signInCitizen(a.app, '13800000043', '10.62.0.3')
    const onB = await stream(`${b.url}/api/me/events`, leaving.token)
    const otherOnB = await stream(`${b.url}/api/me/events`, staying.token)
    expect((await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(leaving.token) })).statusCode).toBe(204)
    await signedOut(onB)
    a.app.live.publishToAccount(staying.account.id, { type: 'message', id: 'after-a-logout', caseNo: null })
    expect(JSON.parse((await otherOnB.nextOf('message')).data)).toMatchObject({ id: 'after-a-logout' })
    otherOnB.close()
  })
})
