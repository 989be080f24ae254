import { describe, expect, it } from 'vitest'
import { verifyPageUrl } from './documents'
import { verifyAlteredText, verifyCodeOf, verifyFaceRows, verifyVerdict } from './verify'
import type { VerifyView } from './contracts'

const ID = 'AbCdEfGhIjKlMnOpQrSt_-'

describe('verifyCodeOf', () => {
  it('reads the id from the QR code’s address, as the notices print it', () => {
    expect(verifyCodeOf(verifyPageUrl('https://tongban.example.gov.cn', ID))).toBe(ID)
    expect(verifyCodeOf(`http://localhost:8080/verify/${ID}?from=qr`)).toBe(ID)
  })

  it('takes the 核验码 as typed from the paper, with its label or spaces', () => {
    expect(verifyCodeOf(ID)).toBe(ID)
    expect(verifyCodeOf(`核验码：${ID}`)).toBe(ID)
    expect(verifyCodeOf(` ${ID.slice(0, 11)} ${ID.slice(11)} `)).toBe(ID)
  })

  it('finds nothing in a case number, a short code or another QR code', () => {
    expect(verifyCodeOf('MZ-0001-20261123-001')).toBeNull()
    expect(verifyCodeOf(ID.slice(1))).toBeNull()
    expect(verifyCodeOf('https://example.com/pay?id=1')).toBeNull()
    expect(verifyCodeOf('')).toBeNull()
  })
})

describe('verdict and face', () => {
  const doc: VerifyView = {
    kind: 'acceptance', title: '受理通知书', number: '〔2026〕受字第12号', itemName: '最低生活保障', caseNoMasked: 'MZ-0001-****-001',
    issuer: '示例市民政局', issuedOn: '2026-05-13', body: ['…'], status: 'valid', statusLabel: '真实有效',
  }

  it('says a genuine document is genuine, and who issued it', () => {
    expect(verifyVerdict(doc)).toEqual({ valid: true, heading: '真实有效', lines: ['这份受理通知书是示例市民政局出具的，是真的。'] })
  })

  it('says a revoked one may no longer be used', () => {
    const v = verifyVerdict({ ...doc, status: 'revoked', statusLabel: '已作废' })
    expect(v.valid).toBe(false)
    expect(v.heading).toBe('已作废')
    expect(v.lines[0]).toContain('不能再使用')
  })

  it('lists the printed face with the date as the paper writes it', () => {
    expect(verifyFaceRows(doc).map((r) => `${r.label}：${r.value}`)).toEqual([
      '文书：受理通知书', '文号：〔2026〕受字第12号', '办理事项：最低生活保障', '办件编号：MZ-0001-****-001', '出具单位：示例市民政局', '出具日期：2026年5月13日',
    ])
    expect(verifyAlteredText(doc)).toBe('如果纸上写的和这里不一样，说明文书可能被改过，请向示例市民政局核实。')
  })
})
