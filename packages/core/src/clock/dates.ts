/**
 * Calendar dates as text (YYYY-MM-DD), with no holiday data attached: the
 * forms check a typed date with this, and need not load the working-day
 * calendar to do it.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isCalendarDay(s: unknown): s is string {
  if (typeof s !== 'string') return false
  const m = DATE.exec(s)
  if (!m) return false
  // Counted, not parsed: Date.UTC reads years 0–99 as 1900–1999.
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3])
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!
}
