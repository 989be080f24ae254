/**
 * Reads a form schema that arrived as JSON (and so may be anything) into a
 * checked internal shape, once per validation. Every defect becomes one
 * `schema_invalid` issue naming the field by its declared path (names only,
 * no item indexes) and a `reason`; the defective part is then ignored, so a
 * broken schema fails the form but never crashes the validator.
 */
import { isFormMessageKey, type FormMessageKey } from './messages'
import { FIELD_TYPES, type FieldType, type PrefillKey, type ConditionValue } from './schema'
import { isCalendarDay } from '../clock/dates'

export type CompiledCondition =
  | { kind: 'situation'; id: string; values: string[] }
  | { kind: 'equals'; up: number; path: string[]; value: ConditionValue }
  | { kind: 'in'; up: number; path: string[]; values: ConditionValue[] }
  | { kind: 'filled'; up: number; path: string[]; filled: boolean }
  | { kind: 'all' | 'any'; of: CompiledCondition[] }
  | { kind: 'not'; of: CompiledCondition }

export interface CompiledField {
  name: string
  label: string
  type: FieldType
  /** `members.idNumber`: where the field is declared, for schema issues and cycle reports. */
  declPath: string
  required: boolean
  visibleWhen?: CompiledCondition
  requiredWhen?: CompiledCondition
  minLength?: number
  maxLength?: number
  pattern?: RegExp
  min?: number
  max?: number
  integer?: boolean
  dateMin?: string
  dateMax?: string
  options?: string[]
  minItems?: number
  maxItems?: number
  depth?: 1 | 2 | 3
  eLicence?: boolean
  /** Another's e-licence is allowed here (flagged 他人证照), not only the applicant's own. */
  eLicenceOfOthers?: boolean
  /** The applicant's own name or ID number: always (true) or while the condition holds. */
  applicant?: true | CompiledCondition
  fields?: CompiledField[]
  rules?: CompiledRule[]
  prefill?: PrefillKey
  /** A group's first item, the applicant's own (GroupField.selfItem), checked against the item's fields. */
  selfItem?: { values: Record<string, string | number | boolean>; prefill: Record<string, PrefillKey> }
}

export type CompiledRule =
  | { kind: 'dateOrder'; start: CompiledField; end: CompiledField; strict: boolean; message?: FormMessageKey }
  | { kind: 'sum'; group: CompiledField; field: CompiledField; equals: number; message?: FormMessageKey }

export interface SchemaDefect {
  path: string
  reason: string
}

export interface CompiledSchema {
  fields: CompiledField[]
  rules: CompiledRule[]
  defects: SchemaDefect[]
}

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
const RESERVED_NAMES = new Set(['constructor', 'prototype'])
const MAX_GROUP_DEPTH = 4
const MAX_CONDITION_DEPTH = 16
const DEFAULT_MAX_LENGTH: Partial<Record<FieldType, number>> = { text: 200, textarea: 2000, address: 200 }
const STRING_TYPES = new Set<FieldType>(['text', 'textarea', 'address'])
const CHOICE_TYPES = new Set<FieldType>(['select', 'radio', 'checkbox'])
/** Which profile entries may fill which field types. */
const PREFILL: Partial<Record<FieldType, readonly PrefillKey[]>> = {
  text: ['name', 'companyName'],
  mobile: ['phone'],
  residentId: ['idNumber'],
  creditCode: ['creditCode'],
}

type Rec = Record<string, unknown>

export function isRecord(x: unknown): x is Rec {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

/** An own property only: `__proto__`, `constructor` and friends read as absent. */
export function own(obj: Rec, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined
}

function isPrimitive(x: unknown): x is ConditionValue {
  return x === null || typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x))
}

/** Names declared by each enclosing scope, innermost first. */
type ScopeNames = Set<string>[]

class Compiler {
  readonly defects: SchemaDefect[] = []

  defect(path: string, reason: string): void {
    this.defects.push({ path, reason })
  }

  fields(raw: unknown, prefix: string, outer: ScopeNames, depth: number): CompiledField[] {
    if (!Array.isArray(raw)) {
      this.defect(prefix, 'fields_not_array')
      return []
    }
    // Names first, so a condition may point at a field declared after it.
    const names = new Set<string>()
    const accepted: Rec[] = []
    raw.forEach((f, i) => {
      const where = prefix ? `${prefix}.${i}` : String(i)
      if (!isRecord(f)) return this.defect(where, 'field_not_object')
      const name = own(f, 'name')
      if (typeof name !== 'string' || !NAME.test(name) || RESERVED_NAMES.has(name)) return this.defect(where, 'bad_name')
      const path = prefix ? `${prefix}.${name}` : name
      if (names.has(name)) return this.defect(path, 'duplicate_name')
      const type = own(f, 'type')
      if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) return this.defect(path, 'unknown_type')
      names.add(name)
      accepted.push(f)
    })
    const scopes = [names, ...outer]
    return accepted.map((f) => this.field(f, prefix, scopes, depth))
  }

  field(f: Rec, prefix: string, scopes: ScopeNames, depth: number): CompiledField {
    const name = f.name as string
    const type = f.type as FieldType
    const declPath = prefix ? `${prefix}.${name}` : name
    const label = own(f, 'label')
    const out: CompiledField = { name, type, declPath, label: typeof label === 'string' && label.trim() ? label.trim() : name, required: own(f, 'required') === true }
    const bad = (reason: string) => this.defect(declPath, reason)

    for (const key of ['visibleWhen', 'requiredWhen'] as const) {
      const c = own(f, key)
      if (c === undefined) continue
      const compiled = this.condition(c, scopes, 0)
      if (compiled) out[key] = compiled
      else bad(`bad_${key}`)
    }

    const count = (key: string): number | undefined => {
      const v = own(f, key)
      if (v === undefined) return undefined
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v
      bad(`bad_${key}`)
      return undefined
    }
    const bound = (key: string): number | undefined => {
      const v = own(f, key)
      if (v === undefined) return undefined
      if (typeof v === 'number' && Number.isFinite(v)) return v
      bad(`bad_${key}`)
      return undefined
    }
    const ordered = (lo: number | string | undefined, hi: number | string | undefined, reason: string) => {
      if (lo !== undefined && hi !== undefined && lo > hi) bad(reason)
    }

    const prefill = own(f, 'prefill')
    if (prefill !== undefined) {
      const allowed = PREFILL[type] ?? []
      if (typeof prefill === 'string' && (allowed as readonly string[]).includes(prefill)) out.prefill = prefill as PrefillKey
      else bad('bad_prefill')
    }

    // The applicant's own: a top-level field the real name fills (its name or its ID number).
    const applicant = own(f, 'applicant')
    if (applicant !== undefined) {
      if (prefix !== '' || (out.prefill !== 'name' && out.prefill !== 'idNumber')) bad('bad_applicant')
      else if (applicant === true) out.applicant = true
      else if (applicant !== false) {
        const compiled = this.condition(applicant, scopes, 0)
        if (compiled) out.applicant = compiled
        else bad('bad_applicant')
      }
    }

    if (STRING_TYPES.has(type)) {
      out.minLength = count('minLength')
      out.maxLength = count('maxLength') ?? DEFAULT_MAX_LENGTH[type]
      ordered(out.minLength, out.maxLength, 'length_bounds')
      const pattern = own(f, 'pattern')
      if (pattern !== undefined) {
        if (typeof pattern !== 'string') bad('bad_pattern')
        else {
          try {
            new RegExp(pattern, 'u') // on its own first: `a)|(b` must not sneak through the anchors
            out.pattern = new RegExp(`^(?:${pattern})$`, 'u')
          } catch {
            bad('bad_pattern')
          }
        }
      }
    } else if (type === 'number' || type === 'money') {
      out.min = bound('min') ?? (type === 'money' ? 0 : undefined)
      out.max = bound('max')
      ordered(out.min, out.max, 'number_bounds')
      out.integer = type === 'number' && own(f, 'integer') === true
    } else if (type === 'date' || type === 'dateRange') {
      for (const [key, target] of [['min', 'dateMin'], ['max', 'dateMax']] as const) {
        const v = own(f, key)
        if (v === undefined) continue
        if (v === 'today' || isCalendarDay(v)) out[target] = v
        else bad(`bad_${key}`)
      }
      if (out.dateMin !== 'today' && out.dateMax !== 'today') ordered(out.dateMin, out.dateMax, 'date_bounds')
    } else if (CHOICE_TYPES.has(type)) {
      out.options = this.options(own(f, 'options'), bad)
      if (type === 'checkbox') {
        out.minItems = count('minItems')
        out.maxItems = count('maxItems')
        ordered(out.minItems, out.maxItems, 'item_bounds')
      }
    } else if (type === 'region') {
      const d = own(f, 'depth')
      if (d === undefined) out.depth = 3
      else if (d === 1 || d === 2 || d === 3) out.depth = d
      else {
        bad('bad_depth')
        out.depth = 3
      }
    } else if (type === 'material') {
      const types = own(f, 'eLicenceTypes')
      if (types !== undefined && !(Array.isArray(types) && types.every((t) => typeof t === 'string'))) bad('bad_eLicenceTypes')
      out.eLicence = Array.isArray(types) && types.length > 0
      const others = own(f, 'eLicenceOfOthers')
      if (others !== undefined && typeof others !== 'boolean') bad('bad_eLicenceOfOthers')
      out.eLicenceOfOthers = others === true
    } else if (type === 'group') {
      if (depth >= MAX_GROUP_DEPTH) {
        bad('group_too_deep')
        out.fields = []
      } else {
        out.fields = this.fields(own(f, 'fields'), declPath, scopes, depth + 1)
      }
      out.minItems = count('minItems')
      out.maxItems = count('maxItems')
      ordered(out.minItems, out.maxItems, 'item_bounds')
      out.rules = this.rules(own(f, 'rules'), out.fields, declPath)
      const self = own(f, 'selfItem')
      if (self !== undefined) out.selfItem = this.selfItem(self, out.fields, bad)
    }
    return out
  }

  /** Each value names an item field and fits it; each prefill is one its type may take (as a top-level field's). */
  selfItem(raw: unknown, fields: CompiledField[], bad: (reason: string) => void): NonNullable<CompiledField['selfItem']> {
    const out: NonNullable<CompiledField['selfItem']> = { values: {}, prefill: {} }
    const values = isRecord(raw) ? own(raw, 'values') ?? {} : undefined
    const prefill = isRecord(raw) ? own(raw, 'prefill') ?? {} : undefined
    if (!isRecord(values) || !isRecord(prefill)) {
      bad('bad_selfItem')
      return out
    }
    const fieldOf = (name: string) => fields.find((x) => x.name === name)
    for (const [name, v] of Object.entries(values)) {
      const field = fieldOf(name)
      if (!field || !isPrimitive(v) || v === null || (field.options && !field.options.includes(String(v)))) bad('bad_selfItem')
      else out.values[name] = v
    }
    for (const [name, key] of Object.entries(prefill)) {
      const field = fieldOf(name)
      if (!field || typeof key !== 'string' || !(PREFILL[field.type] ?? []).includes(key as PrefillKey)) bad('bad_selfItem')
      else out.prefill[name] = key as PrefillKey
    }
    return out
  }

  options(raw: unknown, bad: (reason: string) => void): string[] {
    if (!Array.isArray(raw) || raw.length === 0) {
      bad('bad_options')
      return []
    }
    const values: string[] = []
    for (const o of raw) {
      const v = isRecord(o) ? own(o, 'value') : undefined
      if (typeof v !== 'string' || typeof (isRecord(o) ? own(o, 'label') : undefined) !== 'string' || values.includes(v)) {
        bad('bad_options')
        continue
      }
      values.push(v)
    }
    return values
  }

  condition(c: unknown, scopes: ScopeNames, depth: number): CompiledCondition | undefined {
    if (!isRecord(c) || depth > MAX_CONDITION_DEPTH) return undefined
    const list = (key: 'all' | 'any'): CompiledCondition | undefined => {
      const of = own(c, key)
      if (!Array.isArray(of)) return undefined
      const parts = of.map((x) => this.condition(x, scopes, depth + 1))
      return parts.every((p) => p !== undefined) ? { kind: key, of: parts as CompiledCondition[] } : undefined
    }
    if (Object.hasOwn(c, 'all')) return list('all')
    if (Object.hasOwn(c, 'any')) return list('any')
    if (Object.hasOwn(c, 'not')) {
      const of = this.condition(own(c, 'not'), scopes, depth + 1)
      return of && { kind: 'not', of }
    }
    const values = own(c, 'in')
    const situation = own(c, 'situation')
    if (situation !== undefined) {
      if (typeof situation !== 'string' || !Array.isArray(values) || !values.every((v) => typeof v === 'string')) return undefined
      return { kind: 'situation', id: situation, values: [...values] }
    }
    const field = own(c, 'field')
    if (typeof field !== 'string') return undefined
    const path = field.split('.')
    const up = scopes.findIndex((names) => names.has(path[0]!))
    if (up < 0 || path.some((p) => p === '')) return undefined
    if (Object.hasOwn(c, 'equals')) {
      const value = own(c, 'equals')
      return isPrimitive(value) ? { kind: 'equals', up, path, value } : undefined
    }
    if (values !== undefined) {
      return Array.isArray(values) && values.every(isPrimitive) ? { kind: 'in', up, path, values: [...values] } : undefined
    }
    const filled = own(c, 'filled')
    return typeof filled === 'boolean' ? { kind: 'filled', up, path, filled } : undefined
  }

  rules(raw: unknown, fields: CompiledField[], prefix: string): CompiledRule[] {
    if (raw === undefined) return []
    const where = prefix ? `${prefix}.rules` : 'rules'
    if (!Array.isArray(raw)) {
      this.defect(where, 'rules_not_array')
      return []
    }
    const byName = (n: unknown) => (typeof n === 'string' ? fields.find((f) => f.name === n) : undefined)
    const out: CompiledRule[] = []
    raw.forEach((r, i) => {
      const bad = () => this.defect(`${where}.${i}`, 'bad_rule')
      if (!isRecord(r)) return bad()
      const message = own(r, 'message')
      if (message !== undefined && !isFormMessageKey(message)) return bad()
      const type = own(r, 'type')
      if (type === 'dateOrder') {
        const start = byName(own(r, 'start')), end = byName(own(r, 'end'))
        if (start?.type !== 'date' || end?.type !== 'date') return bad()
        out.push({ kind: 'dateOrder', start, end, strict: own(r, 'strict') === true, message })
      } else if (type === 'sum') {
        const group = byName(own(r, 'group'))
        const fieldName = own(r, 'field')
        const field = group?.fields?.find((f) => f.name === fieldName)
        const equals = own(r, 'equals')
        if (!group || group.type !== 'group' || !field || (field.type !== 'number' && field.type !== 'money')
          || typeof equals !== 'number' || !Number.isFinite(equals)) return bad()
        out.push({ kind: 'sum', group, field, equals, message })
      } else {
        bad()
      }
    })
    return out
  }
}

/**
 * Compiled once per schema object: a form is checked on every keystroke, and
 * its schema (data from the BFF, never changed in place) stays the same.
 */
const compiled = new WeakMap<object, CompiledSchema>()

export function compileSchema(schema: unknown): CompiledSchema {
  if (typeof schema === 'object' && schema !== null) {
    const hit = compiled.get(schema)
    if (hit) return hit
    const fresh = compileFresh(schema)
    compiled.set(schema, fresh)
    return fresh
  }
  return compileFresh(schema)
}

function compileFresh(schema: unknown): CompiledSchema {
  const c = new Compiler()
  if (!isRecord(schema)) {
    c.defect('', 'schema_not_object')
    return { fields: [], rules: [], defects: c.defects }
  }
  const fields = c.fields(own(schema, 'fields'), '', [], 0)
  const rules = c.rules(own(schema, 'rules'), fields, '')
  return { fields, rules, defects: c.defects }
}
