/**
 * Every page's root class: the theme, plus elderly mode (长辈模式) when the
 * citizen turned it on. Loads the setting from the device once.
 */
import { computed } from 'vue'
import { useSettingsStore } from '@tongban/app'

export function usePageTheme() {
  const settings = useSettingsStore()
  if (!settings.loaded) void settings.load()
  const pageClass = computed(() => ['tb-page', settings.elderly ? 'tb-page--elderly' : ''])
  return { settings, pageClass }
}
