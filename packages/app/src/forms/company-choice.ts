/**
 * 以哪家企业申请 (company items, both shells): the form's 经营者名称 and
 * 统一社会信用代码 (the top-level fields prefilled with the company's name and
 * credit code) come from the company on the profile or from a 营业执照 in
 * the wallet, not typed again: the citizen picks one, both fields are filled
 * and shown read-only, and the form's 营业执照 material takes that licence
 * when it is still empty. 其他企业 leaves them to be typed (the licence rule
 * then refuses another company's 营业执照 at its field).
 */
import { computed, ref } from 'vue'
import { toProblem } from '../catalogue/catalogue'
import type { ApplicationForm } from './application'
import type { MaterialSource } from './material-source'
import type { FormField, FormValues, Licence, MaterialField, Problem } from '@tongban/core'

export const BUSINESS_LICENCE = '营业执照'

export interface CompanyOption {
  /** The credit code: one option per company, the profile's first. */
  key: string
  name: string
  creditCode: string
  from: 'profile' | 'licence'
  /** Where it came from, in words: 我的企业信息 / 电子营业执照. */
  source: string
  licence?: Licence
}

export const COMPANY_CHOICE_TEXT = {
  question: '以哪家企业申请？',
  other: '其他企业（手动填写名称和统一社会信用代码）',
  fromProfile: '我的企业信息',
  fromLicence: '电子营业执照',
  locked: '来自所选企业，如需更换，请在上方重新选择',
  none: '没有找到您名下的企业。请手动填写；在“我的 → 企业信息”保存后，下次会自动带出。',
} as const

/** A licence as a material value: the holder beside the id, for the core's ownership rule (licences/owner.ts). */
export function licenceValue(l: Licence): FormValues[string] {
  return {
    kind: 'eLicence', licenceId: l.id, title: l.title, type: l.type, holder: l.holder, holderKind: l.holderKind,
    ...(l.holderCreditCode ? { holderCreditCode: l.holderCreditCode } : {}),
    ...(l.holderSelf !== undefined ? { holderSelf: l.holderSelf } : {}),
  } as unknown as FormValues[string]
}

export function useCompanyChoice(form: ApplicationForm, opts: {
  materials: MaterialSource
  /** The company on the applicant's profile, if any (the citizen's own; none for an agent). */
  profile: () => { name: string; creditCode: string } | null | undefined
}) {
  const fields = computed(() => {
    const all: FormField[] = form.schema.value?.fields ?? []
    return {
      name: all.find((f) => f.type === 'text' && f.prefill === 'companyName')?.name,
      code: all.find((f) => f.type === 'creditCode' && f.prefill === 'creditCode')?.name,
      licence: all.find((f): f is MaterialField => f.type === 'material' && !!f.eLicenceTypes?.includes(BUSINESS_LICENCE))?.name,
    }
  })
  /** The form names a company: there is something to choose. */
  const active = computed(() => !!fields.value.name && !!fields.value.code)

  const licences = ref<Licence[] | null>(null)
  const problem = ref<Problem | null>(null)
  const manual = ref(false)

  const options = computed<CompanyOption[]>(() => {
    const out: CompanyOption[] = []
    const p = opts.profile()
    if (p) out.push({ key: p.creditCode, name: p.name, creditCode: p.creditCode, from: 'profile', source: COMPANY_CHOICE_TEXT.fromProfile })
    for (const l of licences.value ?? []) {
      if (l.type !== BUSINESS_LICENCE || l.holderKind !== 'company' || !l.holderCreditCode) continue
      const known = out.find((o) => o.key === l.holderCreditCode)
      if (known) known.licence ??= l
      else out.push({ key: l.holderCreditCode, name: l.holder, creditCode: l.holderCreditCode, from: 'licence', source: COMPANY_CHOICE_TEXT.fromLicence, licence: l })
    }
    return out
  })

  const current = computed(() => ({
    name: fields.value.name ? form.get(fields.value.name) : undefined,
    code: fields.value.code ? form.get(fields.value.code) : undefined,
  }))
  /** The option the form holds now (by name and code), 'other' once typed or asked for, else null. */
  const chosen = computed<string | null>(() => {
    const { name, code } = current.value
    const hit = options.value.find((o) => o.name === name && typeof code === 'string' && o.creditCode === code.trim().toUpperCase())
    if (hit && !manual.value) return hit.key
    return manual.value || name || code ? 'other' : null
  })

  form.lockWith(() => {
    const out = new Map<string, string>()
    if (!active.value || !chosen.value || chosen.value === 'other') return out
    out.set(fields.value.name!, COMPANY_CHOICE_TEXT.locked)
    out.set(fields.value.code!, COMPANY_CHOICE_TEXT.locked)
    return out
  })

  /** Reads the wallet's 营业执照 (once); a failure leaves the profile's company and typing. */
  async function load(): Promise<void> {
    if (!active.value || licences.value) return
    problem.value = null
    try {
      licences.value = await opts.materials.licences()
    } catch (e) {
      problem.value = toProblem(e)
    }
  }

  function choose(key: string): void {
    const { name, code, licence } = fields.value
    if (!name || !code) return
    if (key === 'other') {
      if (chosen.value !== 'other') {
        form.set(name, undefined)
        form.set(code, undefined)
      }
      manual.value = true
      return
    }
    const o = options.value.find((x) => x.key === key)
    if (!o) return
    manual.value = false
    form.set(name, o.name)
    form.set(code, o.creditCode)
    form.touch(name)
    form.touch(code)
    // Its 营业执照 as the material, where none was given yet.
    if (o.licence && licence && !form.get(licence)) {
      form.set(licence, licenceValue(o.licence))
      form.touch(licence)
    }
  }

  return { active, options, chosen, problem, load, choose, text: COMPANY_CHOICE_TEXT }
}

export type CompanyChoice = ReturnType<typeof useCompanyChoice>
