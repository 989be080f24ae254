/**
 * "Check your answers" (核对申请信息): the visible fields of a filled form as
 * label + readable value rows, in form order, for the review step of both
 * shells. Option values become their labels, dates and amounts read as a
 * citizen writes them; a group becomes one block of rows per item. Region
 * names come from the shell (the region list is a shell's data).
 */
import { formFieldStates, type ValidationContext } from './validate'
import type { FieldValue, FormField, FormSchema, FormValues, RegionValue } from './schema'

export interface ReviewRow {
  /** Dotted path, as the validator names it. */
  path: string
  label: string
  /** What was filled, in words; NOT_FILLED when empty. */
  value: string
  /** A group's items, each a list of rows. */
  items?: ReviewRow[][]
}

export interface ReviewOptions extends ValidationContext {
  /** `广东省 深圳市 南山区` for a region value; without it, the codes are shown. */
  regionLabel?: (value: RegionValue) => string
}

export const NOT_FILLED = '未填写'

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim()
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return undefined
}

function optionLabel(f: FormField, v: string): string {
  const options = 'options' in f && Array.isArray(f.options) ? f.options : []
  return options.find((o) => o.value === v)?.label ?? v
}

/** One non-group value, in words; undefined when empty. */
export function formatFieldValue(f: FormField, v: FieldValue | undefined, options: ReviewOptions = {}): string | undefined {
  if (v === undefined || v === null) return undefined
  switch (f.type) {
    case 'money': {
      const n = typeof v === 'number' ? v : Number(str(v))
      return Number.isFinite(n) && str(v) !== undefined ? `${n.toFixed(2)}元` : undefined
    }
    case 'select': case 'radio': {
      const s = str(v)
      return s === undefined ? undefined : optionLabel(f, s)
    }
    case 'checkbox':
      return Array.isArray(v) && v.length ? v.map((x) => optionLabel(f, String(x))).join('、') : undefined
    case 'switch':
      return typeof v === 'boolean' ? (v ? '是' : '否') : undefined
    case 'consent':
      return v === true ? '已阅读并同意' : undefined
    case 'dateRange': {
      if (!isRecord(v)) return undefined
      const start = str(v.start), end = str(v.end)
      if (!start && !end) return undefined
      return `${start ?? '?'} 至 ${end ?? '?'}`
    }
    case 'region': {
      if (!isRecord(v) || str(v.province) === undefined) return undefined
      const region = v as RegionValue
      return options.regionLabel ? options.regionLabel(region) : [region.province, region.city, region.district].filter(Boolean).join(' ')
    }
    case 'material': {
      if (!isRecord(v)) return undefined
      if (v.kind === 'upload' && str(v.fileId)) return `已上传：${str(v.name) ?? '文件'}`
      if (v.kind === 'eLicence' && str(v.licenceId)) return `电子证照：${str(v.title) ?? str(v.licenceId)}`
      return undefined
    }
    case 'group':
      return Array.isArray(v) && v.length ? `${v.length}条` : undefined
    default:
      return str(v)
  }
}

/** The rows to review, for the fields visible with these values and answers. */
export function reviewRows(schema: FormSchema, values: FormValues, options: ReviewOptions = {}): ReviewRow[] {
  const states = formFieldStates(schema, values, options)
  const rowsOf = (fields: readonly FormField[], scope: FormValues, prefix: string): ReviewRow[] => {
    const rows: ReviewRow[] = []
    for (const f of fields) {
      const path = prefix ? `${prefix}.${f.name}` : f.name
      if (!states[path]?.visible) continue
      const v = Object.hasOwn(scope, f.name) ? scope[f.name] : undefined
      const row: ReviewRow = { path, label: f.label, value: formatFieldValue(f, v, options) ?? NOT_FILLED }
      if (f.type === 'group' && Array.isArray(v)) {
        row.items = v.map((item, i) => (isRecord(item) ? rowsOf(f.fields, item as FormValues, `${path}.${i}`) : []))
      }
      rows.push(row)
    }
    return rows
  }
  return rowsOf(schema.fields, values, '')
}
