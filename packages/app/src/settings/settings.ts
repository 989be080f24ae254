/** User preferences kept on the device: elderly mode (长辈模式). */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { readJson, usePlatform, writeJson } from '../platform/platform'

const KEY = 'tb.settings'

interface StoredSettings {
  elderly: boolean
}

export const useSettingsStore = defineStore('settings', () => {
  const platform = usePlatform()
  const elderly = ref(false)
  const loaded = ref(false)

  async function load(): Promise<void> {
    const s = await readJson<StoredSettings>(platform.storage, KEY)
    elderly.value = s?.elderly === true
    loaded.value = true
  }

  async function setElderly(on: boolean): Promise<void> {
    elderly.value = on
    await writeJson(platform.storage, KEY, { elderly: on } satisfies StoredSettings)
  }

  return { elderly, loaded, load, setElderly }
})
