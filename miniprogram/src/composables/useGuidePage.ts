/**
 * What the guide page needs: the guide (from the device at once, then the
 * BFF), the citizen's answers and checklist, the halls from the catalogue
 * snapshot, and the phone/map actions.
 */
import { computed } from 'vue'
import Taro from '@tarojs/taro'
import type { Hall } from '@tongban/core'
import { useCatalogueStore, useChecklist, useGuideStore } from '@tongban/app'

export function useGuidePage(code: string) {
  const guides = useGuideStore()
  const catalogue = useCatalogueStore()
  guides.entry(code)
  const entry = computed(() => guides.entries[code]!)
  const item = computed(() => entry.value.item)
  const { answers, questions, checklist, answer, reset } = useChecklist(item)

  const locations = computed(() =>
    (item.value?.locations ?? []).map((loc) => ({
      ...loc,
      hall: catalogue.halls.find((h) => h.id === loc.hallId),
    })),
  )

  function load(): void {
    void guides.open(code)
    if (catalogue.status === 'idle') void catalogue.load()
  }

  function call(phone: string): void {
    void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
  }

  function navigate(hall: Hall): void {
    if (hall.lat === undefined || hall.lng === undefined) return
    void Taro.openLocation({ latitude: hall.lat, longitude: hall.lng, name: hall.name, address: hall.address, scale: 16 })
      .catch(() => undefined)
  }

  return { entry, item, answers, questions, checklist, answer, reset, locations, load, call, navigate }
}
