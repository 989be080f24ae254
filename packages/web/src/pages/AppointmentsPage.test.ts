/**
 * 预约办理 in the PWA: the slots of the chosen business and day with the room
 * each has left, booking one, cancelling asked once more; and 我的预约 on the
 * hall page, whose 签到取号 opens the priority ticket.
 */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createPinia } from 'pinia'
import { ApiError, makeProblem, type AppointmentSlots, type AppointmentView, type FakeCalls } from '@tongban/core'
import { claimCopies, memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import { fakeApi } from '@tongban/app/testing'
import AppointmentsPage from './AppointmentsPage.vue'
import HallAppointments from '../components/queue/HallAppointments.vue'

const NOW = Date.parse('2026-12-07T10:20:00+08:00')
const HALL_ID = 'sls-zwfwzx'
const ID = '00000000-0000-4000-8000-00000000000a'
const TICKET = '00000000-0000-4000-8000-00000000000b'

const slotsOf = (left: number): AppointmentSlots => ({
  hall: { id: HALL_ID, name: '示例市政务服务中心', address: '人民大道188号' },
  categories: [{ code: 'A', name: '综合受理', capacity: 6 }, { code: 'D', name: '公安户政', capacity: 6 }, { code: 'E', name: '窗口自取', capacity: 0 }],
  days: [{ day: '2026-12-07', label: '今天 12月7日 周一' }, { day: '2026-12-08', label: '明天 12月8日 周二' }],
  category: 'D', day: '2026-12-07',
  slots: [
    { start: '2026-12-07T02:00:00.000Z', end: '2026-12-07T02:30:00.000Z', label: '10:00-10:30', capacity: 6, left: 6, bookable: false },
    { start: '2026-12-07T02:30:00.000Z', end: '2026-12-07T03:00:00.000Z', label: '10:30-11:00', capacity: 6, left, bookable: left > 0 },
  ],
  rules: '可预约今天起7个办公日以内的时段，每项业务每天预约一次。',
})
const view = (over: Partial<AppointmentView> = {}): AppointmentView => ({
  id: ID, hallId: HALL_ID, hallName: '示例市政务服务中心', category: 'D', categoryName: '公安户政', day: '2026-12-07',
  slotStart: '2026-12-07T02:30:00.000Z', slotEnd: '2026-12-07T03:00:00.000Z', slotText: '今天 12月7日 周一 10:30-11:00', status: 'booked',
  checkInFrom: '2026-12-07T02:15:00.000Z', checkInUntil: '2026-12-07T03:10:00.000Z', canCheckIn: true, canCancel: true, ticketId: null, ticketNumber: null,
  bookedAt: '2026-12-07T02:19:00.000Z', ...over,
})

async function setup(calls: FakeCalls, component: typeof AppointmentsPage | typeof HallAppointments, props: Record<string, unknown> = {}, opts: { guest?: boolean } = {}) {
  const storage = memoryStorage()
  if (!opts.guest) await claimCopies(storage, 'account-1') // someone signed in on this phone
  const account = { id: 'account-1', phone: '13966680001', name: null, idNumber: null, idNumberMasked: null, company: null }
  const api = fakeApi({ ...calls, me: async () => (opts.guest ? null : account) })
  const platform: Platform = { transport: { request: () => Promise.reject(new Error('no transport in tests')) }, api, storage, isOnline: () => true, now: () => NOW }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/h/:hallId/appointments', name: 'hall-appointments', component: AppointmentsPage },
      { path: '/h/:hallId', name: 'hall-queue', component: { template: '<p/>' } },
      { path: '/tickets/:id', name: 'ticket', component: { template: '<p/>' } },
      { path: '/login', name: 'login', component: { template: '<p/>' } },
      { path: '/halls', name: 'halls', component: { template: '<p/>' } },
    ],
  })
  await router.push(`/h/${HALL_ID}/appointments?item=GA-0002`)
  await router.isReady()
  const w = mount(component, { props, global: { plugins: [router, createPinia()], provide: { [PLATFORM_KEY as symbol]: platform } } })
  await flushPromises()
  return { w, router, storage }
}

describe('AppointmentsPage', () => {
  it('shows the slots of the item\'s business with the room left, books one, and lists it to cancel', async () => {
    let left = 2
    let held: AppointmentView[] = []
    const queries: unknown[] = []
    const { w } = await setup({
      'appointments.slots': async ({ query }) => { queries.push(query); return slotsOf(left) },
      'appointments.mine': async () => ({ appointments: held, today: '2026-12-07' }),
      'appointments.book': async () => { left -= 1; held = [view()]; return view() },
      'appointments.cancel': async () => { left += 1; held = [view({ status: 'cancelled', canCancel: false, canCheckIn: false })]; return held[0]! },
    }, AppointmentsPage)
    expect(queries[0]).toEqual({ item: 'GA-0002' })
    // Only the businesses taking appointments are offered; the item's is chosen.
    expect(w.findAll('.chips')[0]!.findAll('button').map((b) => [b.text(), b.attributes('aria-pressed')])).toEqual([['综合受理', 'false'], ['公安户政', 'true']])
    const slots = w.findAll('.slot')
    expect(slots.map((s) => s.text())).toEqual(['10:00-10:30已过或已开始', '10:30-11:00剩余 2 个预约'])
    expect(slots[0]!.attributes('disabled')).toBeDefined()

    await slots[1]!.trigger('click')
    await flushPromises()
    expect(w.get('#h-booked').text()).toBe('预约成功')
    expect(w.text()).toContain('公安户政 · 今天 12月7日 周一 10:30-11:00')
    expect(w.text()).toContain('请在10:15-11:10到大厅扫码签到取号，签到后优先叫号。')
    expect(w.findAll('.slot')[1]!.text()).toContain('剩余 1 个')

    // Cancelling asks once more.
    const mine = w.get('[aria-labelledby="h-mine"]')
    await mine.get('button').trigger('click')
    expect(w.get('[role="group"]').attributes('aria-label')).toBe('确认取消预约')
    await w.get('[role="group"] .btn-primary').trigger('click')
    await flushPromises()
    expect(w.find('[aria-labelledby="h-mine"]').exists()).toBe(false)
    expect(w.find('#h-booked').exists()).toBe(false)
    expect(w.findAll('.slot')[1]!.text()).toContain('剩余 2 个')
  })

  it('says a full slot in words, and sends a person no longer signed in to 登录', async () => {
    let refuse = makeProblem('APPOINTMENT_FULL', { detail: '今天 12月7日 周一 10:30-11:00已经约满了，请选择其他时段' })
    const { w, router } = await setup({
      'appointments.slots': async () => slotsOf(1),
      'appointments.mine': async () => ({ appointments: [], today: '2026-12-07' }),
      'appointments.book': async () => { throw new ApiError(refuse) },
    }, AppointmentsPage)
    await w.findAll('.slot')[1]!.trigger('click')
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toBe('今天 12月7日 周一 10:30-11:00已经约满了，请选择其他时段')
    refuse = makeProblem('UNAUTHENTICATED')
    await w.findAll('.slot')[1]!.trigger('click')
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toBe('请先登录 去登录')
    // Signed in, they come back to this page, on the same item.
    expect(router.resolve(w.get('[role="alert"] a').attributes('href')!).query).toEqual({ redirect: `/h/${HALL_ID}/appointments?item=GA-0002` })
  })

  it('tells a guest that booking needs a sign-in, before they choose', async () => {
    const { w } = await setup({ 'appointments.slots': async () => slotsOf(2) }, AppointmentsPage, {}, { guest: true })
    expect(w.get('.sign-in').text()).toBe('预约需要先登录。登录后预约')
    expect(w.findAll('.slot')).toHaveLength(2)
  })
})

describe('我的预约 on the hall page', () => {
  it('checks in today\'s booking and opens the priority ticket', async () => {
    const { w, router } = await setup({
      'appointments.mine': async () => ({ appointments: [view(), view({ id: `${ID.slice(0, -1)}c`, day: '2026-12-08', slotText: '明天' })], today: '2026-12-07' }),
      'appointments.checkIn': async () => ({
        appointment: view({ status: 'checked_in', canCheckIn: false, canCancel: false, ticketId: TICKET, ticketNumber: 'D003' }),
        ticket: { id: TICKET, number: 'D003', category: 'D', ahead: 0, wait: { min: 0, max: 5 } },
      }),
    }, HallAppointments, { hallId: HALL_ID, part: 'mine' })
    expect(w.get('h2').text()).toBe('我的预约')
    expect(w.findAll('li')).toHaveLength(1) // today's only
    expect(w.text()).toContain('请现在签到取号（11:10 前），签到后优先叫号')
    await w.get('button').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe(`/tickets/${TICKET}`)
  })

  it('waits with the button before the check-in time, saying when; shows nothing to a guest', async () => {
    const { w } = await setup({ 'appointments.mine': async () => ({ appointments: [view({ canCheckIn: false, checkInFrom: '2026-12-07T03:15:00.000Z' })], today: '2026-12-07' }) }, HallAppointments, { hallId: HALL_ID, part: 'mine' })
    expect(w.get('button').attributes('disabled')).toBeDefined()
    expect(w.text()).toContain('11:15 起可以签到取号')
    w.unmount()

    let asked = 0
    const guest = await setup({ 'appointments.mine': async () => { asked++; return { appointments: [view()], today: '2026-12-07' } } }, HallAppointments, { hallId: HALL_ID, part: 'mine' }, { guest: true })
    expect(asked).toBe(0)
    expect(guest.w.text()).toBe('')
  })
})
