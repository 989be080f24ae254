/** Small display helpers shared by pages. */
export function formatDate(ms: number | string | null | undefined): string {
  if (ms === null || ms === undefined) return ''
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

export function daysLabel(days: number | null): string {
  if (days === null) return '法律未规定'
  if (days === 0) return '即时办结'
  return `${days}个工作日`
}

/** A map link that works on any phone without an SDK. */
export function mapUrl(name: string, lat?: number, lng?: number): string | null {
  if (lat === undefined || lng === undefined) return null
  return `https://uri.amap.com/marker?position=${lng},${lat}&name=${encodeURIComponent(name)}&coordinate=wgs84&callnative=1`
}

export function telUrl(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`
}
