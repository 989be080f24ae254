/**
 * Runs the catalogue store's (asynchronous, on-device) search whenever the
 * query, the snapshot or the pinyin (loaded apart, on first search) changes;
 * a slower earlier answer never overwrites a newer one.
 */
import { ref, shallowRef, watch } from 'vue'
import type { ItemListQuery, ItemPage } from '@tongban/core'
import { useCatalogueStore } from '@tongban/app'

export function useCatalogueSearch(query: () => ItemListQuery) {
  const catalogue = useCatalogueStore()
  const result = shallowRef<ItemPage | null>(null)
  const searching = ref(false)
  let latest = 0

  watch(
    [query, () => catalogue.snapshot, () => catalogue.pinyinPending],
    async ([q, snapshot]) => {
      if (!snapshot) return
      const mine = ++latest
      searching.value = true
      try {
        const page = await catalogue.search(q)
        if (mine === latest) result.value = page
      } finally {
        if (mine === latest) searching.value = false
      }
    },
    { immediate: true, deep: true },
  )

  return { result, searching }
}
