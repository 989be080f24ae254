/**
 * The form validator on a 60-field form: the core's validateForm runs on
 * every keystroke in both shells and once per check/submit in the BFF, so
 * its cost per pass decides whether typing stays smooth on a cheap phone
 * (a frame is 16 ms; such a phone is roughly 5–10× slower than this machine).
 *
 * The form: 50 top-level fields of every scalar type (text with patterns,
 * numbers, money, dates, date ranges, selects, checkboxes, mobiles, ID and
 * credit codes, emails, regions, materials, consents), a third of them
 * behind visibleWhen/requiredWhen conditions, plus a group of 10 fields with
 * 5 items and a sum rule (60 field definitions, 100 values checked).
 * Values: a valid filling and one with ~20 % of fields wrong.
 *
 * Baseline, same run: Ajv (what Fastify compiles body schemas with), on a
 * JSON Schema of the same form doing less (types, required, lengths,
 * patterns, enums; no conditions, no check digits, no Chinese messages).
 */
import { performance } from 'node:perf_hooks'
import Ajv from 'ajv'
import { validateForm, type FormField, type FormSchema, type FormValues } from '@tongban/core'
import { line, ms, percentile, verdict } from './util'

const B = 'validator'
const PASSES = 5000
const GOAL_P95_MS = 1

const ID = '11010519491231002X'
const CREDIT = '91350100M000100Y43'

function buildForm(): { schema: FormSchema; valid: FormValues; invalid: FormValues } {
  const fields: FormField[] = []
  const valid: FormValues = {}
  const invalid: FormValues = {}
  const kinds = ['text', 'number', 'money', 'date', 'dateRange', 'select', 'checkbox', 'mobile', 'residentId', 'creditCode', 'email', 'region', 'material', 'consent', 'textarea', 'radio', 'switch'] as const
  for (let i = 0; i < 50; i++) {
    const type = kinds[i % kinds.length]!
    const name = `f${i}`
    const cond = i % 3 === 1 ? { visibleWhen: { field: 'f0', filled: true } } : i % 3 === 2 ? { requiredWhen: { field: 'f5', equals: 'a' } } : {}
    const base = { name, label: `字段${i}`, required: i % 3 === 0, ...cond }
    const opts = [{ value: 'a', label: '甲' }, { value: 'b', label: '乙' }, { value: 'c', label: '丙' }]
    const wrong = i % 5 === 0
    switch (type) {
      case 'text': fields.push({ ...base, type, maxLength: 30, pattern: '[\\p{Script=Han}A-Za-z0-9]+' }); valid[name] = '示例文本abc'; invalid[name] = wrong ? '!!' : '示例'; break
      case 'textarea': fields.push({ ...base, type, maxLength: 500 }); valid[name] = '说明'.repeat(20); invalid[name] = wrong ? '长'.repeat(600) : '短'; break
      case 'number': fields.push({ ...base, type, min: 1, max: 1000, integer: true }); valid[name] = 42; invalid[name] = wrong ? 4200 : 7; break
      case 'money': fields.push({ ...base, type, max: 1e8 }); valid[name] = 1234.5; invalid[name] = wrong ? 1.234 : 10; break
      case 'date': fields.push({ ...base, type, max: 'today' }); valid[name] = '2025-06-01'; invalid[name] = wrong ? '2025-02-30' : '2024-01-01'; break
      case 'dateRange': fields.push({ ...base, type }); valid[name] = { start: '2025-01-01', end: '2025-12-31' }; invalid[name] = wrong ? { start: '2025-12-31', end: '2025-01-01' } : { start: '2025-01-01', end: '2025-01-02' }; break
      case 'select': case 'radio': fields.push({ ...base, type, options: opts }); valid[name] = 'a'; invalid[name] = wrong ? 'z' : 'b'; break
      case 'checkbox': fields.push({ ...base, type, options: opts, minItems: 1, maxItems: 2 }); valid[name] = ['a', 'b']; invalid[name] = wrong ? ['a', 'b', 'c'] : ['c']; break
      case 'switch': fields.push({ ...base, type }); valid[name] = true; invalid[name] = false; break
      case 'mobile': fields.push({ ...base, type }); valid[name] = '13800138000'; invalid[name] = wrong ? '1380013800' : '13900139000'; break
      case 'residentId': fields.push({ ...base, type }); valid[name] = ID; invalid[name] = wrong ? '110105194912310021' : ID; break
      case 'creditCode': fields.push({ ...base, type }); valid[name] = CREDIT; invalid[name] = wrong ? '91350100M000100Y44' : CREDIT; break
      case 'email': fields.push({ ...base, type }); valid[name] = 'a@example.cn'; invalid[name] = wrong ? 'a@' : 'b@example.cn'; break
      case 'region': fields.push({ ...base, type, depth: 3 }); valid[name] = { province: '330000', city: '330100', district: '330106' }; invalid[name] = wrong ? { province: '33' } : { province: '330000', city: '330100', district: '330102' }; break
      case 'material': fields.push({ ...base, type, eLicenceTypes: ['营业执照'] }); valid[name] = { kind: 'upload', fileId: '3f2a9c1e-0000-4000-8000-000000000001' }; invalid[name] = wrong ? { kind: 'nope' } as never : { kind: 'eLicence', licenceId: 'lic-1' }; break
      case 'consent': fields.push({ ...base, type }); valid[name] = true; invalid[name] = wrong ? false : true; break
    }
  }
  fields.push({
    type: 'group', name: 'holders', label: '股东', minItems: 1, maxItems: 10,
    fields: [
      { type: 'text', name: 'name', label: '姓名', required: true, maxLength: 30 },
      { type: 'residentId', name: 'idNumber', label: '身份证号码', required: true },
      { type: 'mobile', name: 'phone', label: '电话' },
      { type: 'number', name: 'share', label: '持股比例', required: true, min: 0, max: 100 },
      { type: 'date', name: 'since', label: '入股日期', max: 'today' },
      { type: 'select', name: 'kind', label: '出资方式', options: [{ value: 'cash', label: '货币' }, { value: 'kind', label: '实物' }] },
      { type: 'money', name: 'amount', label: '出资额' },
      { type: 'email', name: 'email', label: '邮箱' },
      { type: 'address', name: 'address', label: '住址', maxLength: 200 },
      { type: 'switch', name: 'legalRep', label: '是否法定代表人' },
    ],
  })
  const holder = (share: number) => ({ name: '张三', idNumber: ID, phone: '13800138000', share, since: '2020-01-01', kind: 'cash', amount: 100000, email: 'z@example.cn', address: '文三路100号', legalRep: false })
  valid['holders'] = [20, 20, 20, 20, 20].map(holder)
  invalid['holders'] = [20, 20, 20, 20, 30].map(holder)
  const schema: FormSchema = { id: 'bench-60', version: 1, fields, rules: [{ type: 'sum', group: 'holders', field: 'share', equals: 100 }, { type: 'dateOrder', start: 'f3', end: 'f20' }] }
  return { schema, valid, invalid }
}

/** The same form as JSON Schema, as far as JSON Schema can say it. */
function jsonSchemaOf(schema: FormSchema): object {
  const prop = (f: FormField): object => {
    switch (f.type) {
      case 'text': case 'textarea': case 'address': return { type: 'string', maxLength: 'maxLength' in f ? f.maxLength ?? 10_000 : 10_000, ...(f.type === 'text' && f.pattern ? { pattern: `^(?:${f.pattern})$` } : {}) }
      case 'number': case 'money': return { type: 'number', ...('min' in f && f.min !== undefined ? { minimum: f.min } : {}), ...('max' in f && f.max !== undefined ? { maximum: f.max } : {}) }
      case 'date': return { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }
      case 'dateRange': return { type: 'object', required: ['start', 'end'], properties: { start: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, end: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } } }
      case 'select': case 'radio': return { type: 'string', enum: f.options.map((o) => o.value) }
      case 'checkbox': return { type: 'array', items: { enum: f.options.map((o) => o.value) }, uniqueItems: true, ...(f.maxItems ? { maxItems: f.maxItems } : {}) }
      case 'switch': case 'consent': return { type: 'boolean' }
      case 'mobile': return { type: 'string', pattern: '^1[3-9]\\d{9}$' }
      case 'residentId': return { type: 'string', pattern: '^\\d{17}[\\dX]$' }
      case 'creditCode': return { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' }
      case 'email': return { type: 'string', format: 'email' }
      case 'region': return { type: 'object', required: ['province'], properties: { province: { type: 'string', pattern: '^\\d{6}$' }, city: { type: 'string' }, district: { type: 'string' } } }
      case 'material': return { type: 'object', required: ['kind'], properties: { kind: { enum: ['upload', 'eLicence'] } } }
      case 'group': return { type: 'array', maxItems: f.maxItems ?? 500, items: objectOf(f.fields) }
    }
  }
  const objectOf = (fields: FormField[]): object => ({
    type: 'object',
    required: fields.filter((f) => f.required).map((f) => f.name),
    properties: Object.fromEntries(fields.map((f) => [f.name, prop(f)])),
  })
  return objectOf(schema.fields)
}

function time(fn: () => unknown, passes: number): number[] {
  for (let i = 0; i < 300; i++) fn()
  const out: number[] = []
  for (let i = 0; i < passes; i++) {
    const t = performance.now()
    fn()
    out.push(performance.now() - t)
  }
  return out.sort((a, b) => a - b)
}

export async function run(): Promise<void> {
  const { schema, valid, invalid } = buildForm()
  const context = { answers: {}, today: '2026-11-23' }
  const ok = validateForm(schema, valid, context)
  const bad = validateForm(schema, invalid, context)
  line(B, `form: ${schema.fields.length - 1} top-level fields + a group of 10 fields × 5 items; valid filling → ok=${ok.ok} (${ok.issues.length} issues: ${ok.issues.slice(0, 2).map((i) => i.path).join(', ')}), wrong filling → ${bad.issues.length} issues`)

  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, formats: { email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/ } })
  const ajvCheck = ajv.compile(jsonSchemaOf(schema))

  for (const [label, values] of [['valid', valid], ['20 % wrong', invalid]] as const) {
    const ours = time(() => validateForm(schema, values, context), PASSES)
    const base = time(() => ajvCheck(values), PASSES)
    const p50 = percentile(ours, 50), p95 = percentile(ours, 95), p99 = percentile(ours, 99)
    const perSec = Math.round(1000 / (ours.reduce((a, b) => a + b, 0) / ours.length))
    const baseP50 = percentile(base, 50)
    line(B, `${label}: validateForm p50 ${ms(p50)}, p95 ${ms(p95)}, p99 ${ms(p99)} — ${perSec.toLocaleString('en')} passes/s (goal p95 ≤ ${GOAL_P95_MS} ms: ${verdict(p95 <= GOAL_P95_MS)})`)
    line(B, `${label}: baseline Ajv (types, lengths, patterns only) p50 ${ms(baseP50)} — validateForm costs ×${(p50 / baseP50).toFixed(1)} of it`)
  }
}
