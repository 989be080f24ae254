/**
 * Which failures are worth trying again exactly as they were (the same
 * file, the same submission under the same idempotency key), and the one
 * way both shells say that something did not work and can be tried later.
 * The submission queue, the service worker's background sync and the
 * material upload all ask this, so a 408 is retried everywhere or nowhere.
 */
import type { Problem } from './problems'

/**
 * No answer at all, a timeout (408), too many requests (429), a fault of
 * the BFF or behind it (5xx), or the first attempt of the same submission
 * still running. Anything else is an answer about the content: sending it
 * again unchanged gets the same answer.
 */
export function isTransient(p: Pick<Problem, 'status'> & { code: string }): boolean {
  return p.code === 'NETWORK' || p.code === 'SUBMIT_IN_PROGRESS' || p.status === 408 || p.status === 429 || p.status >= 500
}

/** What to say after a transient failure the BFF gave no words for. */
export const TRY_AGAIN_LATER = '请稍后再试'

/** `撤回` → `撤回没有成功，请稍后再试`: for a failure with no title of its own. */
export function failedText(action: string): string {
  return `${action}没有成功，${TRY_AGAIN_LATER}`
}

/** How long to wait, as said to a person: 42秒, 5分钟, 3小时 (rounded up: never sooner than true). */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds))
  if (s < 60) return `${s}秒`
  if (s < 3600) return `${Math.ceil(s / 60)}分钟`
  return `${Math.ceil(s / 3600)}小时`
}

/** 请42秒后再试: the wait a refusal (429) asked for, in words. */
export function retryAfterText(seconds: number): string {
  return `请${waitText(seconds)}后再试`
}
