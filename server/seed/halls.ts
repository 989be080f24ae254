/**
 * Service halls of the fictional city 示例市, one tree across all four levels:
 *
 *   示例市政务服务中心 (city)
 *   ├─ 东城区政务服务中心 (district)
 *   │   └─ 青山镇便民服务中心 (township)
 *   │       ├─ 杏花村便民服务站 (village)
 *   │       └─ 石桥村便民服务站 (village)
 *   └─ 西湖区政务服务中心 (district)
 *       └─ 湖滨街道便民服务中心 (township)
 *           └─ 柳岸社区便民服务站 (village)
 *
 * Region codes are FICTIONAL: the prefix 3799 is not assigned in GB/T 2260.
 * 379900 stands for the city, 379902 for 东城区, 379903 for 西湖区; halls of
 * townships and villages carry the code of their district (GB/T 2260 stops at
 * county level). Phone numbers are fictional too.
 */
import type { Hall, HallLevel } from '@tongban/core'

export const HALL = {
  city: {
    id: 'sls-zwfwzx',
    name: '示例市政务服务中心',
    level: 'city',
    regionCode: '379900',
    address: '示例市东城区人民大道188号（市民之家）',
    hours: '周一至周五 9:00-12:00，13:30-17:00；周六 9:00-12:00（部分窗口，法定节假日除外）',
    phone: '0799-86112345',
    lat: 31.8206,
    lng: 117.2272,
  },
  dongcheng: {
    id: 'dcq-zwfwzx',
    name: '东城区政务服务中心',
    level: 'district',
    regionCode: '379902',
    address: '示例市东城区建设路66号',
    hours: '周一至周五 9:00-12:00，13:30-17:00；周六 9:00-12:00',
    phone: '0799-86201234',
    lat: 31.8392,
    lng: 117.2551,
  },
  xihu: {
    id: 'xhq-zwfwzx',
    name: '西湖区政务服务中心',
    level: 'district',
    regionCode: '379903',
    address: '示例市西湖区湖光路201号',
    hours: '周一至周五 9:00-12:00，13:30-17:00；周六 9:00-12:00',
    phone: '0799-86301234',
    lat: 31.7975,
    lng: 117.1863,
  },
  qingshan: {
    id: 'dcq-qsz-bmfwzx',
    name: '东城区青山镇便民服务中心',
    level: 'township',
    regionCode: '379902',
    address: '示例市东城区青山镇青山街18号（镇政府东侧）',
    hours: '周一至周五 8:30-12:00，14:00-17:30',
    phone: '0799-86251180',
    lat: 31.9124,
    lng: 117.3318,
  },
  hubin: {
    id: 'xhq-hbjd-bmfwzx',
    name: '西湖区湖滨街道便民服务中心',
    level: 'township',
    regionCode: '379903',
    address: '示例市西湖区湖滨街道滨河路9号',
    hours: '周一至周五 9:00-12:00，13:30-17:00；周六 9:00-12:00',
    phone: '0799-86351190',
    lat: 31.7802,
    lng: 117.1705,
  },
  xinghua: {
    id: 'dcq-qsz-xhc-bmfwz',
    name: '青山镇杏花村便民服务站',
    level: 'village',
    regionCode: '379902',
    address: '示例市东城区青山镇杏花村村民委员会一楼',
    hours: '周一至周五 8:30-11:30，14:00-17:00（农忙时节以村务公告为准）',
    phone: '0799-86252031',
    lat: 31.9307,
    lng: 117.3489,
  },
  shiqiao: {
    id: 'dcq-qsz-sqc-bmfwz',
    name: '青山镇石桥村便民服务站',
    level: 'village',
    regionCode: '379902',
    address: '示例市东城区青山镇石桥村村民服务中心',
    hours: '周一至周五 8:30-11:30，14:00-17:00（农忙时节以村务公告为准）',
    phone: '0799-86252047',
    lat: 31.8968,
    lng: 117.3620,
  },
  liuan: {
    id: 'xhq-hbjd-lasq-bmfwz',
    name: '湖滨街道柳岸社区便民服务站',
    level: 'village',
    regionCode: '379903',
    address: '示例市西湖区湖滨街道柳岸路32号（柳岸社区党群服务中心一楼）',
    hours: '周一至周五 9:00-12:00，13:30-17:30；周六 9:00-12:00',
    phone: '0799-86352266',
    lat: 31.7741,
    lng: 117.1618,
  },
} as const satisfies Record<string, Hall & { level: HallLevel }>

export type HallKey = keyof typeof HALL

export const halls: Hall[] = Object.values(HALL).map((h) => ({ ...h }))
