/**
 * The submission queue as it lies on the device: its storage key, the
 * shape of an entry, and the names under which the app and the PWA's
 * service worker speak of it. No Vue here: the service worker imports it
 * (`@tongban/app/queue`) without the app's runtime.
 */
import type { SubmitCaseBody } from '@tongban/core'

/** Where the queue is kept (a JSON array of PendingSubmission); the service worker reads it there too. */
export const QUEUE_KEY = 'tb.submissions'
/** The Background Sync tag under which the platform asks for the queue to be sent. */
export const SYNC_TAG = 'tb-submit'
/** What the service worker posts to the open pages when it sent some of the queue. */
export interface SubmittedMessage {
  type: 'tb-submitted'
  keys: string[]
}

export interface PendingSubmission {
  key: string
  itemCode: string
  itemName: string
  body: SubmitCaseBody
  queuedAt: number
  attempts: number
  /** The last failure, in Chinese, when it was not just a missing network. */
  lastError?: string
}

