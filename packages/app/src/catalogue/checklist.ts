/**
 * A citizen's answers to an item's situation questions, kept per item on the
 * device (a reload or a lost signal never loses them), and the checklist
 * the core derives from them (and the other item an answer points to).
 */
import { computed, ref, watch, type Ref } from 'vue'
import { answerWith, otherItemFor, resolveMaterials, visibleSituations, type Answers, type ItemGuide } from '@tongban/core'
import { readJson, usePlatform, writeJson } from '../platform/platform'

const keyOf = (code: string) => `tb.answers.${code}`

export function useChecklist(item: Ref<ItemGuide | null>) {
  const platform = usePlatform()
  const answers = ref<Answers>({})
  const restored = ref(false)

  watch(
    () => item.value?.code,
    async (code) => {
      restored.value = false
      answers.value = {}
      if (!code) return
      answers.value = (await readJson<Answers>(platform.storage, keyOf(code))) ?? {}
      restored.value = true
    },
    { immediate: true },
  )

  const questions = computed(() => (item.value ? visibleSituations(item.value, answers.value) : []))
  const checklist = computed(() => (item.value ? resolveMaterials(item.value, answers.value) : null))
  /** An answer meaning another item is the one to apply for: the guide links it, and no application is offered here. */
  const otherItem = computed(() => (item.value ? otherItemFor(item.value, answers.value) : null))

  async function answer(situationId: string, value: string | string[]): Promise<void> {
    // A none-of-these option (没有) excludes the others: the core's rule, the same in both shells.
    answers.value = item.value ? answerWith(item.value, answers.value, situationId, value) : { ...answers.value, [situationId]: value }
    if (item.value) await writeJson(platform.storage, keyOf(item.value.code), answers.value)
  }

  async function reset(): Promise<void> {
    answers.value = {}
    if (item.value) await platform.storage.remove(keyOf(item.value.code))
  }

  return { answers, restored, questions, checklist, otherItem, answer, reset }
}
