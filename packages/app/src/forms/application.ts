/**
 * One application form being filled (issue 5), for both shells: the values,
 * restored from the device draft and prefilled from the account; what shows
 * and what is required (the core's conditions); each field's Chinese error,
 * shown once the field was left or a submit was tried; and every change
 * written to the draft at once, one write at a time. The applicant fields
 * hold the applicant's 实名 (filled from it, read-only: lockOf), and an
 * e-licence that is not the applicant's is said at its field (the core's
 * rules, as the BFF applies them).
 */
import { computed, reactive, ref, watch, type Ref } from 'vue'
import {
  APPLICANT_MESSAGES, issuesByPath, licenceOwnerIssues, prefillForm, realNameOf, shanghaiDate, validateForm, withApplicant,
  type Answers, type FieldIssue, type FieldValue, type FormSchema, type FormValues, type ItemGuide, type RealName,
} from '@tongban/core'
import { usePlatform } from '../platform/platform'
import { useSessionStore } from '../identity/session'
import { useDraftStore } from './drafts'

export interface ApplicationFormOptions {
  itemCode: string
  item: Ref<ItemGuide | null>
  /** The situation answers the guide page carried; else the draft's. */
  answers?: Answers
  /**
   * An agent's draft for a resident: kept on this device under its own key
   * (one per consent), never sent to the BFF nor listed in 我的办件, and
   * never prefilled from the agent's own account.
   */
  privateDraft?: { key: string }
  /**
   * Whose 实名 the applicant fields hold when it is not the signed-in
   * citizen's: the consenting resident's for an agent (null: the resident
   * has none; undefined: not known yet).
   */
  applicant?: Ref<RealName | null | undefined>
  /** Said beside the read-only applicant fields (APPLICANT_MESSAGES.fromRealName unless told otherwise). */
  applicantSays?: string
}

export interface SummaryEntry {
  path: string
  message: string
}

type Container = FormValues | FormValues[]

/** A copy of `root` with `value` at the dotted path (numbers index group items); undefined removes it. */
export function setValueAt(root: FormValues, path: string, value: FieldValue | undefined): FormValues {
  const segments = path.split('.')
  const copy = (node: unknown, i: number): Container => {
    const key = segments[i]!
    const index = /^\d+$/.test(key) ? Number(key) : null
    const base: Container = index !== null
      ? (Array.isArray(node) ? [...node] : [])
      : (typeof node === 'object' && node !== null && !Array.isArray(node) ? { ...(node as FormValues) } : {})
    const current = index !== null ? (base as FormValues[])[index] : (base as FormValues)[key]
    const next = i === segments.length - 1 ? value : copy(current, i + 1)
    if (index !== null) (base as unknown[])[index] = next ?? {}
    else if (next === undefined) delete (base as FormValues)[key]
    else (base as FormValues)[key] = next as FieldValue
    return base
  }
  return copy(root, 0) as FormValues
}

export function valueAt(root: FormValues, path: string): FieldValue | undefined {
  let node: unknown = root
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node as FieldValue | undefined
}

export function useApplicationForm(options: ApplicationFormOptions) {
  const platform = usePlatform()
  const drafts = useDraftStore()
  const session = useSessionStore()

  const draftKey = options.privateDraft?.key ?? options.itemCode
  const values = ref<FormValues>({})
  const answers = ref<Answers>(options.answers ?? {})
  /** True once the draft (or the prefill) is in: only then do changes go to the draft. */
  const restored = ref(false)
  const savedAt = ref<number | null>(null)
  const touched = reactive(new Set<string>())
  const attempted = ref(false)

  const schema = computed<FormSchema | null>(() => options.item.value?.form ?? null)
  const context = computed(() => ({ answers: answers.value, today: shanghaiDate(platform.now()) }))
  const result = computed(() => (schema.value ? validateForm(schema.value, values.value, context.value) : null))
  /** The core's verdict, and where it has no other word for a material, a licence that is not the applicant's. */
  const issues = computed<FieldIssue[]>(() => {
    const own = result.value?.issues ?? []
    const said = new Set(own.map((i) => i.path))
    return [...own, ...licenceOwnerIssues(schema.value, values.value).filter((i) => !said.has(i.path))]
  })
  const messages = computed(() => issuesByPath(issues.value.map((i) => ({ ...i, code: 'invalid_type' as const }))))

  /** The applicant's real name: the resident's for an agent, else the signed-in citizen's (never an agent's own). */
  const realName = computed<RealName | null | undefined>(() => {
    if (options.applicant) return options.applicant.value
    if (options.privateDraft) return undefined
    if (session.account) return realNameOf(session.account)
    return undefined
  })
  /** Signed in, known to have no real name: the page asks for it in place before the form. */
  const needsRealName = computed(() => !options.privateDraft && !options.applicant && session.signedIn && realName.value === null)

  const lockSources: (() => ReadonlyMap<string, string>)[] = []
  /** Fields shown read-only, with why: the applicant's real name, or what another source (the chosen company) filled. */
  const locks = computed(() => {
    const out = new Map<string, string>()
    if (realName.value) {
      const says = options.applicantSays ?? APPLICANT_MESSAGES.fromRealName
      for (const f of result.value?.applicant ?? []) out.set(f.path, says)
    }
    for (const source of lockSources) for (const [path, says] of source()) if (!out.has(path)) out.set(path, says)
    return out
  })
  function lockOf(path: string): string | undefined {
    return locks.value.get(path)
  }
  /** Another source of read-only fields (useCompanyChoice's). */
  function lockWith(source: () => ReadonlyMap<string, string>): void {
    lockSources.push(source)
  }
  const visible = computed(() => new Set(result.value?.visible ?? []))
  const required = computed(() => new Set(result.value?.required ?? []))

  /** The error under a field: its own path or a part of it (`region.district`), not a group item's fields. */
  function errorFor(path: string, opts: { own?: boolean } = {}): string | undefined {
    if (!attempted.value && !touched.has(path)) return undefined
    const own = messages.value[path]?.[0]
    if (own || opts.own) return own
    const prefix = `${path}.`
    for (const [p, list] of Object.entries(messages.value)) if (p.startsWith(prefix)) return list[0]
    return undefined
  }

  /** Every issue after a failed submit, for the summary at the top; empty before. */
  const summary = computed<SummaryEntry[]>(() =>
    attempted.value ? issues.value.map((i) => ({ path: i.path, message: i.message })) : [])

  function isVisible(path: string): boolean {
    return visible.value.has(path)
  }

  function isRequired(path: string): boolean {
    return required.value.has(path)
  }

  function get(path: string): FieldValue | undefined {
    return valueAt(values.value, path)
  }

  function set(path: string, value: FieldValue | undefined): void {
    values.value = setValueAt(values.value, path, value)
  }

  function touch(path: string): void {
    touched.add(path)
  }

  function addItem(path: string): void {
    const items = get(path)
    set(path, [...(Array.isArray(items) ? (items as FormValues[]) : []), {}])
  }

  function removeItem(path: string, index: number): void {
    const items = get(path)
    if (!Array.isArray(items)) return
    set(path, (items as FormValues[]).filter((_, i) => i !== index))
    itemsMoved(path, index, -1)
  }

  /**
   * Items of the group at `path` from `index` on moved by `delta` (−1: the item
   * at `index` was removed; +1: one was put back there): "left this field"
   * marks follow their items, so a message never jumps to a neighbour.
   */
  function itemsMoved(path: string, index: number, delta: 1 | -1): void {
    const prefix = `${path}.`
    const moved: string[] = []
    for (const p of [...touched]) {
      if (!p.startsWith(prefix)) continue
      const m = /^(\d+)(\..*)?$/.exec(p.slice(prefix.length))
      if (!m) continue
      const i = Number(m[1])
      if (i < index) continue
      touched.delete(p)
      if (delta === -1 && i === index) continue
      moved.push(`${prefix}${i + delta}${m[2] ?? ''}`)
    }
    for (const p of moved) touched.add(p)
  }

  async function prefill(current: FormValues): Promise<FormValues> {
    if (!schema.value || options.privateDraft) return current
    if (!session.account && session.status === 'idle') await session.load()
    return session.account ? prefillForm(schema.value, session.account, current) : current
  }

  /** Brings back the draft (and its answers when none were carried), then fills the rest from the account. */
  async function restore(): Promise<void> {
    const draft = await drafts.open(draftKey)
    let start: FormValues = {}
    if (draft) {
      start = draft.values
      savedAt.value = draft.updatedAt
      if (!options.answers || Object.keys(options.answers).length === 0) answers.value = draft.answers ?? {}
    }
    values.value = await prefill(start)
    baseline = JSON.stringify(values.value)
    restored.value = true
  }

  // One write at a time; a change during a write is written right after it.
  let writing: Promise<void> | null = null
  let again = false
  async function save(): Promise<void> {
    const item = options.item.value
    if (!item?.form || !restored.value) return
    if (writing) {
      again = true
      return writing
    }
    writing = (async () => {
      do {
        again = false
        const saved = await drafts.save({
          itemCode: options.itemCode, itemName: item.name, formVersion: item.form!.version,
          values: JSON.parse(JSON.stringify(values.value)) as FormValues, answers: answers.value,
        }, { key: draftKey, private: !!options.privateDraft })
        savedAt.value = saved.updatedAt
      } while (again)
    })()
    try {
      await writing
    } finally {
      writing = null
    }
  }

  // What was restored (or prefilled) is not a change: an untouched form leaves no draft.
  let baseline = ''
  watch(values, (v) => {
    if (JSON.stringify(v) !== baseline) void save()
  })

  // The applicant fields hold the real name whatever a draft, another device or an older answer put there — once it is
  // known (given in place), whenever the answers make another field the applicant's, and whenever the values are
  // replaced (a newer copy pulled, a case's own values for 补正). Nothing to change leaves the values as they are.
  const applicantKey = computed(() => JSON.stringify([realName.value ?? null, result.value?.applicant.map((f) => f.path) ?? []]))
  watch([applicantKey, restored, values], () => {
    const real = realName.value
    if (!real || !restored.value || !result.value) return
    const next = withApplicant(result.value.applicant, values.value, real)
    if (next === values.value) return
    // Filling an untouched form from the real name is not the citizen's change: it leaves no draft either.
    const untouched = JSON.stringify(values.value) === baseline
    values.value = next
    if (untouched) baseline = JSON.stringify(next)
  }, { immediate: true })

  /** 清空草稿: forgets the draft and starts again from the account's details. */
  async function clear(): Promise<void> {
    await writing
    await drafts.discard(draftKey)
    restored.value = false
    touched.clear()
    attempted.value = false
    values.value = await prefill({})
    baseline = JSON.stringify(values.value)
    savedAt.value = null
    restored.value = true
  }

  /** After a submit: the draft is done with. */
  async function discardDraft(): Promise<void> {
    await writing
    restored.value = false
    await drafts.discard(draftKey)
    savedAt.value = null
  }

  /** A submit attempt: every error shows from now on; the first one's path, if any. */
  function check(): { ok: boolean; firstPath?: string } {
    attempted.value = true
    const all = issues.value
    return all.length === 0 ? { ok: true } : { ok: false, firstPath: all[0]!.path }
  }

  return {
    schema, values, answers, restored, savedAt, attempted, result, issues, summary, realName, needsRealName, lockOf, lockWith,
    errorFor, isVisible, isRequired, get, set, touch, addItem, removeItem, itemsMoved, restore, save, clear, discardDraft, check,
  }
}

export type ApplicationForm = ReturnType<typeof useApplicationForm>
