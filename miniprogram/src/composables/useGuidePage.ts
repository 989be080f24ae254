/**
 * What the guide page needs: the guide (from the device at once, then the
 * BFF), the citizen's answers and checklist, the halls from the catalogue
 * snapshot, the phone/map actions, and 在线申请 (signing in first) — not
 * offered when an answer says another item is the one to apply for.
 */
import { computed, ref } from 'vue'
import Taro from '@tarojs/taro'
import { useCatalogueStore, useChecklist, useGuideStore, useSessionStore } from '@tongban/app'
import { callHall as call, navigateToHall as navigate } from './hallActions'
import { applyUrl, openLogin } from './navigation'

export function useGuidePage(code: string) {
  const guides = useGuideStore()
  const catalogue = useCatalogueStore()
  guides.entry(code)
  const entry = computed(() => guides.entries[code]!)
  const item = computed(() => entry.value.item)
  const { answers, questions, checklist, otherItem, answer, reset } = useChecklist(item)

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

  const session = useSessionStore()
  const applying = ref(false)
  /** 在线申请 with the answers given here; signed out, the login page comes first and then goes on to it. */
  async function apply(): Promise<void> {
    if (applying.value) return
    applying.value = true
    try {
      if (!session.signedIn) await session.load()
      const url = applyUrl(code, answers.value)
      if (session.signedIn) await Taro.navigateTo({ url }).catch(() => undefined)
      else openLogin(url)
    } finally {
      applying.value = false
    }
  }

  return { entry, item, answers, questions, checklist, otherItem, answer, reset, locations, load, call, navigate, apply, applying }
}
