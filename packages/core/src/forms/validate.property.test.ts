/**
 * The validator's promises, checked on generated schemas and values: it
 * never throws, the BFF (which receives JSON) reaches the client's verdict,
 * its own output passes again, and hidden fields are never held against
 * anyone.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Condition, CrossRule, FieldType, FormField, FormSchema } from './schema'
import { validateForm, type ValidationContext } from './validate'

const ID = '11010519491231002X'
const CREDIT = '91350100M000100Y43'
const LEAF_TYPES: FieldType[] = [
  'text', 'textarea', 'number', 'money', 'date', 'dateRange', 'select', 'radio', 'checkbox', 'switch',
  'mobile', 'residentId', 'creditCode', 'email', 'region', 'address', 'material', 'consent',
]
const TOP_NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
const ITEM_NAMES = ['p', 'q', 'r', 's']
const OPTIONS = [{ value: 'x', label: '甲' }, { value: 'y', label: '乙' }, { value: 'z', label: '丙' }]
/** Always false: `all: []` holds, so its negation never does. */
const NEVER: Condition = { not: { all: [] } }
/** False too: the generated answers always say hide = yes. */
const UNLESS_HIDDEN: Condition = { situation: 'hide', in: ['no'] }

const junk = fc.jsonValue({ maxDepth: 2 })

function conditionArb(names: string[]): fc.Arbitrary<Condition> {
  const leaf: fc.Arbitrary<Condition> = fc.oneof(
    fc.record({ situation: fc.constantFrom('s1', 's2'), in: fc.subarray(['a', 'b']) }),
    fc.record({ field: fc.constantFrom(...names, 'zz'), equals: fc.constantFrom<string | number | boolean | null>('x', 1, true, null) }),
    fc.record({ field: fc.constantFrom(...names), in: fc.subarray<string | number | boolean | null>(['x', 'y', 0, false]) }),
    fc.record({ field: fc.constantFrom(...names), filled: fc.boolean() }),
  )
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc.record({ all: fc.array(leaf, { maxLength: 2 }) }),
    fc.record({ any: fc.array(leaf, { maxLength: 2 }) }),
    fc.record({ not: leaf }),
  )
}

function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 2 })
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

function typeOptions(type: FieldType): fc.Arbitrary<Record<string, unknown>> {
  switch (type) {
    case 'text': case 'textarea': case 'address':
      return fc.record({
        minLength: optional(fc.integer({ min: 0, max: 4 })),
        maxLength: optional(fc.integer({ min: 2, max: 12 })),
        pattern: optional(fc.constantFrom('[a-z ]+', '\\d+', '.*', '(', '[\\p{L}\\s]+', '(a|b)+')),
      })
    case 'number': case 'money':
      return fc.record({ min: optional(fc.integer({ min: -5, max: 5 })), max: optional(fc.integer({ min: 0, max: 50 })), integer: optional(fc.boolean()) })
    case 'date': case 'dateRange':
      return fc.record({ min: optional(fc.constantFrom('2020-01-01', 'today', 'bad')), max: optional(fc.constantFrom('2030-12-31', 'today')) })
    case 'select': case 'radio':
      return fc.constant({ options: OPTIONS })
    case 'checkbox':
      return fc.record({ options: fc.constant(OPTIONS), minItems: optional(fc.integer({ min: 0, max: 2 })), maxItems: optional(fc.integer({ min: 1, max: 3 })) })
    case 'region':
      return fc.record({ depth: optional(fc.constantFrom(1, 2, 3)) })
    case 'material':
      return fc.record({ eLicenceTypes: optional(fc.constant(['business_licence'])) })
    default:
      return fc.constant({})
  }
}

function leafFieldArb(name: string, names: string[]): fc.Arbitrary<FormField> {
  return fc.constantFrom(...LEAF_TYPES).chain((type) =>
    fc.record({
      opts: typeOptions(type),
      required: fc.boolean(),
      visibleWhen: optional(conditionArb(names)),
      requiredWhen: optional(conditionArb(names)),
    }).map(({ opts, ...rest }) => strip({ name, label: `字段${name}`, type, ...rest, ...opts }) as FormField))
}

function fieldsArb(pool: string[], scope: string[]): fc.Arbitrary<FormField[]> {
  return fc.subarray(pool, { minLength: 1 }).chain((names) =>
    fc.tuple(...names.map((n) => leafFieldArb(n, [...names, ...scope]))))
}

const groupArb: fc.Arbitrary<FormField> = fc.record({
  fields: fieldsArb(ITEM_NAMES, TOP_NAMES),
  required: fc.boolean(),
  minItems: optional(fc.integer({ min: 0, max: 2 })),
  maxItems: optional(fc.integer({ min: 1, max: 4 })),
  visibleWhen: optional(conditionArb(TOP_NAMES)),
}).map((g) => {
  const dates = g.fields.filter((f) => f.type === 'date').map((f) => f.name)
  const rules: CrossRule[] = dates.length >= 2 ? [{ type: 'dateOrder', start: dates[0]!, end: dates[1]! }] : []
  return strip({ name: 'members', label: '成员', type: 'group', ...g, rules }) as FormField
})

/** Schemas, with the names of the fields made hidden on purpose. */
const schemaArb: fc.Arbitrary<{ schema: FormSchema; hidden: string[] }> = fc.record({
  fields: fieldsArb(TOP_NAMES, []),
  group: optional(groupArb),
  hide: fc.subarray(TOP_NAMES),
  hideInGroup: fc.subarray(ITEM_NAMES),
}).map(({ fields, group, hide, hideInGroup }) => {
  const hidden: string[] = []
  const conceal = (f: FormField, path: string, i: number): FormField => {
    hidden.push(path)
    return { ...f, visibleWhen: i % 2 ? NEVER : UNLESS_HIDDEN }
  }
  const top = fields.map((f, i) => (hide.includes(f.name) ? conceal(f, f.name, i) : f))
  if (group && group.type === 'group') {
    group.fields = group.fields.map((f, i) => (hideInGroup.includes(f.name) ? conceal(f, `members.*.${f.name}`, i) : f))
    top.push(group)
  }
  const rules: CrossRule[] = []
  const dates = top.filter((f) => f.type === 'date').map((f) => f.name)
  if (dates.length >= 2) rules.push({ type: 'dateOrder', start: dates[0]!, end: dates[1]! })
  const share = group?.type === 'group' ? group.fields.find((f) => f.type === 'number' || f.type === 'money') : undefined
  if (share) rules.push({ type: 'sum', group: 'members', field: share.name, equals: 100, message: 'shares_sum' })
  return { schema: { id: 'gen', version: 1, fields: top, rules }, hidden }
})

const dateArb = fc.oneof(
  fc.constantFrom('2024-02-29', '2023-02-29', '2026-03-15', '2019-12-31', ' 2025-06-01 ', '2031-01-01', 'x'),
  fc.date({ min: new Date('2018-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
)

function wellFormed(f: FormField): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'text': case 'textarea': case 'address':
      return fc.oneof(fc.string({ maxLength: 14 }), fc.constantFrom('abc', ' 123 ', '张三', 'a\r\nb', ''))
    case 'number':
      return fc.oneof(fc.integer({ min: -10, max: 60 }), fc.double({ min: -10, max: 60 }), fc.constantFrom(Number.NaN, Infinity, -0))
    case 'money':
      return fc.oneof(fc.integer({ min: -500, max: 6000 }).map((c) => c / 100), fc.constantFrom(1.005, 0.1 + 0.2))
    case 'date':
      return dateArb
    case 'dateRange':
      return fc.record({ start: dateArb, end: dateArb }, { requiredKeys: [] })
    case 'select': case 'radio':
      return fc.constantFrom('x', 'y', 'z', 'w', '')
    case 'checkbox':
      return fc.array(fc.constantFrom('x', 'y', 'z', 'w'), { maxLength: 4 })
    case 'switch': case 'consent':
      return fc.boolean()
    case 'mobile':
      return fc.constantFrom('13800138000', '+86 139-0013-9000', '0086 15000000000', '123', '+86+8613800138000')
    case 'residentId':
      return fc.constantFrom(ID, ` ${ID.toLowerCase()} `, '110105194912310021', '20301231')
    case 'creditCode':
      return fc.constantFrom(CREDIT, CREDIT.toLowerCase(), '91350100M000100Y44', 'I0')
    case 'email':
      return fc.constantFrom('li@example.com', ' wang@gov.cn ', 'bad@', 'a@b')
    case 'region':
      return fc.record({
        province: fc.constantFrom('110000', '440000', '120000', '11'),
        city: fc.constantFrom('110100', '440300', '440000'),
        district: fc.constantFrom('110105', '440305', '440300'),
      }, { requiredKeys: ['province'] })
    case 'material':
      return fc.constantFrom({ kind: 'upload', fileId: 'f_1' }, { kind: 'eLicence', licenceId: 'L-2' }, { kind: 'upload', fileId: '' }, { kind: 'x' })
    case 'group':
      return fc.array(fc.oneof({ weight: 5, arbitrary: objectArb(f.fields) }, junk), { maxLength: 5 })
  }
}

function valueArb(f: FormField): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: wellFormed(f) }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(undefined) })
}

function objectArb(fields: FormField[]): fc.Arbitrary<Record<string, unknown>> {
  const shape = Object.fromEntries(fields.map((f) => [f.name, valueArb(f)]))
  return fc.tuple(fc.record(shape, { requiredKeys: [] }), fc.subarray(['__proto__', 'constructor', 'extra']), junk)
    .map(([declared, hostile, extra]) => {
      // Own properties, as JSON.parse makes them: `__proto__` here is a key, not the prototype.
      for (const key of hostile) {
        Object.defineProperty(declared, key, { value: key === 'extra' ? extra : { polluted: true }, enumerable: true, writable: true, configurable: true })
      }
      return declared as Record<string, unknown>
    })
}

const contextArb: fc.Arbitrary<ValidationContext> = fc.record({
  answers: fc.record({ s1: fc.constantFrom('a', 'b', ['a', 'b']), s2: fc.constantFrom('a', 'b'), hide: fc.constant('yes') }, { requiredKeys: ['hide'] }),
  today: fc.constantFrom('2026-03-15', '2024-02-29'),
})

/** A schema, values for it (NaN and -0 included), and a context. */
const caseArb = schemaArb.chain(({ schema, hidden }) =>
  fc.record({ schema: fc.constant(schema), hidden: fc.constant(hidden), values: objectArb(schema.fields), context: contextArb }))

/** A schema off the rails: the same generator with fields swapped for junk. */
const brokenSchemaArb = fc.oneof(
  junk,
  schemaArb.chain(({ schema }) => fc.array(fc.oneof(junk, fc.constantFrom(...schema.fields)), { maxLength: 5 })
    .map((fields) => ({ ...schema, fields }))),
)

const runs = { numRuns: 400 }
const roundTrip = <T>(x: T): T => (x === undefined ? x : JSON.parse(JSON.stringify(x)))

function dropHidden(values: Record<string, unknown>, hidden: string[]): Record<string, unknown> {
  const out = { ...values }
  for (const path of hidden) {
    if (!path.startsWith('members.*.')) delete out[path]
    else if (Array.isArray(out.members)) {
      const name = path.slice('members.*.'.length)
      out.members = out.members.map((item: unknown) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) return item
        const { [name]: _, ...rest } = item as Record<string, unknown>
        return rest
      })
    }
  }
  return out
}

describe('validateForm properties', () => {
  it('never throws, whatever the schema, values and context', () => {
    fc.assert(fc.property(fc.oneof(caseArb.map((c) => c.schema), brokenSchemaArb), junk, fc.oneof(junk, contextArb), (schema, values, context) => {
      const r = validateForm(schema, values, context as ValidationContext)
      expect(typeof r.ok).toBe('boolean')
      expect(r.ok).toBe(r.issues.length === 0)
    }), runs)
    fc.assert(fc.property(caseArb, ({ schema, values, context }) => {
      validateForm(schema, values, context)
    }), runs)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('gives the BFF the verdict the client gave, after a JSON round trip', () => {
    fc.assert(fc.property(caseArb, ({ schema, values, context }) => {
      const client = validateForm(schema, values, context)
      const server = validateForm(roundTrip(schema), roundTrip(values), roundTrip(context))
      expect(server).toEqual(client)
      expect(JSON.stringify(server)).toBe(JSON.stringify(client))
    }), runs)
    fc.assert(fc.property(brokenSchemaArb, junk, (schema, values) => {
      expect(validateForm(roundTrip(schema), roundTrip(values))).toEqual(validateForm(schema, values))
    }), runs)
  })

  it('accepts its own normalised values again, unchanged', () => {
    let accepted = 0
    fc.assert(fc.property(caseArb, ({ schema, values, context }) => {
      const first = validateForm(schema, values, context)
      if (!first.ok) return
      accepted++
      const again = validateForm(schema, first.values, context)
      expect(again.issues).toEqual([])
      expect(again.values).toEqual(first.values)
    }), { numRuns: 1000 })
    expect(accepted).toBeGreaterThan(20) // the property was not vacuous
  })

  it('never holds a hidden field against anyone, nor lets its value matter', () => {
    fc.assert(fc.property(caseArb, ({ schema, hidden, values, context }) => {
      const r = validateForm(schema, values, context)
      const concealed = hidden.map((h) => new RegExp(`^${h.replace('.*.', '\\.\\d+\\.')}(\\.|$)`))
      // Schema defects are the form's, found before any value is read; they name fields whatever shows.
      for (const issue of r.issues.filter((i) => i.code !== 'schema_invalid')) expect(concealed.some((re) => re.test(issue.path))).toBe(false)
      expect(validateForm(schema, dropHidden(values, hidden), context)).toEqual(r)
      for (const h of hidden.filter((p) => !p.includes('.'))) expect(Object.hasOwn(r.values, h)).toBe(false)
    }), runs)
  })
})
