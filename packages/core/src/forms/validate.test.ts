import { describe, expect, it } from 'vitest'
import { IDENTITY_MESSAGES } from '../identity/validators'
import { FORM_MESSAGES } from './messages'
import type { FormField, FormSchema } from './schema'
import { schemaIssues, validateForm, type FormResult } from './validate'

const ID = '11010519491231002X'
const CREDIT = '91350100M000100Y43'
const TODAY = '2026-03-15'

function form(fields: FormField[], rules: FormSchema['rules'] = undefined): FormSchema {
  return rules ? { id: 'f', version: 1, fields, rules } : { id: 'f', version: 1, fields }
}

function one(field: FormField, value: unknown, context = { today: TODAY }): FormResult {
  return validateForm(form([field]), { [field.name]: value }, context)
}

const codes = (r: FormResult) => r.issues.map((i) => `${i.path}:${i.code}`)

describe('field types', () => {
  it('text: trims, requires, counts characters not UTF-16 units, and matches the whole pattern', () => {
    const f: FormField = { name: 'name', label: '申请人姓名', type: 'text', required: true, minLength: 2, maxLength: 4, pattern: '[\\p{Script=Han}]+' }
    expect(one(f, '  张三  ')).toMatchObject({ ok: true, issues: [], values: { name: '张三' } })
    expect(one(f, '  张三  ').values).toEqual({ name: '张三' })
    expect(one(f, '𠀀𠀀𠀀𠀀').ok).toBe(true) // four characters outside the BMP, eight code units
    expect(one(f, '   ').issues).toEqual([{ path: 'name', code: 'required', message: '请填写申请人姓名' }])
    expect(one(f, '张').issues).toEqual([{ path: 'name', code: 'too_short', params: { min: 2 }, message: '申请人姓名至少要填写2个字' }])
    expect(codes(one(f, '张三李四王'))).toEqual(['name:too_long'])
    expect(codes(one(f, '张a'))).toEqual(['name:pattern']) // anchored like HTML's pattern
    expect(codes(one(f, 42))).toEqual(['name:invalid_type'])
  })

  it('textarea and address have default length limits', () => {
    expect(codes(one({ name: 'note', label: '情况说明', type: 'textarea' }, 'x'.repeat(2001)))).toEqual(['note:too_long'])
    expect(one({ name: 'note', label: '情况说明', type: 'textarea' }, 'a\r\nb').values).toEqual({ note: 'a\nb' })
    expect(codes(one({ name: 'addr', label: '住址', type: 'address' }, '路'.repeat(201)))).toEqual(['addr:too_long'])
    expect(one({ name: 'addr', label: '住址', type: 'address' }, ' 北京市东城区1号 ').values).toEqual({ addr: '北京市东城区1号' })
  })

  it('number: a real number within bounds, integer when asked', () => {
    const f: FormField = { name: 'n', label: '家庭人口', type: 'number', min: 1, max: 20, integer: true }
    expect(one(f, 3).ok).toBe(true)
    expect(one(f, 0).issues[0]).toMatchObject({ code: 'too_small', params: { min: 1 }, message: '家庭人口不能小于1' })
    expect(one(f, 21).issues[0]).toMatchObject({ code: 'too_big', message: '家庭人口不能大于20' })
    expect(codes(one(f, 2.5))).toEqual(['n:not_integer'])
    expect(codes(one(f, '3'))).toEqual(['n:invalid_type'])
    expect(one(f, '3').values).toEqual({})
    expect(codes(one(f, ''))).toEqual([]) // a cleared input is empty, not wrong
  })

  it('money: at most two decimals and not negative by default', () => {
    const f: FormField = { name: 'capital', label: '注册资本', type: 'money', required: true }
    expect(one(f, 100.25).ok).toBe(true)
    expect(one(f, 0.29).ok).toBe(true)
    expect(one(f, 1.005).issues[0]).toMatchObject({ code: 'money_decimals', message: '注册资本最多保留两位小数' })
    expect(codes(one(f, -1))).toEqual(['capital:too_small'])
    expect(one({ ...f, min: -100 } as FormField, -1).ok).toBe(true)
  })

  it('date: a real calendar date within its bounds, today from the context', () => {
    const f: FormField = { name: 'd', label: '出生日期', type: 'date', max: 'today', min: '1900-01-01' }
    expect(one(f, '2024-02-29').ok).toBe(true)
    expect(codes(one(f, '2023-02-29'))).toEqual(['d:invalid_date'])
    expect(codes(one(f, '2024/01/01'))).toEqual(['d:invalid_date'])
    expect(one(f, '2026-03-16').issues[0]).toMatchObject({ code: 'date_too_late', params: { max: TODAY }, message: `出生日期不能晚于${TODAY}` })
    expect(codes(one(f, '1899-12-31'))).toEqual(['d:date_too_early'])
    expect(one(f, '2030-01-01', {} as { today: string }).ok).toBe(true) // no today, no 'today' bound
  })

  it('dateRange: both ends, end not before start', () => {
    const f: FormField = { name: 'period', label: '租赁期限', type: 'dateRange', required: true }
    expect(one(f, { start: '2026-01-01', end: '2026-12-31' }).ok).toBe(true)
    expect(one(f, { start: '2026-01-01', end: '2026-01-01' }).ok).toBe(true)
    expect(one(f, { start: '2026-02-01', end: '2026-01-01' }).issues).toEqual([
      { path: 'period.end', code: 'date_range_order', message: '结束日期不能早于开始日期' },
    ])
    expect(codes(one(f, { start: '2026-02-01' }))).toEqual(['period:date_range_incomplete'])
    expect(codes(one(f, { start: '', end: '' }))).toEqual(['period:required'])
    expect(codes(one(f, { start: '2026-02-30', end: '2026-03-01' }))).toEqual(['period.start:invalid_date'])
    expect(codes(one(f, ['2026-01-01', '2026-02-01']))).toEqual(['period:invalid_type'])
  })

  it('select and radio: one of the options', () => {
    const options = [{ value: 'm', label: '男' }, { value: 'f', label: '女' }]
    for (const type of ['select', 'radio'] as const) {
      const f = { name: 'sex', label: '性别', type, options, required: true } as FormField
      expect(one(f, 'f').ok).toBe(true)
      expect(one(f, 'x').issues[0]).toMatchObject({ code: 'invalid_option', message: '请从列表中选择性别' })
      expect(one(f, undefined).issues[0]).toMatchObject({ code: 'required', message: '请选择性别' })
      expect(codes(one(f, ['f']))).toEqual(['sex:invalid_type'])
    }
  })

  it('checkbox: a subset of the options, one of each, in option order', () => {
    const f: FormField = {
      name: 'use', label: '用途', type: 'checkbox', maxItems: 2, required: true,
      options: [{ value: 'a', label: '甲' }, { value: 'b', label: '乙' }, { value: 'c', label: '丙' }],
    }
    expect(one(f, ['b', 'a', 'b']).values).toEqual({ use: ['a', 'b'] })
    expect(codes(one(f, ['a', 'z']))).toEqual(['use:invalid_option'])
    expect(codes(one(f, ['a', 'b', 'c']))).toEqual(['use:too_many_selected'])
    expect(codes(one(f, []))).toEqual(['use:required'])
    expect(codes(one(f, 'a'))).toEqual(['use:invalid_type'])
  })

  it('switch: a boolean; consent: ticked when required', () => {
    expect(one({ name: 's', label: '是否加急', type: 'switch' }, false).values).toEqual({ s: false })
    expect(codes(one({ name: 's', label: '是否加急', type: 'switch' }, 'false'))).toEqual(['s:invalid_type'])
    const c: FormField = { name: 'promise', label: '告知承诺书', type: 'consent', required: true }
    expect(one(c, true).ok).toBe(true)
    expect(one(c, false).issues).toEqual([{ path: 'promise', code: 'consent_required', message: '请阅读并勾选告知承诺书' }])
    expect(codes(one(c, undefined))).toEqual(['promise:consent_required'])
    expect(codes(one(c, 'yes'))).toEqual(['promise:invalid_type'])
  })

  it('mobile: normalised from what people paste, same words as the login page', () => {
    const f: FormField = { name: 'phone', label: '联系电话', type: 'mobile' }
    expect(one(f, '+86 138-0013-8000').values).toEqual({ phone: '13800138000' })
    expect(one(f, '12345').issues).toEqual([{ path: 'phone', code: 'invalid_mobile', message: IDENTITY_MESSAGES.mobile }])
  })

  it('residentId and creditCode: upper-cased, with the identity messages', () => {
    const id: FormField = { name: 'idNumber', label: '身份证号码', type: 'residentId' }
    expect(one(id, ` ${ID.toLowerCase()} `).values).toEqual({ idNumber: ID })
    expect(one(id, '110105194912310021').issues).toEqual([
      { path: 'idNumber', code: 'resident_id_check_digit', message: IDENTITY_MESSAGES.residentId.check_digit },
    ])
    expect(codes(one(id, '1101'))).toEqual(['idNumber:resident_id_format'])
    const cc: FormField = { name: 'cc', label: '统一社会信用代码', type: 'creditCode' }
    expect(one(cc, CREDIT.toLowerCase()).values).toEqual({ cc: CREDIT })
    expect(one(cc, 'ABC').issues[0]!.message).toBe(IDENTITY_MESSAGES.creditCode.format)
  })

  it('email', () => {
    const f: FormField = { name: 'email', label: '电子邮箱', type: 'email' }
    expect(one(f, ' li@example.com.cn ').values).toEqual({ email: 'li@example.com.cn' })
    for (const bad of ['li@', 'li@example', 'a b@c.d', 'li@@x.cn', `${'a'.repeat(250)}@x.cn`]) {
      expect(one(f, bad).issues).toEqual([{ path: 'email', code: 'invalid_email', message: '请输入正确的电子邮箱地址' }])
    }
  })

  it('region: six-digit codes whose prefixes agree, to the depth asked', () => {
    const f: FormField = { name: 'region', label: '所在地区', type: 'region', required: true }
    expect(one(f, { province: '110000', city: '110100', district: '110105' }).ok).toBe(true)
    expect(codes(one(f, { province: '110000', city: '120100', district: '120101' }))).toEqual(['region.city:invalid_region'])
    expect(codes(one(f, { province: '110000', city: '110100', district: '110200' }))).toEqual(['region.district:invalid_region'])
    expect(codes(one(f, { province: '110100', city: '110100', district: '110105' }))).toEqual(['region.province:invalid_region'])
    expect(one(f, { province: '110000' }).issues[0]).toMatchObject({ code: 'region_incomplete', message: '请选择完整的所在地区（省、市、区县）' })
    expect(codes(one(f, '110105'))).toEqual(['region:invalid_type'])
    const city: FormField = { name: 'region', label: '所在城市', type: 'region', depth: 2 }
    expect(one(city, { province: '440000', city: '440300', district: '440305' }).values).toEqual({ region: { province: '440000', city: '440300' } })
  })

  it('material: an uploaded file, or an e-licence where the field accepts one', () => {
    const f: FormField = { name: 'licence', label: '营业执照', type: 'material', required: true, accept: ['pdf', 'image'] }
    expect(one(f, { kind: 'upload', fileId: 'f_01HZX' }).ok).toBe(true)
    expect(one(f, undefined).issues[0]!.message).toBe('请上传营业执照')
    expect(codes(one(f, { kind: 'eLicence', licenceId: 'L1' }))).toEqual(['licence:elicence_not_accepted'])
    expect(codes(one(f, { kind: 'upload', fileId: '../../etc/passwd' }))).toEqual(['licence:invalid_material'])
    expect(codes(one(f, { kind: 'fax' }))).toEqual(['licence:invalid_type'])
    const e: FormField = { ...f, eLicenceTypes: ['business_licence'] }
    expect(one(e, { kind: 'eLicence', licenceId: 'L1', extra: 1 }).values).toEqual({ licence: { kind: 'eLicence', licenceId: 'L1' } })
    expect(one(e, null).issues[0]!.message).toBe('请上传营业执照，或选择电子证照')
  })
})

describe('visibleWhen and requiredWhen', () => {
  const schema = form([
    { name: 'applicantType', label: '申请人类型', type: 'radio', required: true, options: [{ value: 'self', label: '本人' }, { value: 'agent', label: '代办' }] },
    { name: 'agentName', label: '代办人姓名', type: 'text', required: true, visibleWhen: { field: 'applicantType', equals: 'agent' } },
    { name: 'agentPhone', label: '代办人电话', type: 'mobile', visibleWhen: { field: 'applicantType', equals: 'agent' }, requiredWhen: { field: 'agentName', filled: true } },
    { name: 'house', label: '房产证明', type: 'material', requiredWhen: { situation: 'housing', in: ['owned'] } },
    { name: 'rent', label: '租赁合同', type: 'material', visibleWhen: { situation: 'housing', in: ['rented'] }, required: true },
  ])

  it('checks a field only while it shows, and drops it from values when hidden', () => {
    const r = validateForm(schema, { applicantType: 'self', agentName: 42, agentPhone: 'junk' })
    expect(r).toMatchObject({ ok: true, issues: [], values: { applicantType: 'self' } })
    expect(r.values).toEqual({ applicantType: "self" })
    expect(r.visible).toEqual(["applicantType", "house"])
    expect(r.required).toEqual(["applicantType"])
    const agent = validateForm(schema, { applicantType: 'agent' })
    expect(codes(agent)).toEqual(['agentName:required'])
  })

  it('requires a field when another is filled', () => {
    expect(codes(validateForm(schema, { applicantType: 'agent', agentName: '李四' }))).toEqual(['agentPhone:required'])
  })

  it('follows the answers to the item situations', () => {
    expect(codes(validateForm(schema, { applicantType: 'self' }, { answers: { housing: 'owned' } }))).toEqual(['house:required'])
    expect(codes(validateForm(schema, { applicantType: 'self' }, { answers: { housing: ['rented'] } }))).toEqual(['rent:required'])
    expect(validateForm(schema, { applicantType: 'self' }).ok).toBe(true)
  })

  it('reads a hidden field as empty, and combines conditions with all, any and not', () => {
    const s = form([
      { name: 'married', label: '婚姻状况', type: 'switch' },
      { name: 'spouse', label: '配偶姓名', type: 'text', visibleWhen: { field: 'married', equals: true } },
      { name: 'spouseId', label: '配偶身份证号码', type: 'residentId', required: true, visibleWhen: { all: [{ field: 'spouse', filled: true }, { not: { field: 'spouse', in: ['无'] } }] } },
      { name: 'note', label: '说明', type: 'text', required: true, visibleWhen: { any: [{ field: 'region.province', equals: '110000' }, { field: 'tags', equals: 'x' }] } },
      { name: 'region', label: '地区', type: 'region', depth: 1 },
      { name: 'tags', label: '标签', type: 'checkbox', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] },
    ])
    // spouse typed, then married switched off: spouse hides, so spouseId hides too.
    expect(validateForm(s, { married: false, spouse: '王五' }).values).toEqual({ married: false })
    expect(codes(validateForm(s, { married: true, spouse: '王五' }))).toEqual(['spouseId:required'])
    expect(codes(validateForm(s, { married: true, spouse: '无' }))).toEqual([])
    expect(codes(validateForm(s, { region: { province: '110000' } }))).toEqual(['note:required'])
    expect(codes(validateForm(s, { tags: ['y', 'x'] }))).toEqual(['note:required'])
    expect(codes(validateForm(s, { tags: ['y'] }))).toEqual([])
  })
})

describe('groups', () => {
  const members: FormField = {
    name: 'members', label: '家庭成员', type: 'group', required: true, minItems: 1, maxItems: 3,
    fields: [
      { name: 'name', label: '成员姓名', type: 'text', required: true },
      { name: 'relation', label: '与申请人关系', type: 'select', required: true, options: [{ value: 'spouse', label: '配偶' }, { value: 'child', label: '子女' }] },
      { name: 'idNumber', label: '成员身份证号码', type: 'residentId', required: true },
      { name: 'school', label: '就读学校', type: 'text', visibleWhen: { field: 'relation', equals: 'child' }, requiredWhen: { field: 'needsSchool', equals: true } },
      {
        name: 'jobs', label: '工作经历', type: 'group',
        fields: [
          { name: 'from', label: '开始日期', type: 'date', required: true },
          { name: 'to', label: '结束日期', type: 'date', required: true },
        ],
        rules: [{ type: 'dateOrder', start: 'from', end: 'to' }],
      },
    ],
  }
  const schema = form([{ name: 'needsSchool', label: '是否需要学校', type: 'switch' }, members])

  it('checks every item with paths group.i.field, nested groups included', () => {
    const r = validateForm(schema, {
      needsSchool: true,
      members: [
        { name: ' 张三 ', relation: 'spouse', idNumber: ID.toLowerCase(), school: 'ignored, hidden' },
        { name: '', relation: 'child', idNumber: 'x', jobs: [{ from: '2020-01-01', to: '2019-01-01' }, 'junk'] },
      ],
    })
    expect(r.issues.map((i) => [i.path, i.code, i.message])).toEqual([
      ['members.1.name', 'required', '请填写成员姓名'],
      ['members.1.idNumber', 'resident_id_format', IDENTITY_MESSAGES.residentId.format],
      ['members.1.school', 'required', '请填写就读学校'], // sibling relation + outer needsSchool
      ['members.1.jobs.0.to', 'date_order', '结束日期不能早于开始日期'],
      ['members.1.jobs.1', 'invalid_type', '工作经历的内容不正确，请重新填写'],
    ])
    expect(r.values.members).toEqual([
      { name: '张三', relation: 'spouse', idNumber: ID },
      // Wrong but well-typed values stay (normalised), so the form can show them again.
      { relation: 'child', idNumber: 'X', jobs: [{ from: '2020-01-01', to: '2019-01-01' }, {}] },
    ])
  })

  it('counts items', () => {
    expect(codes(validateForm(schema, { members: [] }))).toEqual(['members:required'])
    const four = Array.from({ length: 4 }, () => ({ name: '张三', relation: 'spouse', idNumber: ID }))
    expect(validateForm(schema, { members: four }).issues).toEqual([
      { path: 'members', code: 'too_many_items', params: { max: 3 }, message: '家庭成员最多只能填写3条' },
    ])
    expect(codes(validateForm(schema, { members: { 0: { name: '张三' } } }))).toEqual(['members:invalid_type'])
  })
})

describe('cross rules', () => {
  const shareholders: FormSchema = form([
    { name: 'start', label: '开始日期', type: 'date', required: true },
    { name: 'end', label: '结束日期', type: 'date', required: true },
    {
      name: 'shareholders', label: '股东', type: 'group', required: true,
      fields: [
        { name: 'name', label: '股东名称', type: 'text', required: true },
        { name: 'share', label: '出资比例', type: 'number', required: true, min: 0, max: 100 },
      ],
    },
  ], [
    { type: 'dateOrder', start: 'start', end: 'end' },
    { type: 'sum', group: 'shareholders', field: 'share', equals: 100, message: 'shares_sum' },
  ])
  const holders = (...shares: unknown[]) => shares.map((share, i) => ({ name: `股东${i}`, share }))

  it('end date not before start', () => {
    const r = validateForm(shareholders, { start: '2026-05-01', end: '2026-04-30', shareholders: holders(100) })
    expect(r.issues).toEqual([{ path: 'end', code: 'date_order', params: { startLabel: '开始日期', endLabel: '结束日期' }, message: '结束日期不能早于开始日期' }])
    expect(validateForm(shareholders, { start: '2026-05-01', end: '2026-05-01', shareholders: holders(100) }).ok).toBe(true)
    const strict = form([{ name: 'a', label: '起始日', type: 'date' }, { name: 'b', label: '截止日', type: 'date' }], [{ type: 'dateOrder', start: 'a', end: 'b', strict: true }])
    expect(validateForm(strict, { a: '2026-05-01', b: '2026-05-01' }).issues[0]!.message).toBe('截止日应晚于起始日')
  })

  it('shares add up to 100, to the cent', () => {
    const ok = { start: '2026-01-01', end: '2026-01-02' }
    expect(validateForm(shareholders, { ...ok, shareholders: holders(33.33, 33.33, 33.34) }).ok).toBe(true)
    expect(validateForm(shareholders, { ...ok, shareholders: holders(60, 30) }).issues).toEqual([{
      path: 'shareholders', code: 'sum_mismatch',
      params: { sum: 90, equals: 100, groupLabel: '股东', fieldLabel: '出资比例' },
      message: '各股东出资比例合计应为100%，现在是90%',
    }])
    // A share that is itself wrong is reported once, not again as a wrong total.
    expect(codes(validateForm(shareholders, { ...ok, shareholders: holders(60, '40') }))).toEqual(['shareholders.1.share:invalid_type'])
  })

  it('says it in default words without a message key', () => {
    const s = form([{ name: 'g', label: '继承人', type: 'group', fields: [{ name: 'p', label: '继承份额', type: 'number' }] }], [{ type: 'sum', group: 'g', field: 'p', equals: 1 }])
    expect(validateForm(s, { g: [{ p: 0.5 }] }).issues[0]!.message).toBe('继承人的继承份额合计应为1，现在是0.5')
  })
})

describe('hostile input', () => {
  const schema = form([
    { name: 'name', label: '姓名', type: 'text', required: true, maxLength: 30, pattern: '(a+)+' },
    { name: 'age', label: '年龄', type: 'number' },
    { name: 'region', label: '地区', type: 'region' },
    { name: 'kids', label: '子女', type: 'group', fields: [{ name: 'name', label: '子女姓名', type: 'text' }] },
  ])

  it('turns wrong types into issues', () => {
    const r = validateForm(schema, { name: ['张三'], age: '18', region: [1, 2, 3], kids: { name: 'x' } })
    expect(codes(r)).toEqual(['name:invalid_type', 'age:invalid_type', 'region:invalid_type', 'kids:invalid_type'])
    expect(r.values).toEqual({})
    for (const values of [null, 'x', 1, [], [{ name: '张三' }]]) {
      expect(codes(validateForm(schema, values))).toEqual([':invalid_type', 'name:required'])
    }
  })

  it('caps a 10 MB string by maxLength without matching or counting all of it', () => {
    const huge = 'a'.repeat(10 * 1024 * 1024) + '!'
    const started = Date.now()
    expect(codes(validateForm(schema, { name: huge }))).toEqual(['name:too_long'])
    expect(codes(validateForm(form([{ name: 'id', label: '身份证号码', type: 'residentId' }]), { id: huge }))).toEqual(['id:resident_id_format'])
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('never lets __proto__ or constructor in the values reach a prototype or the output', () => {
    const values = JSON.parse('{"name":"张三","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"kids":[{"__proto__":{"polluted":1},"name":"小明"}]}')
    const r = validateForm(schema, values)
    expect(r.values).toEqual({ name: '张三', kids: [{ name: '小明' }] })
    expect(Object.hasOwn(r.values, '__proto__')).toBe(false)
    expect(Object.getPrototypeOf(r.values)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // A field may not even be called that.
    const evil = validateForm({ id: 'x', version: 1, fields: [{ name: '__proto__', label: 'x', type: 'text' }, { name: 'constructor', label: 'x', type: 'text' }] }, values)
    expect(evil.issues.map((i) => i.params?.reason)).toEqual(['bad_name', 'bad_name'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('ignores a context that is not one', () => {
    expect(validateForm(schema, { name: 'a' }, { answers: 'x' as never, today: 'yesterday' }).ok).toBe(true)
  })
})

describe('schema errors', () => {
  it('reports an invalid pattern once, even inside a repeated group, and never throws', () => {
    const schema = form([{
      name: 'items', label: '明细', type: 'group',
      fields: [{ name: 'code', label: '编码', type: 'text', pattern: '([a-z' }],
    }])
    const r = validateForm(schema, { items: [{ code: 'a' }, { code: 'b' }, { code: 'c' }] })
    expect(r.ok).toBe(false)
    expect(r.issues).toEqual([{ path: 'items.code', code: 'schema_invalid', params: { reason: 'bad_pattern' }, message: FORM_MESSAGES.schema_invalid }])
    expect(r.values).toEqual({ items: [{ code: 'a' }, { code: 'b' }, { code: 'c' }] })
    expect(schemaIssues(schema)).toEqual(r.issues)
  })

  it('names each defect and carries on with the rest', () => {
    const r = validateForm({
      id: 'x', version: 1,
      fields: [
        null,
        { name: 'a', label: 'A', type: 'telepathy' },
        { name: 'b', label: 'B', type: 'select', options: 'x' },
        { name: 'c', label: 'C', type: 'text', visibleWhen: { field: 'nowhere', equals: 1 } },
        { name: 'c', label: 'C2', type: 'text' },
        { name: 'd', label: 'D', type: 'text', minLength: 5, maxLength: 2, pattern: 'a)|(b' },
        { name: 'e', label: 'E', type: 'text', required: true, prefill: 'idNumber' },
      ],
      rules: [{ type: 'sum', group: 'b', field: 'x', equals: 1 }, { type: 'dateOrder', start: 'a', end: 'b', message: 'no_such_message' }, 7],
    }, { e: 'ok' })
    expect(r.issues.map((i) => `${i.path}:${i.params?.reason}`)).toEqual([
      '0:field_not_object', 'a:unknown_type', 'c:duplicate_name', 'b:bad_options', 'c:bad_visibleWhen',
      'd:length_bounds', 'd:bad_pattern', 'e:bad_prefill', 'rules.0:bad_rule', 'rules.1:bad_rule', 'rules.2:bad_rule',
    ])
  })

  it('reports a condition cycle instead of looping', () => {
    const r = validateForm(form([
      { name: 'a', label: 'A', type: 'text', visibleWhen: { field: 'b', filled: true } },
      { name: 'b', label: 'B', type: 'text', visibleWhen: { field: 'a', filled: true } },
    ]), { a: 'x', b: 'y' })
    expect(r.issues.map((i) => i.params?.reason)).toContain('condition_cycle')
  })

  it('survives schemas that are not schemas', () => {
    for (const s of [null, 1, 'x', [], { fields: {} }, { fields: [{ name: 'g', label: 'G', type: 'group', fields: 'no' }] }]) {
      const r = validateForm(s, {})
      expect(r.ok).toBe(false)
      expect(r.issues.every((i) => i.code === 'schema_invalid')).toBe(true)
    }
    let deep: unknown = { field: 'a', equals: 1 }
    for (let i = 0; i < 10_000; i++) deep = { not: deep }
    expect(validateForm({ fields: [{ name: 'a', label: 'A', type: 'text', visibleWhen: deep }] }, {}).issues[0]!.params).toEqual({ reason: 'bad_visibleWhen' })
    let nested: unknown = { name: 'x', label: 'X', type: 'text' }
    for (let i = 0; i < 10_000; i++) nested = { name: 'g', label: 'G', type: 'group', fields: [nested] }
    expect(validateForm({ fields: [nested] }, {}).issues.map((i) => i.params?.reason)).toEqual(['group_too_deep'])
  })
})
