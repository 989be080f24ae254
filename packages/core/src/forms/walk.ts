/**
 * Reading a validated form back: which materials it attaches (for the BFF to
 * check ownership and sizes) and the rows of the review page and the case
 * detail (label and readable value), the same in the PWA, the mini-program
 * and staff pages. Both take the `values` validateForm returned, so hidden
 * fields are already gone.
 */
import type { FieldOption, FormField, FormSchema, FormValues, MaterialField, MaterialValue } from './schema'
import type { Situation } from '../catalogue/types'
import type { Answers } from '../catalogue/materials'
import { questionText } from '../catalogue/situations'
import { validateForm } from './validate'
import { attachedOf, attachedText, type Attached, type AttachmentDetails } from './attachments'

export interface MaterialRef {
  /** Dotted path: `businessLicenceFile`, `members.0.photo`. */
  path: string
  label: string
  value: MaterialValue
  field: MaterialField
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function fieldsOf(schema: FormSchema): FormField[] {
  return Array.isArray(schema.fields) ? schema.fields : []
}

export function materialRefs(schema: FormSchema, values: FormValues): MaterialRef[] {
  const out: MaterialRef[] = []
  const walk = (fields: FormField[], vals: Record<string, unknown>, prefix: string, labelPrefix: string) => {
    for (const f of fields) {
      const v = Object.hasOwn(vals, f.name) ? vals[f.name] : undefined
      const path = prefix + f.name
      if (f.type === 'material' && isObj(v) && (v.kind === 'upload' || v.kind === 'eLicence')) {
        out.push({ path, label: labelPrefix + f.label, value: v as MaterialValue, field: f })
      } else if (f.type === 'group' && Array.isArray(v)) {
        v.forEach((item, i) => { if (isObj(item)) walk(f.fields, item, `${path}.${i}.`, `${labelPrefix}${f.label}${i + 1} · `) })
      }
    }
  }
  walk(fieldsOf(schema), values, '', '')
  return out
}

/** The details the filled-in values carry beside each id (the material field keeps the name, size and type, or the licence's title and holder). */
export function attachmentsFromValues(schema: FormSchema, filled: FormValues): AttachmentDetails {
  return new Map(materialRefs(schema, filled).map((r) => [r.path, r.value as unknown as Record<string, unknown>]))
}

/**
 * The values with what is known of each attached material set beside its id
 * (a file's name, size and type; a licence's title and holder), as a
 * material field keeps them: a form restored from the submitted case (补正)
 * then shows each file as it was, not a bare 已上传.
 */
export function withAttachmentDetails(schema: FormSchema, values: FormValues, details: AttachmentDetails): FormValues {
  const walk = (fields: FormField[], vals: Record<string, unknown>, prefix: string): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...vals }
    for (const f of fields) {
      const v = vals[f.name]
      const path = prefix + f.name
      if (f.type === 'material' && isObj(v) && (v.kind === 'upload' || v.kind === 'eLicence')) {
        out[f.name] = { ...details.get(path), ...attachedOf(v as MaterialValue, details.get(path)) }
      } else if (f.type === 'group' && Array.isArray(v)) {
        out[f.name] = v.map((item, i) => (isObj(item) ? walk(f.fields, item, `${path}.${i}.`) : item))
      }
    }
    return out
  }
  return walk(fieldsOf(schema), values, '') as FormValues
}

export interface ReviewRow {
  path: string
  label: string
  /** Readable text; '' when not filled. */
  text: string
  /** Rows of a group item are indented under the group's heading row. */
  depth: number
  /** A material field's file (name, size, type) or e-licence (title, holder), for the shell to show with a thumbnail or badge. */
  attached?: Attached
}

/** How a shell names an attached material or a region in the review (file name, licence title, region names). */
export interface ReviewNames {
  material?: (value: MaterialValue & { name?: string; title?: string }) => string
  /** What is known of each attached material beyond its id, by path (attachmentsFromValues, attachmentsFromCase). */
  attachments?: AttachmentDetails
  region?: (code: string) => string | undefined
}

function optionLabel(options: FieldOption[], v: unknown): string {
  return options.find((o) => o.value === v)?.label ?? String(v)
}

/** 省 市 区 as read: a municipality is its own city (北京市 北京市 朝阳区 reads 北京市 朝阳区). */
export function regionValueText(v: Record<string, unknown>, name?: (code: string) => string | undefined): string {
  return ['province', 'city', 'district']
    .map((k) => v[k])
    .filter((c): c is string => typeof c === 'string' && c !== '')
    .map((c) => name?.(c) ?? c)
    .filter((n, i, all) => i === 0 || n !== all[i - 1])
    .join(' ')
}

function regionText(v: Record<string, unknown>, names: ReviewNames): string {
  return regionValueText(v, names.region)
}

/** The attached material at `path` with what the shell knows of it; undefined for anything else. */
function attachedAt(f: FormField, v: unknown, path: string, names: ReviewNames): Attached | undefined {
  if (f.type !== 'material' || !isObj(v) || (v.kind !== 'upload' && v.kind !== 'eLicence')) return undefined
  return attachedOf(v as MaterialValue, names.attachments?.get(path))
}

export function fieldText(f: FormField, v: unknown, names: ReviewNames = {}, path: string = f.name): string {
  if (v === undefined || v === null || v === '') return ''
  switch (f.type) {
    case 'select':
    case 'radio':
      return optionLabel(f.options, v)
    case 'checkbox':
      return Array.isArray(v) ? v.map((x) => optionLabel(f.options, x)).join('、') : ''
    case 'switch':
      return v === true ? '是' : '否'
    case 'consent':
      return v === true ? '已同意' : '未同意'
    case 'money':
      return typeof v === 'number' ? `${v.toFixed(2)} 元` : String(v)
    case 'dateRange':
      return isObj(v) ? `${String(v.start ?? '')} 至 ${String(v.end ?? '')}` : ''
    case 'region':
      return isObj(v) ? regionText(v, names) : ''
    case 'material': {
      if (!isObj(v)) return ''
      const m = v as MaterialValue & { name?: string; title?: string }
      if (names.material) return names.material(m)
      const a = attachedAt(f, v, path, names)
      return a ? attachedText(a) : ''
    }
    case 'group':
      return Array.isArray(v) ? `${v.length} 项` : ''
    default:
      return String(v)
  }
}

export function reviewRows(schema: FormSchema, values: FormValues, names: ReviewNames = {}): ReviewRow[] {
  const rows: ReviewRow[] = []
  const walk = (fields: FormField[], vals: Record<string, unknown>, prefix: string, depth: number) => {
    for (const f of fields) {
      if (!Object.hasOwn(vals, f.name)) continue
      const v = vals[f.name]
      const path = prefix + f.name
      const attached = attachedAt(f, v, path, names)
      rows.push({ path, label: f.label, text: fieldText(f, v, names, path), depth, ...(attached ? { attached } : {}) })
      if (f.type === 'group' && Array.isArray(v)) {
        v.forEach((item, i) => {
          if (!isObj(item)) return
          rows.push({ path: `${path}.${i}`, label: `${f.label} 第${i + 1}项`, text: '', depth: depth + 1 })
          walk(f.fields, item, `${path}.${i}.`, depth + 2)
        })
      }
    }
  }
  walk(fieldsOf(schema), values, '', 0)
  return rows
}

export interface SupplementChoice {
  path: string
  label: string
  /** What the citizen gave, readable; '' where nothing was. */
  text: string
  material: boolean
}

/**
 * What the window may ask to be corrected (Art. 32, all at once): every
 * field of the form the citizen sees with their answers, filled or left
 * empty, since a missing material is the commonest thing to ask for. The
 * workbench offers these and the BFF accepts no other path.
 */
export function supplementChoices(schema: FormSchema, values: FormValues, answers: Answers = {}, names: ReviewNames = {}): SupplementChoice[] {
  const visible = new Set(validateForm(schema, values, { answers }).visible)
  return fieldsOf(schema)
    .filter((f) => visible.has(f.name))
    .map((f) => ({ path: f.name, label: f.label, text: Object.hasOwn(values, f.name) ? fieldText(f, values[f.name], names) : '', material: f.type === 'material' }))
}

/** Each 补正 reason with the label of the field it concerns, as both shells list them. */
export function labelledSupplement(schema: FormSchema, items: readonly { path: string; reason: string }[]): { path: string; label: string; reason: string }[] {
  return items.map((s) => ({ path: s.path, reason: s.reason, label: fieldsOf(schema).find((f) => f.name === s.path.split('.')[0])?.label ?? s.path }))
}

/** The situation questions asked and what was chosen, for the review: 未选择 where none was. */
export function situationRows(questions: Situation[], answers: Answers): { label: string; text: string }[] {
  return questions.map((q) => {
    const a = answers[q.id]
    const chosen = Array.isArray(a) ? a : a ? [a] : []
    return { label: questionText(q), text: q.options.filter((o) => chosen.includes(o.value)).map((o) => o.label).join('、') || '未选择' }
  })
}
