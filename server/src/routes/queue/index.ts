/**
 * 排队取号 (API.queue): a hall's queue, taking a number, the ticket's own
 * page, cancelling and 我到了 for the visitor (signed in or not: a ticket's
 * random id is its key; changing it needs the account or the device that
 * took it); the window clerk's queue, calling the next and each step.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  API, beijingTime, hoursText, queueConfigIssues, ratingIssues, minutesEach, normalizeMobile, openingState, opensAtText, takeTicketIssues, ticketTransition, TICKET_REFUSAL_TEXT,
  waitRange, windowsServing, type HallQueueConfig, type HallQueueSetup, type StaffTicket, type TicketAction, type TicketView, type WaitRange,
} from '@tongban/core'
import { ProblemError } from '../../errors'
import { SESSION_COOKIE, tokenOf } from '../../auth/access'
import { queueRepo, TicketHeld, type TicketRow } from '../../store/queue'
import type { Queryable } from '../../store/db'
import { tellVisitor } from '../../messages/queue-messages'
import { implement } from '../define'
import { hallCache, type QueueHall } from './halls'
import { renderHallPoster } from '../../notices/poster'
import { sendPdf } from '../uploads/stored-files'

/** How long a category's recent service times are kept: a wait estimate need not change by the request. */
const MINUTES_CACHE_MS = 10_000
/** Finished tickets this recent say how long a visitor takes (older halls' habits change). */
const SAMPLE_DAYS = 7
const DAY_MS = 86_400_000

type Hall = QueueHall

/** The mini-program's take-number page (the independent subpackage a 小程序码 opens). */
export const MINI_TAKE_PAGE = 'packages/queue/pages/take/index'

export async function queueRoutes(app: FastifyInstance, opts: { ignoreHours?: boolean; miniCode?: { envVersion: 'release' | 'trial' | 'develop'; checkPath: boolean } } = {}): Promise<void> {
  const repo = () => queueRepo(app.db)
  const now = () => app.now()

  const halls = hallCache(app)
  const hallOf = (hallId: string) => halls.get(hallId)

  const categoryOf = (config: HallQueueConfig, code: string) => config.categories.find((c) => c.code === code)

  const minutes = new Map<string, { at: number; value: Promise<number[]> }>()
  /** The wait a ticket with `ahead` before it has in a category. */
  async function waitFor(hallId: string, config: HallQueueConfig, category: string, ahead: number): Promise<WaitRange> {
    const c = categoryOf(config, category)
    if (!c) return waitRange(ahead, 10, 1)
    const key = `${hallId}/${category}`
    const t = Date.now()
    let kept = minutes.get(key)
    if (!kept || t - kept.at > MINUTES_CACHE_MS) {
      kept = { at: t, value: repo().serviceMinutes(hallId, category, new Date(now() - SAMPLE_DAYS * DAY_MS)) }
      minutes.set(key, kept)
      kept.value.catch(() => minutes.delete(key))
    }
    return waitRange(ahead, minutesEach(c, await kept.value), windowsServing(config, category).length)
  }

  async function ticketView(t: TicketRow): Promise<TicketView> {
    const { hall, config } = await hallOf(t.hall_id)
    const ahead = t.state === 'waiting' ? await repo().ahead(t, new Date(now())) : 0
    const hereUntil = t.state === 'no_show' && t.no_show_at ? new Date(t.no_show_at.getTime() + config.recallWindowMinutes * 60_000).toISOString() : null
    return {
      id: t.id, hallId: t.hall_id, hallName: hall.name, number: t.number, category: t.category, categoryName: categoryOf(config, t.category)?.name ?? t.category,
      state: t.state, ahead, wait: t.state === 'waiting' ? await waitFor(t.hall_id, config, t.category, ahead) : { min: 0, max: 0 },
      windowNo: t.window_no, takenAt: t.taken_at.toISOString(), calledAt: t.called_at?.toISOString() ?? null,
      hereUntil, transferredTo: t.transferred_to, nearAhead: config.nearAhead, rating: t.rating,
    }
  }

  const staffTicket = (t: TicketRow, config: HallQueueConfig): StaffTicket => ({
    id: t.id, number: t.number, category: t.category, categoryName: categoryOf(config, t.category)?.name ?? t.category, state: t.state,
    windowNo: t.window_no, recalls: t.recalls, queuedAt: t.queued_at.toISOString(), calledAt: t.called_at?.toISOString() ?? null, caseNo: t.case_no,
  })

  /** Word to the hall's screen and its open ticket pages, after the change committed. */
  const announce = (t: TicketRow, recall = false) => app.live.publishToHall(t.hall_id, {
    type: 'queue', hallId: t.hall_id, ticketId: t.id, number: t.number, category: t.category, state: t.state, windowNo: t.window_no, recall,
  })

  /**
   * A step and what it tells, in one transaction: the step (`fn`), then 叫号
   * to the visitor it called, and 快到号了 to whoever in these categories is
   * now near the window. After the commit: the hall's word, each told
   * person's 消息 badge, and the outbox woken to send.
   */
  async function stepAndTell(hall: Hall, config: HallQueueConfig, at: number, fn: (tx: Queryable) => Promise<TicketRow | null>, opts: { called?: boolean; categories: (t: TicketRow) => string[] }): Promise<TicketRow | null> {
    const told: { accountId: string; messageId: string }[] = []
    const moved = await app.db.transaction(async (tx) => {
      const t = await fn(tx)
      if (!t) return null
      const facts = (x: TicketRow, ahead: number) => ({
        ticketId: x.id, number: x.number, hallName: hall.name, categoryName: categoryOf(config, x.category)?.name ?? x.category, ahead, windowNo: x.window_no, at: new Date(at).toISOString(),
      })
      const who = (x: TicketRow) => ({ ticketId: x.id, accountId: x.account_id, phone: x.phone })
      const said = []
      if (opts.called) said.push(await tellVisitor(tx, who(t), 'queue_called', facts(t, 0), `called:${t.called_at?.getTime() ?? at}`, new Date(at)))
      for (const category of opts.categories(t)) {
        for (const near of await queueRepo(tx).nearToTell(hall.id, t.day, category, config.nearAhead, new Date(at))) {
          said.push(await tellVisitor(tx, who(near), 'queue_near', facts(near, near.ahead), 'near', new Date(at)))
        }
      }
      for (const s of said) if (s) told.push(s)
      return t
    })
    if (moved) {
      for (const m of told) app.live.publishToAccount(m.accountId, { type: 'message', id: m.messageId, caseNo: null })
      app.outbox.kick()
    }
    return moved
  }

  /** The signed-in citizen's account, when the request carries a session (a public route: none is fine). */
  async function accountOf(request: FastifyRequest): Promise<string | null> {
    const token = tokenOf(request, SESSION_COOKIE)
    const session = token ? await app.sessions.resolve(token) : null
    return session?.accountId ?? null
  }

  implement(app, API.queue.hall, async (request) => {
    const { hall, config } = await hallOf(request.params.hallId)
    const at = now()
    const state = openingState(config.hours, at, app.clock.calendar)
    const counts = await repo().waitingCounts(hall.id, beijingTime(at).day)
    const categories = await Promise.all(config.categories.map(async (c) => {
      const waiting = counts.get(c.code) ?? 0
      return { code: c.code, name: c.name, waiting, wait: await waitFor(hall.id, config, c.code, waiting) }
    }))
    return { hall, open: state.open || opts.ignoreHours === true, hours: hoursText(config.hours), takeUntil: state.takeUntil, opensAt: state.opensAt, categories }
  })

  implement(app, API.queue.display, async (request) => {
    const { hall, config } = await hallOf(request.params.hallId)
    const day = beijingTime(now()).day
    const [current, recent, counts] = await Promise.all([repo().atWindows(hall.id, day), repo().recentCalls(hall.id, day), repo().waitingCounts(hall.id, day)])
    return {
      hall: { id: hall.id, name: hall.name },
      windows: config.windows.map((w) => {
        const t = current.find((c) => c.window_no === w.no)
        return { no: w.no, current: t ? { number: t.number, state: t.state, calledAt: t.called_at?.toISOString() ?? null } : null }
      }),
      recent: recent.map((t) => ({ number: t.number, windowNo: t.window_no!, at: t.called_at!.toISOString() })),
      categories: config.categories.map((c) => ({ code: c.code, name: c.name, waiting: counts.get(c.code) ?? 0 })),
    }
  })

  /** The hall_admin's own hall, its queue and the catalogue items handled there. */
  async function setupOf(hallId: string | null) {
    if (!hallId) throw new ProblemError('HALL_NOT_FOUND', { detail: '您的账户没有所属的服务大厅' })
    halls.forget(hallId)
    const { hall, config } = await hallOf(hallId)
    const items = await app.db.query<{ code: string; name: string }>(
      `select code, doc->>'name' as name from items where doc->'locations' @> $1::jsonb order by code`, [JSON.stringify([{ hallId }])],
    )
    return { hall: { id: hall.id, name: hall.name }, config: config as HallQueueSetup['config'], items }
  }

  implement(app, API.queue.setup, async (request) => setupOf(request.staff.hallId))
  implement(app, API.queue.miniCode, async (request, reply) => {
    const { hall } = await setupOf(request.staff.hallId)
    // The take page reads `h=<hallId>` from the scene (≤ 32 characters: the hall ids are).
    const code = await app.wechat.unlimitedQrCode({ scene: `h=${hall.id}`, page: MINI_TAKE_PAGE, width: 860, checkPath: opts.miniCode?.checkPath ?? true, envVersion: opts.miniCode?.envVersion ?? 'release' })
    if (!code.ok) {
      request.log.warn({ hall: hall.id, code: code.code, errcode: code.errcode, message: code.message }, 'wechat: no 小程序码')
      throw new ProblemError('WECHAT_UNAVAILABLE', { detail: '小程序码暂时生成不了，请稍后再试；也可以先张贴扫码取号海报' })
    }
    return reply.type(code.contentType).header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${hall.name}取号小程序码.png`)}`).send(code.image)
  })

  implement(app, API.queue.saveSetup, async (request) => {
    const hallId = request.staff.hallId
    const setup = await setupOf(hallId)
    const config = {
      ...request.body,
      categories: request.body.categories.map((c) => ({ ...c, name: c.name.trim() })),
      windows: [...request.body.windows].sort((a, b) => a.no - b.no),
    }
    const errors = queueConfigIssues(config, new Set(setup.items.map((i) => i.code)))
    if (errors.length) throw new ProblemError('VALIDATION', { errors })
    await repo().saveConfig(setup.hall.id, config)
    request.log.info({ hall: setup.hall.id, staff: request.staff.id }, 'queue configuration saved')
    return setupOf(hallId)
  })

  implement(app, API.queue.poster, async (request, reply) => {
    const { hall, config } = await hallOf(request.params.hallId)
    const pdf = await renderHallPoster({ hallName: hall.name, url: `${app.printedOrigin()}/h/${hall.id}`, config, printedOn: beijingTime(now()).day })
    reply.header('cache-control', 'no-cache')
    return sendPdf(reply, `${hall.name}扫码取号海报.pdf`, pdf)
  })

  implement(app, API.queue.take, async (request, reply) => {
    const { hall, config } = await hallOf(request.params.hallId)
    const accountId = await accountOf(request)
    const body = request.body
    const errors = takeTicketIssues(config, body, accountId !== null)
    if (errors.length) throw new ProblemError('VALIDATION', { errors })
    const at = now()
    const state = openingState(config.hours, at, app.clock.calendar)
    if (!state.open && !opts.ignoreHours) {
      throw new ProblemError('QUEUE_CLOSED', { detail: `${opensAtText(state.opensAt, at)}。取号时间：${hoursText(config.hours)}` })
    }
    const phone = body.phone ? normalizeMobile(body.phone) : null
    try {
      const t = await repo().take({ hallId: hall.id, category: body.category, day: beijingTime(at).day, holder: { accountId, deviceId: body.deviceId ?? null, phone, caseNo: body.caseNo?.trim().toUpperCase() || null }, at: new Date(at), nearAhead: config.nearAhead })
      announce(t)
      reply.code(201)
      return { id: t.id, number: t.number, category: t.category, ahead: t.ahead, wait: await waitFor(hall.id, config, t.category, t.ahead) }
    } catch (e) {
      if (e instanceof TicketHeld) throw new ProblemError('TICKET_HELD', e.ticketId ? { detail: e.ticketId } : {})
      throw e
    }
  })

  implement(app, API.queue.ticket, async (request) => {
    const t = await repo().byId(request.params.id)
    if (!t) throw new ProblemError('TICKET_NOT_FOUND')
    return ticketView(t)
  })

  /** The account or the device that took it: only they may change it. */
  async function ownedTicket(request: FastifyRequest, id: string, deviceId: string | undefined): Promise<TicketRow> {
    const t = await repo().byId(id)
    if (!t) throw new ProblemError('TICKET_NOT_FOUND')
    const accountId = await accountOf(request)
    const owns = t.account_id ? t.account_id === accountId : t.device_id !== null && t.device_id === deviceId
    if (!owns) throw new ProblemError('NOT_YOUR_TICKET')
    return t
  }

  implement(app, API.queue.rate, async (request) => {
    const t = await ownedTicket(request, request.params.id, request.body.deviceId)
    const errors = ratingIssues(request.body)
    if (errors.length) throw new ProblemError('VALIDATION', { errors })
    if (t.state !== 'done') throw new ProblemError('TICKET_STATE', { detail: '办结后才能评价' })
    if (t.rating !== null) throw new ProblemError('TICKET_STATE', { detail: '这次服务已经评价过了，谢谢您' })
    const rated = await repo().rate(t.id, request.body.score, request.body.note?.trim() || null, new Date(now()))
    if (!rated) throw new ProblemError('TICKET_STATE', { detail: '这次服务已经评价过了，谢谢您' })
    request.log.info({ hall: t.hall_id, ticket: t.id, window: t.window_no, rating: request.body.score }, 'queue rating')
    return ticketView(rated)
  })

  /** A change by the visitor: only the account or the device that took it. */
  async function visitorStep(request: FastifyRequest, id: string, deviceId: string | undefined, action: Extract<TicketAction, 'cancel' | 'here'>): Promise<TicketView> {
    const t = await ownedTicket(request, id, deviceId)
    const { hall, config } = await hallOf(t.hall_id)
    const at = now()
    const move = ticketTransition({ state: t.state, recalls: t.recalls, noShowAt: t.no_show_at?.getTime() ?? null }, action, config, at)
    if ('refused' in move) throw new ProblemError('TICKET_STATE', { detail: TICKET_REFUSAL_TEXT[move.refused], reason: move.refused })
    // A cancelled place moves those behind it up.
    const moved = await stepAndTell(hall, config, at, (tx) => queueRepo(tx).step(t.id, t.state, move.to, new Date(at)), { categories: (x) => (action === 'cancel' ? [x.category] : []) })
    if (!moved) throw new ProblemError('TICKET_STATE')
    announce(moved)
    return ticketView(moved)
  }

  implement(app, API.queue.cancel, async (request) => visitorStep(request, request.params.id, request.body.deviceId, 'cancel'))
  implement(app, API.queue.here, async (request) => visitorStep(request, request.params.id, request.body.deviceId, 'here'))

  /** The clerk's hall and the window they named. */
  async function windowOf(hallId: string | null, windowNo: string) {
    if (!hallId) throw new ProblemError('WINDOW_NOT_FOUND', { detail: '您的账户没有所属的服务大厅' })
    const { hall, config } = await hallOf(hallId)
    const window = config.windows.find((w) => w.no === Number(windowNo))
    if (!window) throw new ProblemError('WINDOW_NOT_FOUND')
    return { hall, config, window }
  }

  implement(app, API.queue.window, async (request) => {
    const { hall, config, window } = await windowOf(request.staff.hallId, request.params.windowNo)
    const day = beijingTime(now()).day
    const [current, waiting, counts] = await Promise.all([
      repo().atWindow(hall.id, day, window.no), repo().waiting(hall.id, day, window.categories, new Date(now())), repo().waitingCounts(hall.id, day),
    ])
    return {
      hall: { id: hall.id, name: hall.name },
      windows: config.windows.map((w) => ({ no: w.no, categories: [...w.categories] })),
      window: { no: window.no, categories: [...window.categories] },
      current: current ? staffTicket(current, config) : null,
      waiting: waiting.map((t) => staffTicket(t, config)),
      categories: config.categories.map((c) => ({ code: c.code, name: c.name, waiting: counts.get(c.code) ?? 0 })),
    }
  })

  implement(app, API.queue.callNext, async (request) => {
    const { hall, config, window } = await windowOf(request.staff.hallId, request.params.windowNo)
    const at = now()
    const day = beijingTime(at).day
    const current = await repo().atWindow(hall.id, day, window.no)
    if (current) throw new ProblemError('TICKET_STATE', { detail: `请先处理${current.number}号（${current.state === 'called' ? '已叫号' : '正在办理'}），再叫下一位` })
    const called = await stepAndTell(hall, config, at, (tx) => queueRepo(tx).callNext(hall.id, day, window.no, window.categories, new Date(at)), { called: true, categories: (t) => [t.category] })
    if (!called) throw new ProblemError('NOBODY_WAITING')
    request.log.info({ hall: hall.id, window: window.no, number: called.number }, 'queue call')
    announce(called)
    return staffTicket(called, config)
  })

  implement(app, API.queue.act, async (request) => {
    const t = await repo().byId(request.params.id)
    // Another hall's ticket is not this clerk's to touch: the same answer as none.
    if (!t || t.hall_id !== request.staff.hallId) throw new ProblemError('TICKET_NOT_FOUND')
    const { hall, config } = await hallOf(t.hall_id)
    const { action, category } = request.body
    const at = now()
    const move = ticketTransition({ state: t.state, recalls: t.recalls, noShowAt: t.no_show_at?.getTime() ?? null }, action, config, at)
    if ('refused' in move) throw new ProblemError('TICKET_STATE', { detail: TICKET_REFUSAL_TEXT[move.refused], reason: move.refused })
    if (action === 'transfer') {
      if (!category || !categoryOf(config, category) || category === t.category) {
        throw new ProblemError('VALIDATION', { errors: [{ path: 'category', code: 'not_in_hall', message: '请选择本大厅的另一项业务' }] })
      }
      try {
        const moved = await stepAndTell(hall, config, at, (tx) => queueRepo(tx).transfer(t.id, t.state, category, new Date(at)), { categories: (x) => [t.category, x.category] })
        if (!moved) throw new ProblemError('TICKET_STATE')
        announce({ ...t, state: 'transferred' })
        announce(moved)
        return staffTicket(moved, config)
      } catch (e) {
        if ((e as { code?: string }).code === '23505') throw new ProblemError('TICKET_HELD', { detail: '这位办事人在那项业务已经有一个号了' })
        throw e
      }
    }
    const moved = await repo().step(t.id, t.state, move.to, new Date(at), { recall: action === 'recall' })
    if (!moved) throw new ProblemError('TICKET_STATE')
    announce(moved, action === 'recall')
    return staffTicket(moved, config)
  })
}
