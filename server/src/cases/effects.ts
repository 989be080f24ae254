/**
 * What follows a case's events, registered once and run for every way an
 * event is written (submit, the workbench, the citizen, an approval
 * system's webhook): inside the transaction that writes the events, after
 * they are written. An effect either writes its own rows there (the
 * certificate in the wallet) or queues outbox jobs (the approval handover, a
 * notice's 文号, with later issues a progress message), which exist only if
 * the events commit.
 */
import type { LiveEvent } from '@tongban/core'
import type { ActContext } from './act'

export interface EffectContext extends ActContext {
  /** Queues an outbox job of this kind for the case, in this transaction (due at the events' time). */
  enqueue(kind: string, payload: unknown): Promise<void>
  /** Tells one citizen's open pages, once the transaction has committed (a new 消息中心 message). */
  announce(accountId: string, event: LiveEvent): void
}

export interface CaseEffect {
  /** For logs and for the order effects are registered in. */
  name: string
  run(ctx: EffectContext): Promise<void>
}
