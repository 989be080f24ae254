/**
 * The citizen's cases on this device, each read back and kept by case
 * number. Version-aware: every answer from the BFF goes
 * through accept(), which keeps whichever version is newer, so a slow poll
 * that answers after a withdrawal (or two tabs' worth of answers in any
 * order) never puts an older state back on screen. Withdrawal and 补正
 * live here too, since both write a new version of the case.
 */
import { defineStore } from 'pinia'
import { reactive } from 'vue'
import { API, ApiError, withdrawConflictText, failedText, type CaseDetail, type CaseSummary, type FormValues, type Problem } from '@tongban/core'
import { usePlatform } from '../platform/platform'
import { toProblem } from '../catalogue/catalogue'

export type WithdrawOutcome =
  | { ok: true; case: CaseDetail }
  /** `text` says why nothing was withdrawn; on CASE_CHANGED the store holds the case as it now is. */
  | { ok: false; problem: Problem; text: string }

export type ResubmitOutcome =
  | { ok: true; case: CaseDetail }
  /** On CASE_CHANGED the store holds the case as it now is (reloaded). */
  | { ok: false; problem: Problem }

export interface CaseStore {
  /** The newest version seen of each case, by case number. */
  byNo: Record<string, CaseDetail>
  get(caseNo: string): CaseDetail | null
  /** Keeps `c` unless a newer version of it is held already; true when it replaced what was held. */
  accept(c: CaseDetail): boolean
  /** Reads the case from the BFF; the newer of that and what is held comes back. Throws what the BFF said. */
  fetch(caseNo: string): Promise<CaseDetail>
  /** 我的办件, not kept here: a list belongs to the page (and the account) that asked for it. */
  fetchList(): Promise<CaseSummary[]>
  /** 撤回 on the version held. */
  withdraw(caseNo: string): Promise<WithdrawOutcome>
  /** 补正: the whole form again, on the version held. */
  resubmit(caseNo: string, values: FormValues): Promise<ResubmitOutcome>
}

export const useCaseStore = defineStore('cases', (): CaseStore => {
  const platform = usePlatform()
  const byNo = reactive<Record<string, CaseDetail>>({})

  const get = (caseNo: string): CaseDetail | null => byNo[caseNo] ?? null

  function accept(c: CaseDetail): boolean {
    const held = byNo[c.caseNo]
    if (held && held.version >= c.version) return false
    byNo[c.caseNo] = c
    return true
  }

  async function fetch(caseNo: string): Promise<CaseDetail> {
    accept(await platform.api.call(API.cases.get, { params: { caseNo } }))
    return byNo[caseNo]!
  }

  async function fetchList(): Promise<CaseSummary[]> {
    return platform.api.call(API.cases.mine)
  }

  async function withdraw(caseNo: string): Promise<WithdrawOutcome> {
    const held = get(caseNo)
    if (!held) throw new Error(`withdraw: case ${caseNo} not loaded`)
    try {
      const after = await platform.api.call(API.cases.withdraw, { params: { caseNo: held.caseNo }, body: { version: held.version } })
      accept(after)
      return { ok: true, case: get(caseNo)! }
    } catch (e) {
      const problem = toProblem(e)
      // An error that is no answer of the BFF's (a bug, a broken transport) has no words fit for a citizen.
      if (problem.code !== 'CASE_CHANGED') return { ok: false, problem, text: e instanceof ApiError ? problem.title : failedText('撤回') }
      // Someone acted since the page was loaded: show what they did, and say plainly that nothing was withdrawn.
      const fresh = await fetch(caseNo).catch(() => null)
      return { ok: false, problem, text: withdrawConflictText(fresh) }
    }
  }

  async function resubmit(caseNo: string, values: FormValues): Promise<ResubmitOutcome> {
    const held = get(caseNo)
    if (!held) throw new Error(`resubmit: case ${caseNo} not loaded`)
    try {
      const after = await platform.api.call(API.cases.resubmit, { params: { caseNo }, body: { values, version: held.version } })
      accept(after)
      return { ok: true, case: get(caseNo)! }
    } catch (e) {
      const problem = toProblem(e)
      // What to say depends on where the case went: reload it first.
      if (problem.code === 'CASE_CHANGED') await fetch(caseNo).catch(() => null)
      return { ok: false, problem }
    }
  }

  return { byNo, get, accept, fetch, fetchList, withdraw, resubmit }
})
