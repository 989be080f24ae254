import { describe, expect, it } from 'vitest'
import type { MessageContent } from './kinds'
import { SUBSCRIBE_MOMENTS, templatesToAsk } from './subscribe-moments'
import { keywordType, parseWechatTemplate, shapeWechatValue, templateData, templatesFor, type WechatTemplate } from './wechat-values'

const value = (r: ReturnType<typeof shapeWechatValue>) => (r.ok ? r.value : `!${r.reason}`)

describe('shapeWechatValue', () => {
  it('cuts a thing to 20 characters, counting a hanzi or an emoji-free symbol as one, ending in …', () => {
    const long = '城乡居民基本养老保险待遇申领（含丧葬补助金、抚恤金）'
    const r = shapeWechatValue('thing', long)
    expect(r).toEqual({ ok: true, value: '城乡居民基本养老保险待遇申领（含丧葬补…', cut: true })
    expect(Array.from(value(r))).toHaveLength(20)
    expect(shapeWechatValue('thing', '户籍迁入')).toEqual({ ok: true, value: '户籍迁入', cut: false })
    // Exactly 20 stays whole; a line break is a space; emoji go.
    expect(value(shapeWechatValue('thing', '一二三四五六七八九十一二三四五六七八九十'))).toBe('一二三四五六七八九十一二三四五六七八九十')
    expect(value(shapeWechatValue('thing', '请补正\n身份证 🎉 复印件'))).toBe('请补正 身份证 复印件')
  })

  it('keeps only hanzi in a phrase and at most 5 of them; a phrase with none cannot be sent', () => {
    expect(shapeWechatValue('phrase', '已受理')).toEqual({ ok: true, value: '已受理', cut: false })
    expect(shapeWechatValue('phrase', '需补正！')).toEqual({ ok: true, value: '需补正', cut: true })
    expect(shapeWechatValue('phrase', '等待部门审核中')).toEqual({ ok: true, value: '等待部门审', cut: true })
    expect(shapeWechatValue('phrase', 'OK').ok).toBe(false)
  })

  it('character_string: ASCII letters, digits and symbols, ≤ 32; Chinese is reported, not dropped', () => {
    expect(value(shapeWechatValue('character_string', 'SJ-330100-20261124-0001'))).toBe('SJ-330100-20261124-0001')
    expect(shapeWechatValue('character_string', 'A'.repeat(40))).toEqual({ ok: true, value: 'A'.repeat(32), cut: true })
    expect(shapeWechatValue('character_string', '粤B12345')).toMatchObject({ ok: false })
  })

  it('formats an ISO instant as Beijing time for time and date, and accepts the documented forms', () => {
    expect(value(shapeWechatValue('time', '2026-12-07T07:01:00Z'))).toBe('2026年12月7日 15:01')
    expect(value(shapeWechatValue('time', '2026-12-31T23:30:00+08:00'))).toBe('2026年12月31日 23:30')
    expect(value(shapeWechatValue('time', '2026-12-31T16:30:00Z'))).toBe('2027年1月1日 00:30')
    expect(value(shapeWechatValue('date', '2026-12-07T20:00:00Z'))).toBe('2026年12月8日')
    for (const ok of ['15:01', '2019年10月1日 15:01', '2024-01-05 15:01', '08:00~12:00', '2019年10月1日 15:01 ~ 2019年10月1日 17:00']) {
      expect(shapeWechatValue('time', ok)).toEqual({ ok: true, value: ok, cut: false })
    }
    expect(value(shapeWechatValue('date', '2019年10月1日'))).toBe('2019年10月1日')
    expect(shapeWechatValue('time', '明天下午').ok).toBe(false)
    expect(shapeWechatValue('time', '25:00').ok).toBe(false)
    expect(shapeWechatValue('date', '15:01').ok).toBe(false)
  })

  it('number: digits and decimals, ≤ 32; surplus decimals are dropped, a longer whole part or a letter is reported', () => {
    expect(value(shapeWechatValue('number', '1,024'))).toBe('1024')
    expect(value(shapeWechatValue('number', `${'1'.repeat(30)}.12345`))).toBe(`${'1'.repeat(30)}.1`)
    expect(shapeWechatValue('number', '1'.repeat(33)).ok).toBe(false)
    expect(shapeWechatValue('number', '12a').ok).toBe(false)
    expect(shapeWechatValue('number', '-3').ok).toBe(false)
  })

  it('letter, symbol: only their characters, cut to 32 and 5', () => {
    expect(shapeWechatValue('letter', 'a'.repeat(33))).toEqual({ ok: true, value: 'a'.repeat(32), cut: true })
    expect(shapeWechatValue('letter', 'ab1').ok).toBe(false)
    expect(shapeWechatValue('symbol', '!!!!!!!')).toEqual({ ok: true, value: '!!!!!', cut: true })
    expect(shapeWechatValue('symbol', 'a!').ok).toBe(false)
  })

  it('amount: one currency sign, ≤ 10 digits, may end with 元; never cut', () => {
    expect(value(shapeWechatValue('amount', '12.50'))).toBe('¥12.50')
    expect(value(shapeWechatValue('amount', '¥1,280.00'))).toBe('¥1280.00')
    expect(value(shapeWechatValue('amount', '35元'))).toBe('35元')
    expect(shapeWechatValue('amount', '123456789012').ok).toBe(false)
    expect(shapeWechatValue('amount', '十元').ok).toBe(false)
  })

  it('phone_number ≤ 17 digits or symbols; car_number ≤ 8 with Chinese only first and last', () => {
    expect(value(shapeWechatValue('phone_number', '+86-0766-66888866'))).toBe('+86-0766-66888866')
    expect(value(shapeWechatValue('phone_number', '138 0013 8000'))).toBe('13800138000')
    expect(shapeWechatValue('phone_number', '+86-0766-66888866-123').ok).toBe(false)
    expect(shapeWechatValue('phone_number', '12345abc').ok).toBe(false)
    expect(value(shapeWechatValue('car_number', '粤A·8Z888挂'))).toBe('粤A8Z888挂')
    expect(value(shapeWechatValue('car_number', '浙a12345'))).toBe('浙A12345')
    expect(shapeWechatValue('car_number', '粤A8Z88挂挂').ok).toBe(false)
    expect(shapeWechatValue('car_number', '粤A12345678').ok).toBe(false)
  })

  it('name: ≤ 10 when it has any hanzi, else ≤ 20 letters and symbols', () => {
    expect(value(shapeWechatValue('name', '欧阳娜娜娜娜娜娜娜娜娜'))).toBe('欧阳娜娜娜娜娜娜娜娜')
    expect(value(shapeWechatValue('name', 'Li Xiaoming Alexander Smith'))).toBe('Li Xiaoming Alexande')
    expect(value(shapeWechatValue('name', '李Alexander Smith'))).toBe('李Alexander')
  })

  it('enum: only the template\'s values; an empty value is never valid', () => {
    expect(value(shapeWechatValue('enum', '已受理', ['已受理', '需补正']))).toBe('已受理')
    expect(shapeWechatValue('enum', '已办结', ['已受理', '需补正']).ok).toBe(false)
    expect(shapeWechatValue('thing', '  ').ok).toBe(false)
  })
})

const TEMPLATE: WechatTemplate = {
  id: 'tmplProgress',
  title: '办件进度提醒',
  kinds: ['accepted', 'supplement_requested'],
  keywords: [
    { key: 'character_string1', type: 'character_string', field: 'caseNo' },
    { key: 'thing2', type: 'thing', field: 'itemName' },
    { key: 'phrase3', type: 'phrase', field: 'status' },
    { key: 'time4', type: 'time', field: 'at' },
    { key: 'thing5', type: 'thing', field: 'next' },
  ],
}

const CONTENT: MessageContent = {
  kind: 'supplement_requested',
  caseNo: 'SJ-330100-20261124-0001',
  itemName: '城乡居民基本养老保险待遇申领（含丧葬补助金）',
  title: '您的申请需要补正',
  body: '您申请的事项需要补正材料。',
  status: '需补正',
  next: '请在15个工作日内补正身份证复印件',
  at: '2026-11-24T02:30:00Z',
  link: { web: '/cases/SJ-330100-20261124-0001', mini: 'pages/case/detail?caseNo=SJ-330100-20261124-0001' },
}

describe('templateData', () => {
  it('builds each keyword from its field, shaped, and names the ones it cut', () => {
    const r = templateData(TEMPLATE, CONTENT)
    expect(r).toEqual({
      ok: true,
      data: {
        character_string1: { value: 'SJ-330100-20261124-0001' },
        thing2: { value: '城乡居民基本养老保险待遇申领（含丧葬补…' },
        phrase3: { value: '需补正' },
        time4: { value: '2026年11月24日 10:30' },
        thing5: { value: '请在15个工作日内补正身份证复印件' },
      },
      cut: ['thing2'],
    })
  })

  it('reports every keyword that cannot be made valid, so nothing is sent', () => {
    const wrong: WechatTemplate = { ...TEMPLATE, keywords: [...TEMPLATE.keywords, { key: 'character_string6', type: 'character_string', field: 'itemName' }] }
    expect(templateData(wrong, { ...CONTENT, caseNo: null })).toEqual({
      ok: false,
      problems: [
        { key: 'character_string1', field: 'caseNo', reason: 'empty' },
        { key: 'character_string6', field: 'itemName', reason: expect.stringContaining('ASCII') },
      ],
    })
  })

  it('finds the templates serving a kind, in configuration order', () => {
    const other = { ...TEMPLATE, id: 'tmplAll', kinds: ['accepted' as const] }
    expect(templatesFor([TEMPLATE, other], 'accepted').map((t) => t.id)).toEqual(['tmplProgress', 'tmplAll'])
    expect(templatesFor([TEMPLATE, other], 'queue_called')).toEqual([])
  })
})

describe('parseWechatTemplate', () => {
  it('reads id;title;kinds;keywords, the type from each keyword name', () => {
    const r = parseWechatTemplate('tmplProgress;办件进度提醒;accepted,supplement_requested;character_string1=caseNo,thing2=itemName,phrase3=status,time4=at,thing5=next')
    expect(r).toEqual({ ok: true, template: TEMPLATE })
    expect(parseWechatTemplate('t1;结果;decided_approved;enum1=status(准予许可/不予许可)')).toEqual({
      ok: true, template: { id: 't1', title: '结果', kinds: ['decided_approved'], keywords: [{ key: 'enum1', type: 'enum', field: 'status', values: ['准予许可', '不予许可'] }] },
    })
    expect(keywordType('character_string12')).toBe('character_string')
    expect(keywordType('thingy1')).toBeNull()
  })

  it('names every problem of a wrong line', () => {
    const r = parseWechatTemplate('bad id!;;accepted,unknown_kind;thingy1=itemName,thing2=nothing,enum3=status,thing2=title')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems).toEqual([
      'template id "bad id!" must be letters, digits, _ and -',
      'the title is empty',
      expect.stringContaining('unknown message kind "unknown_kind"'),
      expect.stringContaining('keyword "thingy1": its name does not start with a keyword type'),
      expect.stringContaining('keyword "thing2": unknown field "nothing"'),
      expect.stringContaining('keyword "enum3": an enum keyword lists its values'),
      'keyword "thing2" twice',
    ])
    expect(parseWechatTemplate('only;two')).toEqual({ ok: false, problems: [expect.stringContaining('4 parts')] })
  })
})

describe('templatesToAsk', () => {
  const templates = [
    { id: 'progress', kinds: ['pre_review_passed', 'accepted'] },
    { id: 'supplement', kinds: ['supplement_requested'] },
    { id: 'result', kinds: ['decided_approved', 'decided_denied', 'certificate_ready'] },
    { id: 'queue', kinds: ['queue_called'] },
  ]
  it('asks, per moment, for the templates of the kinds that follow, most needed first, at most 3', () => {
    expect(templatesToAsk(templates, SUBSCRIBE_MOMENTS.submitted)).toEqual(['supplement', 'progress', 'result'])
    expect(templatesToAsk(templates, SUBSCRIBE_MOMENTS.supplementRead)).toEqual(['progress', 'result', 'supplement'])
    expect(templatesToAsk(templates, SUBSCRIBE_MOMENTS.submitted, 2)).toEqual(['supplement', 'progress'])
    expect(templatesToAsk(templates.slice(3), SUBSCRIBE_MOMENTS.submitted)).toEqual([])
  })
})
