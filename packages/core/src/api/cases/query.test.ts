import { describe, expect, it } from 'vitest'
import { checkPublicQuery } from './query'

describe('办件查询 as typed (checkPublicQuery)', () => {
  it('takes the number as printed on the receipt, forgiving case, spaces and a Chinese keyboard’s full-width characters', () => {
    expect(checkPublicQuery({ caseNo: ' sj-0001-20261124-0001 ', phone4: '1234' })).toEqual({ ok: true, query: { caseNo: 'SJ-0001-20261124-0001', phone4: '1234' } })
    expect(checkPublicQuery({ caseNo: 'ＳＪ－０００１－２０２６１１２４－０００１', phone4: '１２３４' })).toEqual({ ok: true, query: { caseNo: 'SJ-0001-20261124-0001', phone4: '1234' } })
    expect(checkPublicQuery({ caseNo: 'SJ—0001—20261124—0001', phone4: '12 34' })).toEqual({ ok: true, query: { caseNo: 'SJ-0001-20261124-0001', phone4: '1234' } })
  })

  it('says what is missing or wrong, field by field, in words', () => {
    expect(checkPublicQuery({ caseNo: '', phone4: '' })).toEqual({ ok: false, errors: [
      { path: 'caseNo', code: 'required', message: '请输入办件编号' },
      { path: 'phone4', code: 'required', message: '请输入申请时手机号的后4位数字' },
    ] })
    const wrong = checkPublicQuery({ caseNo: '20261124', phone4: '12a4' })
    expect(wrong.ok).toBe(false)
    expect(!wrong.ok && wrong.errors.map((e) => [e.path, e.code])).toEqual([['caseNo', 'pattern'], ['phone4', 'pattern']])
    expect(!wrong.ok && wrong.errors[0]!.message).toContain('SJ-0001-20261124-0001')
    expect(checkPublicQuery({ caseNo: 'SJ-0001-20261124-0001', phone4: '12345' }).ok).toBe(false)
  })
})
