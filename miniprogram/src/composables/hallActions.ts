/**
 * What a hall's buttons do, wherever a hall is listed (a guide's 办理地点,
 * 服务大厅): call its phone, or open it on WeChat's map.
 */
import Taro from '@tarojs/taro'
import type { Hall } from '@tongban/core'

export function callHall(phone: string): void {
  void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
}

export function navigateToHall(hall: Hall): void {
  if (hall.lat === undefined || hall.lng === undefined) return
  void Taro.openLocation({ latitude: hall.lat, longitude: hall.lng, name: hall.name, address: hall.address, scale: 16 })
    .catch(() => undefined)
}
