/** Small display helpers shared by pages (the words for dates and days are the core's: chineseDate, promisedDaysLabel). */
/** A map link that works on any phone without an SDK. */
export function mapUrl(name: string, lat?: number, lng?: number): string | null {
  if (lat === undefined || lng === undefined) return null
  return `https://uri.amap.com/marker?position=${lng},${lat}&name=${encodeURIComponent(name)}&coordinate=wgs84&callnative=1`
}

export function telUrl(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`
}
