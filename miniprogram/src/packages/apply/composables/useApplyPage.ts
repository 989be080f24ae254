/**
 * The 在线申请 page: the guide (for its form), the form being filled, and
 * the steps after it — 核对 (review rows, delivery, personal-data consent),
 * then submitting once through the submission store, and the receipt (or
 * 已排队 when there is no network). Fields the BFF refuses send the citizen
 * back to the form with its messages at them (useServerErrors). Without a
 * real name the page asks for it in place first (form.needsRealName, also
 * after a REAL_NAME_REQUIRED refusal), and then the form is back as it was;
 * a company item's company is chosen from the profile or the wallet.
 */
import { computed, ref } from 'vue'
import Taro from '@tarojs/taro'
import {
  attachmentsFromValues, hallMaterials, otherItemFor, reviewRows, shanghaiDate, situationRows, SUBMIT_MESSAGES, visibleSituations,
  type Answers, type CaseDetail, type Problem,
} from '@tongban/core'
import {
  citizenMaterials, useApplicationForm, useCompanyChoice, useDeliveryChoice, useGuideStore, useSessionStore, useSubmissionStore, usePlatform,
} from '@tongban/app'
import { fieldId, provideApplyForm } from './formContext'
import { useServerErrors } from './useServerErrors'
import { regionTree } from '../region/areas'

export type ApplyStep = 'form' | 'review' | 'submitted' | 'queued'

function parseAnswers(raw: string | undefined): Answers | undefined {
  if (!raw) return undefined
  try {
    const v = JSON.parse(raw) as unknown
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Answers) : undefined
  } catch {
    return undefined
  }
}

export function useApplyPage(code: string, carriedAnswers?: string) {
  const platform = usePlatform()
  const guides = useGuideStore()
  const session = useSessionStore()
  const submissions = useSubmissionStore()
  guides.entry(code)
  const entry = computed(() => guides.entries[code]!)
  const item = computed(() => entry.value.item)

  const form = useApplicationForm({ itemCode: code, item, answers: parseAnswers(carriedAnswers) })
  const serverErrors = useServerErrors(form)
  const company = useCompanyChoice(form, { materials: citizenMaterials(platform.api), profile: () => session.account?.company })
  provideApplyForm({ form, itemCode: code, today: shanghaiDate(platform.now()), serverErrorOf: serverErrors.errorOf })

  const step = ref<ApplyStep>('form')
  // The item's own choices (the core's rule, as the PWA's): 电子证照 only where it issues one.
  const { choices: deliveryChoices, delivery } = useDeliveryChoice(item)
  const personalDataConsent = ref(false)
  const consentError = ref('')
  const submitting = ref(false)
  const problem = ref<Problem | null>(null)
  const receipt = ref<CaseDetail | null>(null)
  const signedOut = ref(false)

  /** An answer meaning another item: no application here (the PWA's rule, the core's otherItemFor). */
  const otherItem = computed(() => (item.value ? otherItemFor(item.value, form.answers.value) : null))
  /** The originals the one visit is for, which the form does not take. */
  const atHall = computed(() => (item.value ? hallMaterials(item.value, form.answers.value) : []))

  async function load(): Promise<void> {
    await guides.open(code)
    if (!session.signedIn) await session.load()
    signedOut.value = !session.signedIn
    if (item.value?.form) await form.restore()
  }

  function scrollTo(selector: string): void {
    void Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined)
  }

  /** 下一步: with errors, the summary shows and the page goes to the first wrong field. */
  function toReview(): void {
    const checked = form.check()
    if (!checked.ok) {
      scrollTo(`#${fieldId(checked.firstPath ?? '')}`)
      return
    }
    step.value = 'review'
    problem.value = null
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  function goToField(path: string): void {
    step.value = 'form'
    // The form renders again first.
    setTimeout(() => scrollTo(`#${fieldId(path)}`), 50)
  }

  const rows = computed(() => {
    const schema = form.schema.value
    const result = form.result.value
    if (!schema || !result) return []
    // The validator drops a material's name, size and type (a licence's title and holder): take them from what was filled.
    const tree = regionTree()
    return reviewRows(schema, result.values, { region: (c) => tree.names.get(c), attachments: attachmentsFromValues(schema, form.values.value) })
  })

  /** The situation answers the form was filled for (情形), read back first on 核对, as the PWA's review does. */
  const situations = computed(() => (item.value ? situationRows(visibleSituations(item.value, form.answers.value), form.answers.value) : []))

  async function submit(): Promise<void> {
    const current = item.value
    const schema = form.schema.value
    const checked = form.check()
    if (!current || !schema) return
    if (!checked.ok) {
      goToField(checked.firstPath ?? '')
      return
    }
    if (!personalDataConsent.value) {
      consentError.value = SUBMIT_MESSAGES.personalDataConsent
      return
    }
    if (submitting.value) return
    submitting.value = true
    problem.value = null
    try {
      const outcome = await submissions.submit({
        itemCode: code,
        itemName: current.name,
        body: {
          itemCode: code, formVersion: schema.version, values: form.result.value!.values, answers: form.answers.value,
          delivery: delivery.value, personalDataConsent: true,
        },
      })
      if (outcome.kind === 'rejected' && outcome.problem.code === 'REAL_NAME_REQUIRED') {
        // The BFF knows better than this device: ask for it in place, then back to the form.
        await session.load()
        step.value = 'form'
        return
      }
      if (outcome.kind === 'rejected') {
        problem.value = outcome.problem
        // Refused by field: back to the form, each message at its field, the page at the first one.
        const first = serverErrors.show(outcome.problem.errors ?? [])
        if (first !== undefined) goToField(first)
        return
      }
      if (outcome.kind === 'submitted') receipt.value = outcome.case
      step.value = outcome.kind === 'submitted' ? 'submitted' : 'queued'
      await form.discardDraft()
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    } finally {
      submitting.value = false
    }
  }

  /** 实名 given in place: the form as it was, from the top. */
  function realNameSaved(): void {
    step.value = 'form'
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  function setConsent(v: boolean): void {
    personalDataConsent.value = v
    if (v) consentError.value = ''
  }

  async function clearDraft(): Promise<void> {
    const { confirm } = await Taro.showModal({ title: '清空草稿', content: '已填写的内容都会清空，确定吗？', confirmText: '清空' })
      .catch(() => ({ confirm: false }))
    if (!confirm) return
    await form.clear()
    void Taro.showToast({ title: '草稿已清空', icon: 'none' }).catch(() => undefined)
  }

  return {
    entry, item, form, company, serverErrors, step, delivery, deliveryChoices, otherItem, atHall, personalDataConsent, consentError, submitting, problem, receipt, signedOut,
    rows, situations, load, toReview, goToField, submit, setConsent, clearDraft, realNameSaved,
  }
}
