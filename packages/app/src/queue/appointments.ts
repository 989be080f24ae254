/**
 * 预约 for both shells (issue 19): the booking page — a hall's categories,
 * the days that may be booked and a category's slots with the room left,
 * booking one — and the signed-in person's appointments: cancelling, and
 * checking in on arrival (the hall's QR code opens the hall page, whose
 * 我的预约 offers 签到取号), which gives a priority ticket kept on this
 * device like a number taken there. A 401 is `signedOut`: the shell offers
 * 登录 and comes back.
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { API, beijingClockText, beijingTime, type AppointmentHalls, type AppointmentSlots, type AppointmentView, type CheckedIn, type Problem } from '@tongban/core'
import { usePlatform, type KeyValueStorage, type Platform } from '../platform/platform'
import { toProblem } from '../catalogue/catalogue'
import { keptTickets, TICKETS_KEY, type KeptTicket } from './queue'

export type AppointmentsState = 'loading' | 'ready' | 'error' | 'signedOut'

/** A checked-in ticket joins this device's numbers of today (the hall page lists them, the ticket page follows them). */
async function keepTicket(storage: KeyValueStorage, t: KeptTicket, now: number): Promise<void> {
  const list = (await keptTickets(storage, now)).filter((k) => k.id !== t.id)
  await storage.set(TICKETS_KEY, JSON.stringify([...list, t].slice(-20)))
}

export interface AppointmentBooking {
  state: Ref<Exclude<AppointmentsState, 'signedOut'>>
  slots: Ref<AppointmentSlots | null>
  /** Why the slots could not be read (shown in place of them). */
  problem: Ref<Problem | null>
  /** Why a booking was refused (full, already booked that day, not signed in…), shown by the slots. */
  bookProblem: Ref<Problem | null>
  /** The slot being booked (its button waits). */
  booking: Ref<string | null>
  /** The booking just made. */
  booked: Ref<AppointmentView | null>
  /** Not signed in when booking: the shell sends the person to sign in and back. */
  needsSignIn: Ref<boolean>
  load(): Promise<void>
  /** Another category or day: its slots (the day falls back to the first that may be booked when the category changes). */
  choose(choice: { category?: string; day?: string }): Promise<void>
  /** Books the slot; the booking, or null with `bookProblem` set (the slots are read again either way). */
  book(slotStart: string): Promise<AppointmentView | null>
}

export function useAppointmentBooking(hallId: () => string, opts: { item?: () => string | undefined; platform?: Platform } = {}): AppointmentBooking {
  const platform = opts.platform ?? usePlatform()
  const state = ref<Exclude<AppointmentsState, 'signedOut'>>('loading')
  const slots = ref<AppointmentSlots | null>(null)
  const problem = ref<Problem | null>(null)
  const bookProblem = ref<Problem | null>(null)
  const booking = ref<string | null>(null)
  const booked = ref<AppointmentView | null>(null)
  const needsSignIn = ref(false)
  let wanted: { category?: string; day?: string } = {}

  async function read(): Promise<void> {
    if (state.value !== 'ready') state.value = 'loading'
    problem.value = null
    const item = opts.item?.()
    try {
      const query = { ...(wanted.category ? { category: wanted.category } : item ? { item } : {}), ...(wanted.day ? { day: wanted.day } : {}) }
      slots.value = await platform.api.call(API.appointments.slots, { params: { hallId: hallId() }, query })
      wanted = { ...(slots.value.category ? { category: slots.value.category } : {}), ...(slots.value.day ? { day: slots.value.day } : {}) }
      state.value = 'ready'
    } catch (e) {
      const p = toProblem(e)
      // A day no longer offered (the page stood open past midnight): the first that is.
      if (p.code === 'VALIDATION' && p.errors?.some((x) => x.path === 'day') && wanted.day) {
        wanted = { ...(wanted.category ? { category: wanted.category } : {}) }
        return read()
      }
      problem.value = p
      if (state.value !== 'ready') state.value = 'error'
    }
  }

  async function choose(choice: { category?: string; day?: string }): Promise<void> {
    bookProblem.value = null
    const category = choice.category ?? wanted.category
    // A new category starts on its first day unless a day was chosen with it.
    const day = choice.day ?? (choice.category && choice.category !== wanted.category ? undefined : wanted.day)
    wanted = { ...(category ? { category } : {}), ...(day ? { day } : {}) }
    await read()
  }

  async function book(slotStart: string): Promise<AppointmentView | null> {
    const s = slots.value
    if (booking.value || !s?.category) return null
    booking.value = slotStart
    bookProblem.value = null
    needsSignIn.value = false
    try {
      booked.value = await platform.api.call(API.appointments.book, { body: { hallId: s.hall.id, category: s.category, slotStart } })
      return booked.value
    } catch (e) {
      const p = toProblem(e)
      if (p.status === 401) needsSignIn.value = true
      bookProblem.value = p
      return null
    } finally {
      booking.value = null
      void read()
    }
  }

  return { state, slots, problem, bookProblem, booking, booked, needsSignIn, load: read, choose, book }
}

export interface MyAppointmentsPage {
  state: Ref<AppointmentsState>
  appointments: Ref<AppointmentView[]>
  problem: Ref<Problem | null>
  /** The appointment a step is being sent for. */
  busy: Ref<string | null>
  /** Today's live ones in the hall given (booked or checked in): the hall page's 我的预约. */
  today: ComputedRef<AppointmentView[]>
  /** Upcoming ones still booked (the booking page's list, cancel beside each). */
  upcoming: ComputedRef<AppointmentView[]>
  load(): Promise<void>
  cancel(id: string): Promise<boolean>
  /** Checks in; the ticket's id to open (kept on this device), or null with `problem` set (too early, too late…). */
  checkIn(id: string): Promise<string | null>
}

export function useMyAppointments(opts: { hallId?: () => string | undefined; platform?: Platform } = {}): MyAppointmentsPage {
  const platform = opts.platform ?? usePlatform()
  const state = ref<AppointmentsState>('loading')
  const appointments = ref<AppointmentView[]>([])
  const problem = ref<Problem | null>(null)
  const busy = ref<string | null>(null)
  /** Today as the BFF said it (a phone's clock may be wrong); the phone's until it has. */
  const serverToday = ref<string | null>(null)

  const inHall = (a: AppointmentView) => !opts.hallId?.() || a.hallId === opts.hallId()
  const today = computed(() => {
    const day = serverToday.value ?? beijingTime(platform.now()).day
    return appointments.value.filter((a) => inHall(a) && a.day === day && (a.status === 'booked' || a.status === 'checked_in'))
  })
  const upcoming = computed(() => appointments.value.filter((a) => inHall(a) && a.status === 'booked'))

  function failed(e: unknown): void {
    problem.value = toProblem(e)
    if (problem.value.status === 401) state.value = 'signedOut'
    else if (state.value !== 'ready') state.value = 'error'
  }

  async function load(): Promise<void> {
    if (state.value !== 'ready') state.value = 'loading'
    problem.value = null
    try {
      const list = await platform.api.call(API.appointments.mine)
      appointments.value = list.appointments
      serverToday.value = list.today
      state.value = 'ready'
    } catch (e) {
      failed(e)
    }
  }

  const replace = (a: AppointmentView) => { appointments.value = appointments.value.map((x) => (x.id === a.id ? a : x)) }

  async function cancel(id: string): Promise<boolean> {
    if (busy.value) return false
    busy.value = id
    problem.value = null
    try {
      replace(await platform.api.call(API.appointments.cancel, { params: { id } }))
      return true
    } catch (e) {
      // It moved meanwhile (checked in on another device, past): show where it stands, with why.
      if (toProblem(e).code === 'APPOINTMENT_STATE') await load()
      failed(e)
      return false
    } finally {
      busy.value = null
    }
  }

  async function checkIn(id: string): Promise<string | null> {
    if (busy.value) return null
    busy.value = id
    problem.value = null
    try {
      const done: CheckedIn = await platform.api.call(API.appointments.checkIn, { params: { id } })
      replace(done.appointment)
      // Kept under the phone's own day: the list of today's numbers is read by it.
      const now = platform.now()
      await keepTicket(platform.storage, { id: done.ticket.id, hallId: done.appointment.hallId, number: done.ticket.number, category: done.ticket.category, day: beijingTime(now).day }, now)
      return done.ticket.id
    } catch (e) {
      if (toProblem(e).code === 'APPOINTMENT_STATE') await load()
      failed(e)
      return null
    } finally {
      busy.value = null
    }
  }

  return { state, appointments, problem, busy, today, upcoming, load, cancel, checkIn }
}

/** When a booking may be checked in, as the hall page says it under the slot (by the BFF's word, not the phone's clock). */
export function checkInHint(a: Pick<AppointmentView, 'status' | 'canCheckIn' | 'checkInFrom' | 'checkInUntil' | 'ticketNumber'>): string {
  if (a.status === 'checked_in') return a.ticketNumber ? `已签到，您的号是 ${a.ticketNumber}` : '已签到'
  if (a.status !== 'booked') return ''
  if (a.canCheckIn) return `请现在签到取号（${beijingClockText(a.checkInUntil)} 前），签到后优先叫号`
  // Booked and not yet open: early (a booking past its time is 已过期, not booked).
  return `${beijingClockText(a.checkInFrom)} 起可以签到取号`
}

/** The halls taking appointments for an item (the guide's 预约到大厅办理); none when they cannot be read (offline: the guide still shows). */
export function useAppointmentHalls(opts: { platform?: Platform } = {}) {
  const platform = opts.platform ?? usePlatform()
  const halls = ref<AppointmentHalls['halls']>([])
  async function load(itemCode: string): Promise<void> {
    try {
      halls.value = (await platform.api.call(API.appointments.halls, { params: { code: itemCode } })).halls
    } catch {
      halls.value = []
    }
  }
  return { halls, load }
}
