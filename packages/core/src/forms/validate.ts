/**
 * validateForm: data in, issues out. The same pure function checks a form in
 * the PWA, in the mini-program and in the BFF, so a citizen never sees one
 * verdict on the phone and another on submit.
 *
 * - Total: any JSON for schema, values or context gives a result; a wrong
 *   type is an issue, a broken schema is a `schema_invalid` issue.
 * - Deterministic: no clock (today comes in the context), no randomness;
 *   issues come in field order, then rules.
 * - Hidden fields (visibleWhen false) are not checked and are dropped from
 *   `values`; a condition that reads one sees it as empty, so checking the
 *   returned `values` again gives the same verdict.
 * - Only declared fields are read (own properties only) and only they are
 *   written back, so `__proto__` or `constructor` in the input go nowhere.
 */
import type { Answers } from '../catalogue/materials'
import { compileSchema, isRecord, own, type CompiledCondition, type CompiledField, type CompiledRule } from './compile'
import { checkField, normalize, type Problem } from './fields'
import { isCalendarDay } from '../clock/dates'
import { formatMessage, type FormIssueCode, type FormMessageKey } from './messages'
import type { FormValues } from './schema'

export interface FormIssue {
  /** Dotted path of the value: `members.1.idNumber`, `period.end`; '' for the whole form. */
  path: string
  code: FormIssueCode
  params?: Record<string, string | number>
  /** Chinese, fit to show beside the field. */
  message: string
}

export interface ValidationContext {
  /** The citizen's answers to the item's situations (情形), for `{ situation }` conditions. */
  answers?: Answers
  /** YYYY-MM-DD in Asia/Shanghai; without it, 'today' bounds and ID birth dates in the future go unchecked. */
  today?: string
}

export interface FormResult {
  ok: boolean
  issues: FormIssue[]
  /** Normalised values of the visible fields; wrongly typed values are left out. */
  values: FormValues
  /** Paths of the fields shown now (inside group items too: `members.0.name`), for the renderers. */
  visible: string[]
  /** Paths of the shown fields that must be filled (required or requiredWhen holds). */
  required: string[]
  /**
   * The shown fields that must hold the applicant's own 实名 now (`applicant`
   * true, or its condition holds), with which part: filled from it and
   * read-only in the shells, compared with it by the BFF (identity/applicant.ts).
   */
  applicant: ApplicantField[]
}

export interface ApplicantField {
  path: string
  /** Which part of the real name the field holds. */
  key: 'name' | 'idNumber'
  label: string
}

/** With no `maxItems`, a group still stops somewhere. */
const DEFAULT_MAX_ITEMS = 500
const PENDING = Symbol('pending')

interface Run {
  visible: string[]
  required: string[]
  applicant: ApplicantField[]
  answers: Record<string, unknown>
  today: string | undefined
  issues: FormIssue[]
  defectsSeen: Set<string>
}

function push(run: Run, path: string, label: string, p: Problem): void {
  const params = p.params ?? {}
  const issue: FormIssue = { path: p.sub ? join(path, p.sub) : path, code: p.code, message: formatMessage(p.messageKey ?? p.code, { label, ...params }) }
  if (p.params) issue.params = p.params
  run.issues.push(issue)
}

function defect(run: Run, path: string, reason: string): void {
  const key = `${path}\u0000${reason}`
  if (run.defectsSeen.has(key)) return
  run.defectsSeen.add(key)
  run.issues.push({ path, code: 'schema_invalid', params: { reason }, message: formatMessage('schema_invalid') })
}

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name
}

/** The fields of one object: the form itself, or one item of a group. */
class Scope {
  private readonly values = new Map<CompiledField, unknown>()
  private readonly visibility = new Map<CompiledField, boolean | typeof PENDING>()
  private readonly items = new Map<CompiledField, (Scope | null)[]>()

  constructor(
    readonly fields: CompiledField[],
    readonly rules: CompiledRule[],
    readonly raw: Record<string, unknown>,
    readonly prefix: string,
    readonly parent: Scope | undefined,
    readonly run: Run,
  ) {}

  /** The normalised value (undefined when empty); for a group, its items' visible values. */
  value(f: CompiledField): unknown {
    if (this.values.has(f)) {
      const v = this.values.get(f)
      if (v !== PENDING) return v
      defect(this.run, f.declPath, 'condition_cycle')
      return undefined
    }
    this.values.set(f, PENDING)
    let v: unknown
    if (f.type === 'group') {
      const items = this.groupItems(f)
      v = items === undefined ? normalizeJunk(own(this.raw, f.name)) : items.length === 0 ? undefined : items.map((s) => (s ? s.output() : {}))
    } else {
      v = normalize(f, own(this.raw, f.name))
    }
    this.values.set(f, v)
    return v
  }

  /** Item scopes of a group value (null for an item that is not an object); undefined when not an array. */
  groupItems(f: CompiledField): (Scope | null)[] | undefined {
    const cached = this.items.get(f)
    if (cached) return cached
    const raw = own(this.raw, f.name)
    if (!Array.isArray(raw)) return undefined
    const cap = (f.maxItems ?? DEFAULT_MAX_ITEMS) + 1 // one over, so too_many_items still shows
    const path = join(this.prefix, f.name)
    const scopes = raw.slice(0, cap).map((item, i) =>
      isRecord(item) ? new Scope(f.fields ?? [], f.rules ?? [], item, `${path}.${i}`, this, this.run) : null)
    this.items.set(f, scopes)
    return scopes
  }

  visible(f: CompiledField): boolean {
    const seen = this.visibility.get(f)
    if (seen === PENDING) {
      defect(this.run, f.declPath, 'condition_cycle')
      return false
    }
    if (seen !== undefined) return seen
    if (!f.visibleWhen) return true
    this.visibility.set(f, PENDING)
    const v = this.holds(f.visibleWhen)
    this.visibility.set(f, v)
    return v
  }

  required(f: CompiledField): boolean {
    return f.required || (f.requiredWhen !== undefined && this.holds(f.requiredWhen))
  }

  holds(c: CompiledCondition): boolean {
    switch (c.kind) {
      case 'all': return c.of.every((x) => this.holds(x))
      case 'any': return c.of.some((x) => this.holds(x))
      case 'not': return !this.holds(c.of)
      case 'situation': {
        const a = own(this.run.answers, c.id)
        const chosen = typeof a === 'string' ? [a] : Array.isArray(a) ? a : []
        return chosen.some((v) => typeof v === 'string' && c.values.includes(v))
      }
      default: {
        const v = this.read(c.up, c.path)
        if (c.kind === 'filled') return (v !== undefined) === c.filled
        const wanted = c.kind === 'equals' ? [c.value] : c.values
        // undefined inside an array travels as null in JSON: read it as the BFF will.
        if (Array.isArray(v)) return v.some((x) => wanted.includes(x === undefined ? null : x))
        return wanted.includes(v === undefined ? null : (v as never))
      }
    }
  }

  /** A field's value as a condition sees it: empty when hidden. */
  private read(up: number, path: string[]): unknown {
    let scope: Scope | undefined = this
    for (let i = 0; i < up && scope; i++) scope = scope.parent
    const f = scope?.fields.find((x) => x.name === path[0])
    if (!scope || !f || !scope.visible(f)) return undefined
    let v = scope.value(f)
    for (const seg of path.slice(1)) {
      if (Array.isArray(v) && /^\d+$/.test(seg)) v = v[Number(seg)]
      else if (isRecord(v)) v = own(v, seg)
      else return undefined
    }
    return v
  }

  /** Visible fields' values, wrongly typed ones left out. */
  output(): FormValues {
    const out: FormValues = {}
    for (const f of this.fields) {
      if (!this.visible(f)) continue
      const v = this.value(f)
      if (v !== undefined && !hasWrongType(f, v, this)) out[f.name] = v as FormValues[string]
    }
    return out
  }

  check(): void {
    for (const f of this.fields) {
      if (!this.visible(f)) continue
      const path = join(this.prefix, f.name)
      this.run.visible.push(path)
      if (this.required(f)) this.run.required.push(path)
      if (f.applicant && (f.prefill === 'name' || f.prefill === 'idNumber') && (f.applicant === true || this.holds(f.applicant))) {
        this.run.applicant.push({ path, key: f.prefill, label: f.label })
      }
      if (f.type === 'group') this.checkGroup(f, path)
      else for (const p of checkField(f, this.value(f), this.required(f), this.run.today)) push(this.run, path, f.label, p)
    }
    for (const r of this.rules) this.checkRule(r)
  }

  private checkGroup(f: CompiledField, path: string): void {
    const items = this.groupItems(f)
    const raw = normalizeJunk(own(this.raw, f.name))
    if (items === undefined) {
      if (raw !== undefined) push(this.run, path, f.label, { code: 'invalid_type' })
      else if (this.required(f)) push(this.run, path, f.label, { code: 'required' })
      return
    }
    const total = (own(this.raw, f.name) as unknown[]).length
    const max = f.maxItems ?? DEFAULT_MAX_ITEMS
    if (total === 0) {
      if (this.required(f)) push(this.run, path, f.label, { code: 'required' })
      return
    }
    if (f.minItems !== undefined && total < f.minItems) push(this.run, path, f.label, { code: 'too_few_items', params: { min: f.minItems } })
    if (total > max) push(this.run, path, f.label, { code: 'too_many_items', params: { max } })
    items.forEach((s, i) => {
      if (s) s.check()
      else push(this.run, `${path}.${i}`, f.label, { code: 'invalid_type' })
    })
  }

  private checkRule(r: CompiledRule): void {
    if (r.kind === 'dateOrder') {
      if (!this.visible(r.start) || !this.visible(r.end)) return
      const start = this.value(r.start), end = this.value(r.end)
      if (!isCalendarDay(start) || !isCalendarDay(end)) return
      if (end > start || (!r.strict && end === start)) return
      const key: FormMessageKey = r.message ?? (r.strict ? 'date_order_strict' : 'date_order')
      push(this.run, join(this.prefix, r.end.name), r.end.label, {
        code: 'date_order', messageKey: key, params: { startLabel: r.start.label, endLabel: r.end.label },
      })
      return
    }
    if (!this.visible(r.group)) return
    const items = this.groupItems(r.group)
    if (!items || items.length === 0) return
    // In hundredths, so 33.33 + 33.33 + 33.34 is exactly 100.
    let cents = 0
    for (const s of items) {
      if (!s) return
      if (!s.visible(r.field)) continue
      const v = s.value(r.field)
      if (v === undefined) continue
      if (typeof v !== 'number' || !Number.isFinite(v)) return
      cents += Math.round(v * 100)
    }
    if (cents === Math.round(r.equals * 100)) return
    push(this.run, join(this.prefix, r.group.name), r.group.label, {
      code: 'sum_mismatch',
      messageKey: r.message ?? 'sum_mismatch',
      params: { sum: cents / 100, equals: r.equals, groupLabel: r.group.label, fieldLabel: r.field.label },
    })
  }
}

function normalizeJunk(raw: unknown): unknown {
  return raw === null || raw === '' ? undefined : raw
}

function hasWrongType(f: CompiledField, v: unknown, scope: Scope): boolean {
  if (f.type === 'group') return !Array.isArray(v)
  return checkField(f, v, false, scope.run.today).some((p) => p.code === 'invalid_type')
}

/** Checks `values` against `schema`; never throws, whatever either holds. */
export function validateForm(schema: unknown, values: unknown, context: ValidationContext = {}): FormResult {
  const ctx: Record<string, unknown> = isRecord(context) ? context : {}
  const answers = own(ctx, 'answers')
  const today = own(ctx, 'today')
  const run: Run = {
    visible: [],
    required: [],
    applicant: [],
    answers: isRecord(answers) ? answers : {},
    today: isCalendarDay(today) ? today : undefined,
    issues: [],
    defectsSeen: new Set(),
  }
  const compiled = compileSchema(schema)
  for (const d of compiled.defects) defect(run, d.path, d.reason)
  const rootIsObject = isRecord(values)
  if (!rootIsObject) push(run, '', '表单', { code: 'invalid_type' })
  const root = new Scope(compiled.fields, compiled.rules, rootIsObject ? values : {}, '', undefined, run)
  root.check()
  const out = root.output()
  return { ok: run.issues.length === 0, issues: run.issues, values: out, visible: run.visible, required: run.required, applicant: run.applicant }
}

/** Issues as a form shows them: the messages for each path, in order (like zod's flattenError). */
export function issuesByPath(issues: readonly FormIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null)
  for (const i of issues) (out[i.path] ??= []).push(i.message)
  return out
}

/**
 * The schema's own defects, for checking seeded or edited forms before they
 * are served. Condition cycles show up only when values meet them.
 */
export function schemaIssues(schema: unknown): FormIssue[] {
  const run: Run = { visible: [], required: [], applicant: [], answers: {}, today: undefined, issues: [], defectsSeen: new Set() }
  for (const d of compileSchema(schema).defects) defect(run, d.path, d.reason)
  return run.issues
}
