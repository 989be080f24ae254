/**
 * The renderer on its own: an A4 page a person can read (text as extracted
 * by a PDF reader), the CJK font embedded as a subset so a notice weighs
 * tens of KB, the QR code's address as a link, and the same bytes every time.
 */
import { describe, expect, it } from 'vitest'
import { renderCertificate, renderNotice, type NoticeFace } from './render'
import { applicantName, pathLabel, reconsiderationBody } from './faces'
import { inspectPdf } from './pdf-inspect'
import type { FormSchema } from '@tongban/core'

const mark = { id: 'AbCdEfGhIjKlMnOpQrStUv', url: 'https://tongban.example.gov.cn/verify/AbCdEfGhIjKlMnOpQrStUv' }
const face: NoticeFace = {
  title: '补正材料一次性告知书', number: '〔2026〕补字第7号', caseNo: 'MZ-0001-20260511-004', itemName: '最低生活保障',
  addressee: '王芳', paragraphs: ['你（单位）于2026年5月11日提出的最低生活保障申请（办件编号：MZ-0001-20260511-004），经审查，申请材料不齐全。现一次性告知需要补正的全部内容（共2项）：'],
  items: ['家庭成员第1项·身份证号码：请提供户口簿首页和本人页', '存款：请补充近6个月银行流水'],
  after: ['请按上述要求补正后重新提交。'], closing: '特此告知。', issuer: '示例市民政局', issuedOn: '2026-05-13',
}

describe('renderNotice', () => {
  it('prints an A4 notice whose text a PDF reader extracts: title, number, addressee, every item, organ and date', async () => {
    const pdf = await renderNotice(face, mark)
    const facts = await inspectPdf(pdf)
    expect(facts.pages).toBe(1)
    expect(facts.size.width).toBeCloseTo(595.28, 0)
    expect(facts.size.height).toBeCloseTo(841.89, 0)
    for (const s of ['补正材料一次性告知书', '〔2026〕补字第7号', '王芳：', 'MZ-0001-20260511-004', '1．家庭成员第1项·身份证号码：请提供户口簿首页和本人页',
      '2．存款：请补充近6个月银行流水', '特此告知。', '示例市民政局', '2026年5月13日', '扫码核验真伪', mark.url]) expect(facts.text).toContain(s)
    expect(facts.links).toContain(mark.url)
  })

  it('embeds the Chinese font as a subset and stays small', async () => {
    const pdf = await renderNotice(face, mark)
    const facts = await inspectPdf(pdf)
    expect(facts.embeddedFonts.length).toBeGreaterThan(0)
    for (const f of facts.embeddedFonts) expect(f).toMatch(/^[A-Z]{6}\+NotoSerifSC-/)
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/)
    expect(pdf.length).toBeLessThan(300 * 1024)
  })

  it('gives the same bytes for the same face (so a re-download hashes the same)', async () => {
    const [a, b] = await Promise.all([renderNotice(face, mark), renderNotice(face, mark)])
    expect(a.equals(b)).toBe(true)
    const other = await renderNotice({ ...face, number: '〔2026〕补字第8号' }, mark)
    expect(other.equals(a)).toBe(false)
  })

  it('flows a long list onto a second page and still signs and marks it', async () => {
    const items = Array.from({ length: 30 }, (_, i) => `第${i + 1}份材料：请提供加盖公章的原件，复印件须清晰完整，并由申请人签字确认`)
    const facts = await inspectPdf(await renderNotice({ ...face, items }, mark))
    expect(facts.pages).toBeGreaterThan(1)
    expect(facts.text).toContain('30．第30份材料')
    expect(facts.text).toContain('2026年5月13日')
    expect(facts.links).toContain(mark.url)
  })
})

describe('renderCertificate', () => {
  it('prints the certificate with holder, item, number, issuer, dates and the verify mark', async () => {
    const pdf = await renderCertificate({
      title: '食品经营许可证', number: 'JY13301060012345', holder: '示例市杏花村小吃店', issuer: '示例市市场监督管理局',
      issuedOn: '2026-05-20', validUntil: '2031-05-19', itemName: '食品经营许可', caseNo: 'SJ-0001-20260506-002',
    }, mark)
    const facts = await inspectPdf(pdf)
    for (const s of ['食品经营许可证', 'JY13301060012345', '示例市杏花村小吃店', '食品经营许可', 'SJ-0001-20260506-002', '示例市市场监督管理局',
      '2026年5月20日', '2031年5月19日', '扫码核验真伪']) expect(facts.text).toContain(s)
    expect(facts.links).toContain(mark.url)
    expect(pdf.length).toBeLessThan(300 * 1024)
  })

  it('says 长期有效 when the certificate does not expire', async () => {
    const pdf = await renderCertificate({
      title: '准予许可证书', number: '〔2026〕许字第1号', holder: '王芳', issuer: '示例市民政局', issuedOn: '2026-05-20', validUntil: null, itemName: '最低生活保障', caseNo: 'MZ-0001-20260506-002',
    }, mark)
    expect((await inspectPdf(pdf)).text).toContain('长期有效')
  })
})

describe('notice wording helpers', () => {
  const form = {
    id: 'f', version: 1,
    fields: [
      { type: 'text', name: 'operatorName', label: '经营者名称', prefill: 'companyName' },
      { type: 'text', name: 'legalPerson', label: '法定代表人姓名', prefill: 'name' },
      { type: 'group', name: 'members', label: '家庭成员', fields: [{ type: 'residentId', name: 'idNumber', label: '身份证号码' }] },
    ],
  } as unknown as FormSchema

  it('addresses an organisation by its name, a person by theirs, and falls back to the account', () => {
    expect(applicantName(form, { operatorName: '杏花村小吃店', legalPerson: '李明' }, '李明')).toBe('杏花村小吃店')
    expect(applicantName(form, { legalPerson: '李明' }, null)).toBe('李明')
    expect(applicantName(null, {}, '王芳')).toBe('王芳')
    expect(applicantName(null, {}, null)).toBe('申请人')
  })

  it('names a supplement item in the form’s words', () => {
    expect(pathLabel(form, 'members.0.idNumber')).toBe('家庭成员第1项·身份证号码')
    expect(pathLabel(form, 'operatorName')).toBe('经营者名称')
    expect(pathLabel(form, 'unknown')).toBe('unknown')
  })

  it('sends a reconsideration of a city department to the city government', () => {
    expect(reconsiderationBody('示例市公安局')).toBe('示例市人民政府')
  })
})
