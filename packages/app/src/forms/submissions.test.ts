import { describe, expect, it, vi } from 'vitest'
import { ApiError, makeProblem, type API, type CaseDetail, type InputOf, type SubmitCaseBody } from '@tongban/core'
import { offline, testPlatform } from '../testing'
import { newIdempotencyKey, useSubmissionStore } from './submissions'
import { useDraftStore } from './drafts'

const body = (operatorName: string): SubmitCaseBody => ({
  itemCode: 'SJ-0001', formVersion: 1, values: { operatorName }, answers: {}, delivery: 'pickup', personalDataConsent: true,
})
const req = (name = '晨光餐饮') => ({ itemCode: 'SJ-0001', itemName: '食品经营许可', body: body(name) })
const landed = (key: string) => ({ caseNo: `SJ-0001-20261123-${key.slice(0, 4)}` } as CaseDetail)
type Submit = InputOf<typeof API.cases.submit>

describe('submitting once', () => {
  it('makes URL-safe keys of 24 characters, different each time', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(newIdempotencyKey()).not.toBe(a)
  })

  it('sends with a key, clears the queue and the draft when the case lands', async () => {
    const submitCase = vi.fn(async ({ headers }: Submit) => landed(headers['idempotency-key']))
    const t = testPlatform({ 'cases.submit': submitCase, 'drafts.remove': async () => undefined })
    const drafts = t.within(() => useDraftStore())
    await drafts.save({ itemCode: 'SJ-0001', itemName: '食品经营许可', formVersion: 1, values: { operatorName: 'x' }, answers: {} })
    const store = t.within(() => useSubmissionStore())
    const out = await store.submit(req())
    expect(out.kind).toBe('submitted')
    expect(store.pending).toEqual([])
    expect(await drafts.open('SJ-0001')).toBeNull()
  })

  it('queues without a network, keeps the key across a reload, and sends the latest edit once online', async () => {
    let online = false
    const keys: string[] = []
    const submitCase = vi.fn(async ({ body: b, headers }: Submit) => {
      const key = headers['idempotency-key']
      keys.push(key)
      return { ...landed(key), values: b.values } as CaseDetail
    })
    const first = testPlatform({ 'cases.submit': submitCase })
    first.platform.isOnline = () => online
    const store = first.within(() => useSubmissionStore())
    expect((await store.submit(req('第一版'))).kind).toBe('queued')
    expect((await store.submit(req('改过的'))).kind).toBe('queued')
    expect(store.pending).toHaveLength(1)
    expect(submitCase).not.toHaveBeenCalled()

    // The app is closed and opened again, now with signal.
    const second = testPlatform({ 'cases.submit': submitCase, 'drafts.remove': async () => undefined })
    for (const [k, v] of first.storage.data) await second.storage.set(k, v)
    online = true
    const reopened = second.within(() => useSubmissionStore())
    const done = await reopened.flush()
    expect(done).toHaveLength(1)
    expect(done[0]!.values).toEqual({ operatorName: '改过的' })
    expect(keys).toEqual([store.pending[0]!.key])
    expect(reopened.pending).toEqual([])
  })

  it('retries a timed-out attempt with the same key', async () => {
    const keys: string[] = []
    let fail = true
    const submitCase = vi.fn(async ({ headers }: Submit) => {
      const key = headers['idempotency-key']
      keys.push(key)
      if (fail) return offline()
      return landed(key)
    })
    const t = testPlatform({ 'cases.submit': submitCase, 'drafts.remove': async () => undefined })
    const store = t.within(() => useSubmissionStore())
    expect((await store.submit(req())).kind).toBe('queued')
    fail = false
    expect(await store.flush()).toHaveLength(1)
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
  })

  it('hands a refusal back and forgets the key, so the fixed form goes under a new one', async () => {
    const keys: string[] = []
    const submitCase = vi.fn(async ({ headers }: Submit): Promise<CaseDetail> => {
      const key = headers['idempotency-key']
      keys.push(key)
      if (keys.length === 1) throw new ApiError(makeProblem('VALIDATION', { errors: [{ path: 'operatorName', code: 'required', message: '请填写经营者名称' }] }))
      return landed(key)
    })
    const t = testPlatform({ 'cases.submit': submitCase, 'drafts.remove': async () => undefined })
    const store = t.within(() => useSubmissionStore())
    const out = await store.submit(req(''))
    expect(out).toMatchObject({ kind: 'rejected', problem: { code: 'VALIDATION' } })
    expect(store.pending).toEqual([])
    expect((await store.submit(req())).kind).toBe('submitted')
    expect(keys[1]).not.toBe(keys[0])
  })

  it('keeps a server fault queued with its message', async () => {
    const t = testPlatform({ 'cases.submit': async () => { throw new ApiError(makeProblem('INTERNAL')) } })
    const store = t.within(() => useSubmissionStore())
    const out = await store.submit(req())
    expect(out).toMatchObject({ kind: 'queued', pending: { lastError: '系统暂时出了点问题，请稍后再试', attempts: 1 } })
  })

  it('keeps a submission whose body timed out on the way (408) queued under the same key, as the upload does', async () => {
    const keys: string[] = []
    let fail = true
    const t = testPlatform({ 'cases.submit': async ({ headers }) => {
      const key = headers['idempotency-key']
      keys.push(key)
      if (fail) throw new ApiError(makeProblem('REQUEST_TIMEOUT'))
      return landed(key)
    } })
    const store = t.within(() => useSubmissionStore())
    expect((await store.submit(req())).kind).toBe('queued')
    fail = false
    expect(await store.flush()).toHaveLength(1)
    expect(keys[1]).toBe(keys[0])
  })
})
