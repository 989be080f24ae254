import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addWorkingDays, isWorkingDay, type CaseDetail } from '@tongban/core'
import { ConfigError, loadConfig } from './config'
import { calendarWarnings, clockSettings, productClock, readCalendarFile } from './clock'
import { minimumLivingApplication, realNameFor, signInCitizen, startTestServer } from './testing'

const dir = mkdtempSync(join(tmpdir(), 'tongban-calendar-'))
const file = (name: string, body: unknown) => {
  const path = join(dir, name)
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body))
  return path
}

describe('clock configuration', () => {
  it('adds a newly published year from WORK_CALENDAR_FILE, and warns of a year it still lacks', () => {
    // An arrangement for 2027 (illustrative): 春节 02-06..12 off, 02-14 a make-up Sunday.
    const path = file('2027.json', [{ holidays: ['2027-01-01'] }, { holidays: ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'], workdays: ['2027-02-14'] }])
    const clock = productClock(() => Date.parse('2026-11-23T04:00:00Z'), clockSettings({ yellowDays: 1, calendarFile: path }))
    expect(isWorkingDay('2027-02-08', clock.calendar)).toBe(false)
    expect(isWorkingDay('2027-02-14', clock.calendar)).toBe(true)
    expect(addWorkingDays('2027-02-05', 1, clock.calendar)).toBe('2027-02-14')
    expect(isWorkingDay('2027-02-08')).toBe(true) // the bundled calendar, which other clocks count by, is unchanged
    expect(calendarWarnings(clock)).toEqual([])
    expect(calendarWarnings(productClock(() => Date.parse('2027-11-23T04:00:00Z'), clockSettings({ yellowDays: 1, calendarFile: path })))).toEqual([expect.stringContaining('2028')])
  })

  it('refuses a calendar file that is not dates, saying where', () => {
    expect(() => readCalendarFile(file('bad.json', '{"holidays": ['))).toThrow(ConfigError)
    expect(() => readCalendarFile(file('bad2.json', { holidays: ['2027-02-30'] }))).toThrow(/entry 0 "holidays" has "2027-02-30"/)
    expect(() => readCalendarFile(file('bad3.json', { workdays: '2027-02-14' }))).toThrow(/must be a list/)
    expect(() => loadConfig({ LIGHT_YELLOW_DAYS: '-1' })).toThrow(ConfigError)
  })

  it('the yellow threshold from LIGHT_YELLOW_DAYS is the light every party sees', async () => {
    const phone = '13955550123'
    const body = minimumLivingApplication(phone, { name: '孙秀英', reason: '年老多病，子女无力赡养，生活困难。' })
    const lights: string[] = []
    for (const yellowDays of [1, 2]) {
      const server = await startTestServer({ config: { clock: { ...loadConfig({}).clock, warningSweepMs: 0, yellowDays } } })
      try {
        const { token } = await signInCitizen(server.app, phone, undefined, { realName: realNameFor(phone, '孙秀英') })
        const res = await server.app.inject({ method: 'POST', url: '/api/cases', payload: body, headers: { authorization: `Bearer ${token}`, 'idempotency-key': `clock-yellow-${yellowDays}-0000000000` } })
        expect(res.statusCode, res.body).toBe(201)
        // Pre-review: 2 working days left on the day of submission.
        expect(res.json<CaseDetail>().daysLeft).toBe(2)
        lights.push(res.json<CaseDetail>().light!)
      } finally {
        await server.close()
      }
    }
    expect(lights).toEqual(['green', 'yellow'])
  })
})
