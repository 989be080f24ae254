/** GB/T 2260 code → name, for reading a region value back (review, case detail). */
import { areaList } from '@vant/area-data'

export function regionName(code: string): string | undefined {
  return areaList.province_list[code] ?? areaList.city_list[code] ?? areaList.county_list[code]
}
