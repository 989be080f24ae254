/**
 * 同一件事不用再申请: the case of an item still open for the citizen (the
 * newest, by submission time), and how both shells say so before a second
 * application of the same item is started. A second one stays possible (a
 * second shop needs a second licence): this warns, it does not forbid.
 */
import type { CaseSummary } from '../api/cases/views'
import { isClosed } from './status'

export function openCaseFor(cases: readonly CaseSummary[], itemCode: string): CaseSummary | null {
  const open = cases.filter((c) => c.itemCode === itemCode && !isClosed(c.status))
  return open.reduce<CaseSummary | null>((newest, c) => (!newest || c.submittedAt > newest.submittedAt ? c : newest), null)
}

export function openCaseNotice(c: Pick<CaseSummary, 'itemName' | 'caseNo' | 'statusLabel'>): string {
  return `您已有一件“${c.itemName}”正在办理（办件编号 ${c.caseNo}，${c.statusLabel}）。同一件事不用再申请，要补充材料请在原办件里操作；确实要再办一件（如另一家门店），可以继续。`
}
