/**
 * 消息中心 and 消息设置 (API.messages) for the signed-in person, and a case's
 * messages with their receipts for the workbench, where a stopped one can
 * be sent again.
 */
import type { FastifyInstance } from 'fastify'
import { API, KINDS_SENT, MESSAGE_KIND_LABELS, MESSAGES_PAGE, type MessageView, type StaffMessage } from '@tongban/core'
import { ProblemError } from '../../errors'
import { sameSecret } from '../../auth/secrets'
import { messageRepo, type DeliveryRow, type MessageRow } from '../../store/messages'
import { caseRepo } from '../../store/cases'
import { outboxRepo, type OutboxRow } from '../../store/outbox'
import { staffReads } from '../../cases/responsibility'
import { DELIVER_MESSAGE } from '../../messages/effect'
import { implement } from '../define'

function messageView(m: MessageRow): MessageView {
  const { content } = m
  return { id: m.id, kind: m.kind, caseNo: content.caseNo, title: content.title, body: content.body, at: content.at, read: m.read_at !== null, link: content.link }
}

/** Where a message's latest job stands; no job yet reads as sending. */
function stateOf(job: OutboxRow | undefined): Pick<StaffMessage, 'state' | 'lastError'> {
  if (!job) return { state: 'sending', lastError: null }
  if (job.dead_at) return { state: 'dead', lastError: job.last_error }
  if (job.sent_at) return { state: job.external_id === 'inbox' || job.external_id === 'muted' ? 'inbox' : 'sent', lastError: null }
  return { state: 'sending', lastError: job.last_error }
}

const receiptOf = (d: DeliveryRow) => ({
  channel: d.channel, status: d.status, code: d.provider_code, detail: d.detail, providerId: d.provider_id, at: new Date(d.at).toISOString(),
})

/** `report_time` (Beijing time, `YYYY-MM-DD hh:mm:ss`) as an instant. */
const beijing = (t: string) => new Date(`${t.replace(' ', 'T')}+08:00`)

export async function messageRoutes(app: FastifyInstance, opts: { now?: () => number; smsReportToken?: string | null } = {}): Promise<void> {
  const now = opts.now ?? Date.now
  const repo = () => messageRepo(app.db)

  // Alibaba Cloud's delivery reports: unknown token → the same 404 as no route, so the address gives nothing away.
  implement(app, API.messages.smsReports, async (request) => {
    const token = opts.smsReportToken
    if (!token || !sameSecret(request.params.token, token)) throw new ProblemError('NOT_FOUND')
    const written = await repo().smsReports(request.body.map((r) => ({
      providerId: r.biz_id, delivered: r.success, code: r.err_code, detail: r.err_msg ?? null, at: beijing(r.report_time),
    })))
    if (written.length) request.log.info({ reports: request.body.length, written: written.length }, 'sms delivery reports')
    return { code: 0, msg: '接收成功' }
  }, { rateLimit: { max: 600, timeWindow: '1 minute' } })

  implement(app, API.messages.list, async (request) => {
    const accountId = request.citizen.accountId
    const rows = await repo().forAccount(accountId, { before: request.query.before, limit: MESSAGES_PAGE })
    return { messages: rows.map(messageView), unread: await repo().unread(accountId) }
  })

  implement(app, API.messages.read, async (request, reply) => {
    if (!(await repo().markRead(request.citizen.accountId, request.params.id, new Date(now())))) throw new ProblemError('NOT_FOUND')
    return reply.code(204).send()
  })

  implement(app, API.messages.shown, async (request, reply) => {
    if (!(await repo().markShown(request.citizen.accountId, request.params.id, new Date(now())))) throw new ProblemError('NOT_FOUND')
    return reply.code(204).send()
  })

  implement(app, API.messages.readAll, async (request, reply) => {
    await repo().markAllRead(request.citizen.accountId, new Date(now()))
    return reply.code(204).send()
  })

  const settingsOf = async (accountId: string) => {
    const muted = await repo().mutedKinds(accountId)
    return { kinds: KINDS_SENT.map((kind) => ({ kind, label: MESSAGE_KIND_LABELS[kind], enabled: !muted.has(kind) })) }
  }
  implement(app, API.messages.settings, async (request) => settingsOf(request.citizen.accountId))
  implement(app, API.messages.saveSettings, async (request) => {
    const accountId = request.citizen.accountId
    // A switch for a kind nobody is sent today would be kept and promise something: refused, by its place in the body.
    const errors = request.body.kinds.flatMap((k, i) => (KINDS_SENT.includes(k.kind) ? [] : [{ path: `kinds.${i}.kind`, code: 'not_sent', message: '这类消息现在不会发给您，不用设置' }]))
    if (errors.length) throw new ProblemError('VALIDATION', { errors })
    await repo().setKinds(accountId, Object.fromEntries(request.body.kinds.map((k) => [k.kind, k.enabled])))
    return settingsOf(accountId)
  })

  implement(app, API.messages.forCase, async (request) => {
    const row = await caseRepo(app.db).byNo(request.params.caseNo)
    if (!row) throw new ProblemError('CASE_NOT_FOUND')
    // What the applicant was told is theirs: a look is logged like the application's.
    await staffReads(app.db, request.staff, row, ['messages'])
    const messages = await repo().forCase(row.id)
    const receipts = await repo().deliveries(messages.map((m) => m.id))
    const jobs = new Map<string, OutboxRow>()
    for (const job of await outboxRepo(app.db).forCase(row.id)) {
      if (job.kind === DELIVER_MESSAGE) jobs.set(String(job.payload.messageId), job) // oldest first: the latest stays
    }
    return messages.map((m): StaffMessage => ({
      id: m.id, kind: m.kind, label: MESSAGE_KIND_LABELS[m.kind], title: m.content.title, body: m.content.body, at: m.content.at, read: m.read_at !== null,
      ...stateOf(jobs.get(m.id)),
      receipts: receipts.filter((d) => d.message_id === m.id).map(receiptOf),
    }))
  })

  implement(app, API.messages.resend, async (request, reply) => {
    const message = await repo().byId(request.params.id)
    const job = message?.case_id
      ? (await outboxRepo(app.db).forCase(message.case_id)).filter((j) => j.kind === DELIVER_MESSAGE && j.payload.messageId === message.id).at(-1)
      : undefined
    if (!message || !job?.dead_at) throw new ProblemError('NOT_FOUND', { detail: '没有这条已停止发送的消息' })
    await outboxRepo(app.db).revive(job.id, [DELIVER_MESSAGE], new Date(now()))
    // Sent now if this process runs the dispatcher, else by the worker on its next round.
    app.outbox.kick()
    return reply.code(202).send({ id: message.id })
  })
}
