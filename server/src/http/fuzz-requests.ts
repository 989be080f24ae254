/**
 * Test support for fuzz.test.ts: requests for a route of the OpenAPI
 * document, generated from its own schemas — mostly plausible values (and
 * the real ids, bodies and form values the test knows of) so the handlers
 * are reached, mixed with hostile strings (NUL, lone surrogates, very long,
 * unicode, numbers in words), wrong types, missing, extra and renamed
 * fields, broken JSON and multipart, raw path segments.
 */
import fc from 'fast-check'
import { multipartBody, pdfBytes, pngBytes } from '../uploads/fixtures/files'

export type Schema = {
  type?: string | string[]; enum?: readonly unknown[]; pattern?: string; format?: string
  minLength?: number; maxLength?: number; minimum?: number; maximum?: number; maxItems?: number
  properties?: Record<string, Schema>; required?: string[]; items?: Schema
}

/** A route as the OpenAPI document has it, path in Fastify's form (`/api/cases/:caseNo`). */
export interface Operation { method: string; path: string; query: Record<string, Schema>; params: Record<string, Schema>; body: Schema | null }

interface OpenApi { paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: Schema }[]; requestBody?: { content?: Record<string, { schema: Schema }> } }>> }

export function operationsOf(doc: unknown): Operation[] {
  return Object.entries((doc as OpenApi).paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(),
    path: path.replace(/\{(\w+)\}/g, ':$1'),
    query: Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema])),
    params: Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema])),
    body: op.requestBody?.content?.['application/json']?.schema ?? null,
  })))
}

/** What the test knows exists, to get past "not found" and the schema. */
export interface Known {
  /** Real values a field of that name can take (ids of what exists). */
  values: Record<string, unknown[]>
  /** Whole free-form objects (form values, answers) to start from. */
  freeForm: Record<string, unknown>[]
  /** Bodies each route takes (by `METHOD path`), to mutate: most checks are past the schema. */
  bodies: Record<string, unknown[]>
}

export interface Body { payload?: string | Buffer; contentType?: string }

export interface GeneratedRequest {
  path: string
  /** `?…` or '' */
  query: string
  body: Body
  /** The caller's own session, none, or a token that is not one. */
  auth: 'right' | 'none' | 'garbage'
  idempotencyKey: string | null
  userAgent: string | null
  /** For the webhook: signed with the secret (or not at all). */
  signed: boolean
  ip: string
}

// ---- hostile values ---------------------------------------------------------------

const HOSTILE = [
  '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\udc00y', '\ud83d', '😀', '𠮷野家', 'e\u0301', '\u202egpj.exe', '\ufeff', '\u2028',
  '%00', '%ZZ', '..', '../../etc/passwd', '<script>alert(1)</script>', "' or 1=1 --", '${jndi:ldap://x}', '\r\nX-Injected: 1',
  '1e308', '1e999', '-1', 'NaN', 'Infinity', '9007199254740993', '-0', '0x10', '1.5', ' ', '', 'null', 'true', '[]', '{}',
  '__proto__', 'constructor', 'prototype', 'toString',
]
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom('\u0000', '\ud800', '\udc00', '\udbff'), fc.string({ maxLength: 8 })).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', '字', '😀'), fc.integer({ min: 100, max: 5000 })).map(([c, n]) => c.repeat(n)) },
)
const hostileNumber = fc.constantFrom(1e308, -1e308, -1, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 0.5, -0, 1e-300, Number.MAX_SAFE_INTEGER)
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), fc.boolean(), fc.constant([]), fc.constant({}), hostileNumber, hostileString,
  fc.array(hostileString, { maxLength: 3 }), fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.integer({ min: 10, max: 60 }).map((n) => nested(n)),
)
function nested(depth: number): unknown {
  let v: unknown = 'deep'
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
}

/** What breaks storage rather than a schema: put inside a value that is otherwise right. */
const TAINTS = ['\u0000', '\ud800', '\udfff', '\udbff\u0000', '\ufffe', '😀', '\u202e']

// ---- the wire ----------------------------------------------------------------------------

/** Percent-encodes UTF-16 as the bytes a client would send; a lone surrogate as its 3 (WTF-8) bytes. */
export function pct(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    const d = s.charCodeAt(i + 1)
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++ }
    if (c < 0x80 && /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(c))) { out += String.fromCharCode(c); continue }
    const bytes = c < 0x80 ? [c]
      : c < 0x800 ? [0xc0 | (c >> 6), 0x80 | (c & 63)]
      : c < 0x10000 ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
      : [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')
  }
  return out
}
const RAW_SEGMENTS = ['%ZZ', '%', '%0', '%00', '%2e%2e', '%ED%A0%80', '%C0%80', '%FF', 'a'.repeat(201), '%2F', ';', '~']

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v) ?? '')

const DEEP_JSON = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
const BROKEN_JSON = ['{', '{"a":', '[1,2', 'nul', '"\\ud800"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', DEEP_JSON, '1e999']

function multipartArb(): fc.Arbitrary<Body> {
  const part = fc.oneof(
    fc.record({ name: fc.constantFrom('file', 'file', 'upload'), filename: fc.oneof(fc.constantFrom('a.png', 'scan.pdf', '证件.jpg', '../../x.png', 'a\u0000.png'), hostileString), type: fc.constantFrom('image/png', 'application/pdf', 'text/plain'), data: fc.constantFrom(pngBytes(), pdfBytes(), Buffer.from('not a file'), Buffer.alloc(0)) }),
    fc.record({ name: fc.constantFrom('materialId', 'itemCode', 'fileName'), value: fc.oneof(fc.constantFrom('businessLicenceFile', 'SJ-0001', 'a.png'), hostileString) }),
  )
  return fc.tuple(fc.array(part, { minLength: 0, maxLength: 4 }), fc.constantFrom('whole', 'truncated', 'no-boundary', 'wrong-boundary'), fc.nat()).map(([parts, shape, cut]) => {
    const { body, contentType } = multipartBody(parts.map((p) => ('data' in p ? { ...p, filename: p.filename.replace(/["\r\n]/g, '_') } : p)))
    if (shape === 'truncated') return { payload: body.subarray(0, cut % Math.max(body.length, 1)), contentType }
    if (shape === 'no-boundary') return { payload: body, contentType: 'multipart/form-data' }
    if (shape === 'wrong-boundary') return { payload: body, contentType: 'multipart/form-data; boundary=other' }
    return { payload: body, contentType }
  })
}

// ---- requests ---------------------------------------------------------------------------------

export function fuzzRequests(known: Known): { request(op: Operation): fc.Arbitrary<GeneratedRequest> } {
  function plausible(schema: Schema, name: string): fc.Arbitrary<unknown> {
    const base = fromSchema(schema, name)
    const pool = known.values[name]
    return pool?.length ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: base }) : base
  }

  function fromSchema(schema: Schema, name: string): fc.Arbitrary<unknown> {
    if (schema.enum) return fc.constantFrom(...schema.enum)
    const types = [schema.type ?? 'string'].flat()
    return fc.oneof(...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'null': return fc.constant(null)
        case 'boolean': return fc.boolean()
        case 'integer': return fc.integer({ min: Math.max(schema.minimum ?? -1e9, -1e9), max: Math.min(schema.maximum ?? 1e9, 1e9) })
        case 'number': return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true })
        case 'array': return fc.array(value(schema.items ?? {}, name), { maxLength: Math.min(schema.maxItems ?? 4, 4) })
        case 'object': return schema.properties ? record(schema) : freeFormValue()
        default:
          if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern))
          if (schema.format === 'uuid') return fc.uuid()
          if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
          return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) })
      }
    }))
  }

  /** A field's value: usually plausible, sometimes hostile or of the wrong type. */
  function value(schema: Schema, name: string): fc.Arbitrary<unknown> {
    const numeric = [schema.type].flat().some((t) => t === 'integer' || t === 'number')
    return fc.oneof(
      { weight: 8, arbitrary: plausible(schema, name) },
      { weight: 2, arbitrary: numeric ? fc.oneof(hostileNumber, fc.constantFrom('1e308', '1e999', '-1', 'NaN', 'Infinity', '9007199254740993', '0x10', '1.5')) : hostileString },
      { weight: 1, arbitrary: hostileString },
      { weight: 1, arbitrary: wrongType },
    )
  }

  function record(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
    const props = Object.entries(schema.properties ?? {})
    const required = new Set(schema.required ?? [])
    return fc.tuple(
      // Required fields nearly always there, optional ones half the time.
      fc.tuple(...props.map(([k, s]) => fc.option(value(s, k), { freq: required.has(k) ? 12 : 2, nil: undefined }))),
      fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.dictionary(hostileString, wrongType, { minKeys: 1, maxKeys: 2 }) }),
    ).map(([values, extra]) => {
      const out: Record<string, unknown> = {}
      props.forEach(([k], i) => { if (values[i] !== undefined) out[k] = values[i] })
      return extra ? { ...out, ...extra } : out
    })
  }

  /** A free-form object (form values, answers): a real one, one of them mutated, or random keys. */
  function freeFormValue(): fc.Arbitrary<unknown> {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...known.freeForm) },
      { weight: 4, arbitrary: mutated(known.freeForm) },
      { weight: 1, arbitrary: fc.dictionary(hostileString, fc.oneof(hostileString, wrongType, fc.jsonValue({ maxDepth: 3 })), { maxKeys: 4 }) },
    )
  }

  /**
   * A good example with one thing wrong: a value (at any depth) tainted (a NUL,
   * a lone surrogate… inside a string that is otherwise right; a number out of
   * range), replaced by something hostile or of the wrong type; a key dropped,
   * added or renamed.
   */
  function mutated(examples: readonly unknown[]): fc.Arbitrary<unknown> {
    const how = fc.constantFrom('taint', 'taint', 'taint', 'replace', 'replace', 'drop', 'add', 'rename')
    return fc.tuple(fc.constantFrom(...examples), fc.nat(), how, fc.oneof(hostileString, wrongType), hostileString, fc.constantFrom(...TAINTS), hostileNumber, fc.nat())
      .map(([example, n, how, bad, badKey, taint, badNumber, at]) => {
        const root = structuredClone(example)
        const slots: [Record<string, unknown> | unknown[], string | number][] = []
        const walk = (v: unknown) => {
          if (Array.isArray(v)) v.forEach((x, i) => { slots.push([v, i]); walk(x) })
          else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) { slots.push([v as Record<string, unknown>, k]); walk(x) }
        }
        walk(root)
        const slot = slots[n % Math.max(slots.length, 1)]
        if (!slot) return bad
        const [holder, key] = slot as [Record<string | number, unknown>, string | number]
        const old = holder[key]
        if (how === 'taint' && typeof old === 'string') { const i = at % (old.length + 1); holder[key] = old.slice(0, i) + taint + old.slice(i) }
        else if (how === 'taint' && typeof old === 'number') holder[key] = badNumber
        else if (how === 'drop') delete holder[key]
        else if (how === 'add' && !Array.isArray(holder)) holder[badKey] = bad
        else if (how === 'rename' && !Array.isArray(holder)) { holder[badKey] = old; delete holder[key] }
        else holder[key] = bad
        return root
      })
  }

  function pathArb(op: Operation): fc.Arbitrary<string> {
    const names = [...op.path.matchAll(/:(\w+)/g)].map((m) => m[1]!)
    if (!names.length) return fc.constant(op.path)
    return fc.tuple(...names.map((n) => fc.oneof(
      { weight: 9, arbitrary: value(op.params[n] ?? {}, n).map((v) => pct(text(v))) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    ))).map((vs) => op.path.replace(/:(\w+)/g, (_, n: string) => vs[names.indexOf(n)]!))
  }

  function queryArb(op: Operation): fc.Arbitrary<string> {
    const entries = Object.entries(op.query)
    const one = (name: string, schema: Schema) => fc.option(fc.oneof(
      { weight: 6, arbitrary: value(schema, name).map((v) => [`${pct(name)}=${pct(text(v))}`]) },
      { weight: 1, arbitrary: fc.tuple(value(schema, name), value(schema, name)).map(([a, b]) => [`${name}=${pct(text(a))}`, `${name}=${pct(text(b))}`]) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((raw) => [`${name}=${raw}`]) },
    ), { freq: 4 })
    return fc.tuple(
      fc.tuple(...entries.map(([n, s]) => one(n, s))),
      fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(hostileString, hostileString).map(([k, v]) => `${pct(k)}=${pct(v)}`) }),
    ).map(([parts, extra]) => {
      const all = [...parts.flatMap((p) => p ?? []), ...(extra ? [extra] : [])]
      return all.length ? `?${all.join('&')}` : ''
    })
  }

  function bodyArb(op: Operation): fc.Arbitrary<Body> {
    if (op.method === 'GET' || op.method === 'DELETE') return fc.constant({})
    const json = (v: unknown): Body => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })
    const raw = fc.oneof(
      fc.constantFrom(...BROKEN_JSON).map((p) => ({ payload: p, contentType: 'application/json' })),
      fc.tuple(hostileString, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/pdf', 'application/json; charset=latin1', 'garbage', '')).map(([p, contentType]) => ({ payload: p, contentType })),
      wrongType.map(json),
    )
    const examples = known.bodies[`${op.method} ${op.path}`]
    if (op.body) {
      return fc.oneof(
        { weight: 4, arbitrary: record(op.body).map(json) },
        ...(examples?.length ? [{ weight: 2, arbitrary: fc.constantFrom(...examples).map(json) }, { weight: 6, arbitrary: mutated(examples).map(json) }] : []),
        { weight: 2, arbitrary: raw },
      )
    }
    return fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 3, arbitrary: multipartArb() }, { weight: 2, arbitrary: raw })
  }

  /** One request for `op`: where, what, as whom. */
  function request(op: Operation): fc.Arbitrary<GeneratedRequest> {
    return fc.record({
      path: pathArb(op),
      query: queryArb(op),
      body: bodyArb(op),
      auth: fc.constantFrom<GeneratedRequest['auth']>('right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'none', 'garbage'),
      idempotencyKey: fc.option(fc.oneof({ weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/) }, { weight: 1, arbitrary: hostileString }), { freq: 8 }),
      userAgent: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileString }),
      signed: fc.boolean(),
      ip: fc.ipV4(),
    })
  }

  return { request }
}
