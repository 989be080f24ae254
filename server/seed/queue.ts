/**
 * Each demo hall's queue (issue 19): its categories with their prefix
 * letters, the windows serving them, and its opening hours — as a hall_admin
 * would configure them. A category serves the items of its departments that
 * the hall handles (the guides' locations), so a guide's 去大厅办 finds it;
 * a hall with few items has few categories (a village station one).
 */
import type { HallQueueConfig, OpeningHours, QueueCategory } from '@tongban/core'
import { HALL } from './halls'
import type { SeedItem } from './types'

interface CategoryPlan { code: string; name: string; prefixes: readonly string[]; serviceMinutes: number }

/** The city hall's categories (the districts' and townships' keep the letters of those they have). */
const CITY_CATEGORIES: readonly CategoryPlan[] = [
  { code: 'A', name: '综合受理', prefixes: ['MZ', 'SJ', 'ZJ', 'WJ', 'CL', 'NY', 'JT', 'GJ'], serviceMinutes: 10 },
  { code: 'B', name: '社保医保', prefixes: ['RS', 'YB'], serviceMinutes: 8 },
  { code: 'C', name: '不动产登记', prefixes: ['BDC', 'ZR'], serviceMinutes: 15 },
  { code: 'D', name: '公安户政', prefixes: ['GA'], serviceMinutes: 8 },
]

const WEEKDAYS_AND_SATURDAY: OpeningHours = {
  workdays: [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:00' }],
  saturday: [{ from: '09:00', to: '12:00' }],
  lastTakeMinutes: 30,
}

const HOURS: Record<string, OpeningHours> = {
  [HALL.city.id]: WEEKDAYS_AND_SATURDAY,
  [HALL.dongcheng.id]: WEEKDAYS_AND_SATURDAY,
  [HALL.xihu.id]: WEEKDAYS_AND_SATURDAY,
  [HALL.hubin.id]: WEEKDAYS_AND_SATURDAY,
  [HALL.qingshan.id]: { workdays: [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }], lastTakeMinutes: 30 },
  [HALL.xinghua.id]: { workdays: [{ from: '08:30', to: '11:30' }, { from: '14:00', to: '17:00' }], lastTakeMinutes: 15 },
  [HALL.shiqiao.id]: { workdays: [{ from: '08:30', to: '11:30' }, { from: '14:00', to: '17:00' }], lastTakeMinutes: 15 },
  [HALL.liuan.id]: { workdays: [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:30' }], saturday: [{ from: '09:00', to: '12:00' }], lastTakeMinutes: 15 },
}

/** Windows per hall level: the city has most, a village station one. */
const WINDOWS_PER_CATEGORY: Record<string, number> = { city: 2, district: 1, township: 1, village: 1 }

function itemsAt(items: readonly SeedItem[], hallId: string, prefixes: readonly string[]): string[] {
  return items.filter((i) => i.locations.some((l) => l.hallId === hallId) && prefixes.includes(i.code.split('-')[0]!)).map((i) => i.code)
}

/** The queue of each demo hall, by hall id. */
export function seedQueues(items: readonly SeedItem[]): Record<string, HallQueueConfig> {
  const out: Record<string, HallQueueConfig> = {}
  for (const hall of Object.values(HALL)) {
    let categories: QueueCategory[]
    if (hall.level === 'village') {
      // One window does everything a village station handles.
      categories = [{ code: 'A', name: '便民服务', items: itemsAt(items, hall.id, CITY_CATEGORIES.flatMap((c) => c.prefixes)), serviceMinutes: 10 }]
    } else {
      categories = CITY_CATEGORIES
        .map((c) => ({ code: c.code, name: c.name, items: itemsAt(items, hall.id, c.prefixes), serviceMinutes: c.serviceMinutes }))
        .filter((c) => c.items.length > 0 || c.code === 'A')
    }
    const perCategory = WINDOWS_PER_CATEGORY[hall.level] ?? 1
    const windows = categories.flatMap((c, i) => Array.from({ length: perCategory }, (_, k) => ({ no: i * perCategory + k + 1, categories: [c.code] })))
    // The city's last window takes every category (综合窗口), so no queue waits on one window alone.
    if (hall.level === 'city') windows.push({ no: windows.length + 1, categories: categories.map((c) => c.code) })
    out[hall.id] = { categories, windows, hours: HOURS[hall.id]!, recalls: 2, recallWindowMinutes: 30, nearAhead: 3 }
  }
  return out
}
