/**
 * 我授权的代办 on 我的, both shells: the agents this resident let apply for an item, each in the core's words
 * (consentLine). A failure to ask leaves the list out: it is a record to read, not a step to take.
 */
import { ref } from 'vue'
import { API, consentLine, type Consent } from '@tongban/core'
import { usePlatform } from '../platform/platform'

export function useMyConsents() {
  const platform = usePlatform()
  const consents = ref<Consent[]>([])
  async function load(): Promise<void> {
    try {
      consents.value = await platform.api.call(API.identity.myConsents)
    } catch {
      consents.value = []
    }
  }
  return { consents, load, line: consentLine }
}
