/**
 * What each kind of outbox job is, in the words the workbench shows beside
 * one that has not gone through (server/src/outbox). A kind missing here is
 * shown by its code: every kind added with a later issue (messages, EMS,
 * payments) adds its line.
 */
export const OUTBOX_KIND_LABELS: Readonly<Record<string, string>> = {
  'approval.handover': '交给审批系统',
  'notice.issue': '出具通知书',
}

export function outboxKindLabel(kind: string): string {
  return OUTBOX_KIND_LABELS[kind] ?? kind
}
