import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { ApiError, makeProblem, type CaseDetail, type CaseStatus } from '@tongban/core'
import { offline, testPlatform } from '../testing'
import { useCaseStore } from './case-store'
import { caseNewsText, useCaseUpdates } from './case-updates'
import { useCaseDetail } from './case-detail'
import { useCaseList } from './case-list'

const NO = 'SJ-0001-20261123-0001'
const STEPS = ['提交了申请', '窗口已受理', '部门已批准']
const STATUSES: CaseStatus[] = ['submitted', 'accepted', 'in_progress']

/** The case at `version` (1 = just submitted). */
function caseAt(version: number, extra: Partial<CaseDetail> = {}): CaseDetail {
  return {
    caseNo: NO, itemCode: 'SJ-0001', itemName: '食品经营许可', status: STATUSES[version - 1] ?? 'accepted', statusLabel: `第${version}步`,
    submittedAt: '2026-11-23T02:05:00Z', version, delivery: 'pickup', form: { fields: [] }, values: {}, answers: {}, materials: [],
    timeline: STEPS.slice(0, version).map((text) => ({ day: '2026-11-23', by: '窗口', text })), branches: [], nextSteps: [],
    ...extra,
  } as unknown as CaseDetail
}

afterEach(() => { vi.useRealTimers() })

describe('useCaseStore', () => {
  it('keeps the newest version: an answer older than what is held never replaces it', () => {
    const t = testPlatform({})
    const store = t.within(() => useCaseStore())
    expect(store.accept(caseAt(2))).toBe(true)
    expect(store.accept(caseAt(1))).toBe(false)
    expect(store.accept(caseAt(2))).toBe(false)
    expect(store.get(NO)?.version).toBe(2)
    expect(store.accept(caseAt(3))).toBe(true)
  })

  it('a poll sent before a withdrawal and answered after it does not bring the case back', async () => {
    let answerPoll!: (c: CaseDetail) => void
    const getCase = vi.fn()
      .mockResolvedValueOnce(caseAt(1))
      .mockImplementationOnce(() => new Promise<CaseDetail>((r) => { answerPoll = r }))
    const withdrawn = caseAt(2, { status: 'withdrawn', statusLabel: '已撤回' })
    const t = testPlatform({ 'cases.get': getCase, 'cases.withdraw': async () => withdrawn })
    const store = t.within(() => useCaseStore())
    await store.fetch(NO)
    const poll = store.fetch(NO)
    expect(await store.withdraw(NO)).toMatchObject({ ok: true, case: { status: 'withdrawn' } })
    answerPoll(caseAt(1))
    expect((await poll).status).toBe('withdrawn')
    expect(store.get(NO)?.status).toBe('withdrawn')
  })

  it('a withdrawal lost to a step taken meanwhile says so in words and holds the case as it now is', async () => {
    const getCase = vi.fn().mockResolvedValueOnce(caseAt(1)).mockResolvedValueOnce(caseAt(2))
    const t = testPlatform({ 'cases.get': getCase, 'cases.withdraw': async () => { throw new ApiError(makeProblem('CASE_CHANGED')) } })
    const store = t.within(() => useCaseStore())
    await store.fetch(NO)
    const out = await store.withdraw(NO)
    expect(out).toMatchObject({ ok: false, problem: { code: 'CASE_CHANGED' } })
    expect(!out.ok && out.text).toMatch(/^没有撤回：办件刚有了新进展（第2步），受理后不能再撤回/)
    expect(store.get(NO)?.version).toBe(2)
  })

  it('says the BFF’s words when it refuses, and the one wording when there are none', async () => {
    const t = testPlatform({ 'cases.get': async () => caseAt(1), 'cases.withdraw': vi.fn().mockRejectedValueOnce(new ApiError(makeProblem('NETWORK'))).mockRejectedValueOnce(new TypeError('x is undefined')) })
    const store = t.within(() => useCaseStore())
    await store.fetch(NO)
    expect(await store.withdraw(NO)).toMatchObject({ ok: false, text: '网络连接失败，请检查网络后重试' })
    expect(await store.withdraw(NO)).toMatchObject({ ok: false, text: '撤回没有成功，请稍后再试' })
  })

  it('resubmits on the version held; a 补正 lost to another phone reloads the case', async () => {
    const resubmitCase = vi.fn().mockRejectedValueOnce(new ApiError(makeProblem('CASE_CHANGED')))
    const getCase = vi.fn().mockResolvedValueOnce(caseAt(1)).mockResolvedValueOnce(caseAt(3))
    const t = testPlatform({ 'cases.get': getCase, 'cases.resubmit': resubmitCase })
    const store = t.within(() => useCaseStore())
    await store.fetch(NO)
    expect(await store.resubmit(NO, { operatorName: '晨光' })).toMatchObject({ ok: false, problem: { code: 'CASE_CHANGED' } })
    expect(resubmitCase).toHaveBeenCalledWith({ params: { caseNo: NO }, body: { values: { operatorName: '晨光' }, version: 1 } })
    expect(store.get(NO)?.version).toBe(3)
  })
})

describe('useCaseUpdates', () => {
  it('polls while the page is in view, says the new step once, and stops while it is hidden', async () => {
    vi.useFakeTimers()
    let version = 1
    const getCase = vi.fn(async () => caseAt(version))
    const t = testPlatform({ 'cases.get': getCase })
    const store = t.within(() => useCaseStore())
    await store.fetch(NO)
    const changed = vi.fn()
    const scope = effectScope()
    const updates = scope.run(() => t.within(() => useCaseUpdates(t.platform, () => NO, { intervalMs: 30_000, onChange: changed })))!
    updates.resume({ checkNow: false })
    await vi.advanceTimersByTimeAsync(30_000)
    expect(getCase).toHaveBeenCalledTimes(2)
    expect(updates.news.value).toBe('')
    version = 2
    await vi.advanceTimersByTimeAsync(30_000)
    expect(updates.news.value).toBe('办件有新进展：窗口已受理')
    expect(changed).toHaveBeenCalledWith(expect.objectContaining({ version: 2 }))
    updates.pause()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(getCase).toHaveBeenCalledTimes(3)
    updates.resume()
    await vi.advanceTimersByTimeAsync(0)
    expect(getCase).toHaveBeenCalledTimes(4)
    scope.stop()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(getCase).toHaveBeenCalledTimes(4)
  })

  it('keeps what is shown when a check fails (offline, signed out)', async () => {
    const getCase = vi.fn().mockResolvedValueOnce(caseAt(2)).mockImplementation(offline)
    const t = testPlatform({ 'cases.get': getCase })
    const store = t.within(() => useCaseStore())
    await store.fetch(NO)
    const updates = t.within(() => useCaseUpdates(t.platform, () => NO))
    expect(await updates.check()).toBe(false)
    expect(store.get(NO)?.version).toBe(2)
  })

  it('listens instead of polling where the platform passes live word of new versions', async () => {
    vi.useFakeTimers()
    let tell!: (version: number) => void
    const stop = vi.fn()
    const getCase = vi.fn().mockResolvedValueOnce(caseAt(1)).mockResolvedValue(caseAt(2))
    const t = testPlatform({ 'cases.get': getCase })
    t.platform.watchCase = (caseNo, changed) => { expect(caseNo).toBe(NO); tell = changed; return stop }
    const store = t.within(() => useCaseStore())
    await store.fetch(NO)
    const updates = t.within(() => useCaseUpdates(t.platform, () => NO))
    updates.resume({ checkNow: false })
    await vi.advanceTimersByTimeAsync(120_000)
    expect(getCase).toHaveBeenCalledTimes(1)
    tell(1)
    expect(getCase).toHaveBeenCalledTimes(1)
    tell(2)
    await vi.advanceTimersByTimeAsync(0)
    expect(updates.news.value).toBe(caseNewsText(caseAt(2)))
    updates.pause()
    expect(stop).toHaveBeenCalledOnce()
  })

  it('polls while the platform says its stream is down, and checks once when it is back', async () => {
    vi.useFakeTimers()
    let live!: (up: boolean) => void
    const getCase = vi.fn().mockResolvedValueOnce(caseAt(1)).mockResolvedValueOnce(caseAt(1)).mockResolvedValue(caseAt(2))
    const t = testPlatform({ 'cases.get': getCase })
    t.platform.watchCase = (_caseNo, _changed, up) => { live = up!; up!(false); return () => {} }
    const store = t.within(() => useCaseStore())
    await store.fetch(NO)
    const updates = t.within(() => useCaseUpdates(t.platform, () => NO))
    updates.resume({ checkNow: false })
    await vi.advanceTimersByTimeAsync(30_000)
    expect(getCase).toHaveBeenCalledTimes(2)
    // Back: one check (the accept happened while it was down), then no more polling.
    live(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(getCase).toHaveBeenCalledTimes(3)
    expect(updates.news.value).toBe(caseNewsText(caseAt(2)))
    await vi.advanceTimersByTimeAsync(120_000)
    expect(getCase).toHaveBeenCalledTimes(3)
    live(false)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(getCase).toHaveBeenCalledTimes(5)
    updates.pause()
    live(false)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(getCase).toHaveBeenCalledTimes(5)
  })
})

describe('useCaseDetail', () => {
  it('loads, shows the submission time in Beijing time, and withdraws only once the citizen confirms', async () => {
    const withdrawCase = vi.fn(async () => caseAt(2, { status: 'withdrawn', statusLabel: '已撤回' }))
    const t = testPlatform({ 'cases.get': async () => caseAt(1), 'cases.withdraw': withdrawCase })
    const page = t.within(() => useCaseDetail(() => NO))
    await page.load()
    expect(page.state.value).toBe('ready')
    expect(page.submittedAt.value).toBe('2026-11-23 10:05')
    expect(page.canWithdraw.value).toBe(true)
    expect(await page.withdraw(async () => false)).toBe(false)
    expect(withdrawCase).not.toHaveBeenCalled()
    expect(await page.withdraw(async () => true)).toBe(true)
    expect(withdrawCase).toHaveBeenCalledWith({ params: { caseNo: NO }, body: { version: 1 } })
    expect(page.canWithdraw.value).toBe(false)
    expect(page.news.value).toBe('')
  })

  it('a withdrawal lost to the window shows its step as news and why nothing was withdrawn', async () => {
    const getCase = vi.fn().mockResolvedValueOnce(caseAt(1)).mockResolvedValueOnce(caseAt(2))
    const t = testPlatform({ 'cases.get': getCase, 'cases.withdraw': async () => { throw new ApiError(makeProblem('CASE_CHANGED')) } })
    const page = t.within(() => useCaseDetail(() => NO))
    await page.load()
    await page.withdraw(async () => true)
    expect(page.news.value).toBe('办件有新进展：窗口已受理')
    expect(page.withdrawProblem.value).toMatch(/^没有撤回/)
  })

  it('shows a case held from before only once its own load was allowed to read it', async () => {
    const t = testPlatform({ 'cases.get': async () => { throw new ApiError(makeProblem('FORBIDDEN')) } })
    t.within(() => useCaseStore()).accept(caseAt(2))
    const page = t.within(() => useCaseDetail(() => NO))
    expect(page.detail.value).toBeNull()
    await page.load()
    expect([page.state.value, page.detail.value]).toEqual(['error', null])
  })

  it('without a network shows the copy saved when the case was last seen, until the BFF answers again', async () => {
    const getCase = vi.fn().mockResolvedValueOnce(caseAt(2)).mockImplementationOnce(offline).mockImplementationOnce(offline).mockResolvedValueOnce(caseAt(3))
    let now = 1_700_000_000_000
    const t = testPlatform({ 'cases.get': getCase }, { now: () => now })
    await t.within(() => useCaseDetail(() => NO)).load()
    now += 3_600_000
    // Another start of the app, offline: the store is new, the copy is on the device.
    const t2 = testPlatform({ 'cases.get': getCase }, { now: () => now })
    for (const [k, v] of t.storage.data) t2.storage.data.set(k, v)
    const page = t2.within(() => useCaseDetail(() => NO))
    await page.load()
    expect([page.state.value, page.detail.value?.version, page.copySavedAt.value]).toEqual(['ready', 2, 1_700_000_000_000])
    await page.refresh()
    expect(page.copySavedAt.value).toBe(1_700_000_000_000)
    await page.refresh()
    expect([page.detail.value?.version, page.copySavedAt.value]).toEqual([3, null])
    expect(JSON.parse(t2.storage.data.get(`tb.copy.case.${NO}`)!)).toMatchObject({ savedAt: now, value: { version: 3 } })
  })

  it('is signedOut on a 401 and error otherwise', async () => {
    const t = testPlatform({ 'cases.get': vi.fn().mockRejectedValueOnce(new ApiError(makeProblem('UNAUTHENTICATED'))).mockImplementation(offline) })
    const page = t.within(() => useCaseDetail(() => NO))
    await page.load()
    expect(page.state.value).toBe('signedOut')
    await page.load()
    expect(page.state.value).toBe('error')
    expect(page.problem.value?.code).toBe('NETWORK')
  })
})

describe('useCaseList', () => {
  const me = async () => ({ id: 'c1', phone: '13761230001' }) as never

  it('shows the drafts without a network and says the cases could not be fetched', async () => {
    const t = testPlatform({ me, 'cases.mine': offline, 'drafts.list': offline })
    const page = t.within(() => useCaseList())
    await page.load()
    expect(page.state.value).toBe('ready')
    expect(page.cases.value).toBeNull()
    expect(page.casesProblem.value?.code).toBe('NETWORK')
    expect(page.online.value).toBe(false)
  })

  it('without a network shows the cases as last saved on this device, with when', async () => {
    const summary = { caseNo: NO, itemName: '食品经营许可' } as never
    const mine = vi.fn().mockResolvedValueOnce([summary]).mockImplementation(offline)
    const t = testPlatform({ me, 'cases.mine': mine, 'drafts.list': async () => [] })
    await t.within(() => useCaseList()).load()
    const page = t.within(() => useCaseList())
    await page.load()
    expect([page.cases.value, page.copySavedAt.value, page.casesProblem.value?.code]).toEqual([[summary], 1_700_000_000_000, 'NETWORK'])
  })

  it('reads the cases again on live word of one of them, and stops listening with its scope', async () => {
    const before = { caseNo: NO, itemName: '食品经营许可', statusLabel: '已提交，待受理' } as never
    const after = { caseNo: NO, itemName: '食品经营许可', statusLabel: '已受理' } as never
    const mine = vi.fn().mockResolvedValueOnce([before]).mockResolvedValue([after])
    const t = testPlatform({ me, 'cases.mine': mine, 'drafts.list': async () => [] })
    let tell: ((caseNo: string) => void) | null = null
    const stop = vi.fn()
    t.platform.watchMyCases = (changed) => { tell = changed; return stop }
    const scope = effectScope()
    const page = scope.run(() => t.within(() => useCaseList()))!
    await page.load()
    expect(page.cases.value).toEqual([before])
    tell!(NO)
    await vi.waitFor(() => expect(page.cases.value).toEqual([after]))
    scope.stop()
    expect(stop).toHaveBeenCalledOnce()
  })

  it('is signedOut when the BFF says so', async () => {
    const t = testPlatform({ me, 'cases.mine': async () => { throw new ApiError(makeProblem('UNAUTHENTICATED')) } })
    const page = t.within(() => useCaseList())
    await page.load()
    expect(page.state.value).toBe('signedOut')
  })

  it('is empty only when nothing is queued, drafted or submitted', async () => {
    const t = testPlatform({ me, 'cases.mine': async () => [], 'drafts.list': async () => [] })
    const page = t.within(() => useCaseList())
    await page.load()
    expect(page.empty.value).toBe(true)
  })
})
