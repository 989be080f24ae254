/**
 * A4 PDFs of the documents a case gives rise to, laid out like a printed
 * Chinese government notice (GB/T 9704 margins and sizes: title in 二号,
 * body in 三号 with a two-character first-line indent, the issuing organ
 * and the date at the bottom right), with a QR code to the public verify
 * page. Rendering is a pure function of its input: the same face and verify
 * address give the same bytes, so a document can be re-downloaded as issued
 * and its SHA-256 checked.
 */
import type PDFKit from 'pdfkit'
import type { Licence } from '@tongban/core'
import type QRCodeLib from 'qrcode'
import { fontBytes } from './fonts'

interface Libraries { PDFDocument: typeof PDFKit; QRCode: typeof QRCodeLib }
let libraries: Libraries | undefined

/** pdfkit and qrcode are loaded at the first document (~35 MB that a BFF issuing none never needs). */
async function load(): Promise<Libraries> {
  if (!libraries) {
    const [pdfkit, qrcode] = await Promise.all([import('pdfkit'), import('qrcode')])
    libraries = { PDFDocument: pdfkit.default, QRCode: qrcode.default }
  }
  return libraries
}

const MM = 72 / 25.4
export const A4 = { width: 595.28, height: 841.89 }
/** GB/T 9704-2012: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM }
const TITLE_SIZE = 22 // 二号
const BODY_SIZE = 16 // 三号
const SMALL_SIZE = 9
const LINE_GAP = 9
const QR_SIZE = 72

/** Where the QR code points, and the id printed under it for typing in by hand. */
export interface VerifyMark {
  id: string
  url: string
}

/** A notice's face, exactly as printed (stored with the document, so it re-renders identically). */
export interface NoticeFace {
  title: string
  /** 文号, e.g. 〔2026〕受字第12号. */
  number: string
  caseNo: string
  itemName: string
  /** 主送: the applicant, as a person or an organisation. */
  addressee: string
  paragraphs: string[]
  /** Numbered items (补正 list), after the paragraphs. */
  items?: string[]
  /** Paragraphs after the items. */
  after?: string[]
  /** 特此通知。/ 特此告知。/ 特此决定。 */
  closing: string
  issuer: string
  /** YYYY-MM-DD; printed as 2026年5月1日. */
  issuedOn: string
}

/** A certificate (准予许可证书 / 电子证照) as printed: the wallet licence's face (title: its kind, e.g. 食品经营许可证), and its case. */
export interface CertificateFace extends Pick<Licence, 'number' | 'holder' | 'issuer' | 'issuedOn' | 'validUntil'> {
  title: string
  itemName: string
  caseNo: string
}

/** 2026-05-01 → 2026年5月1日 (GB/T 9704: the date in Arabic numerals, no leading zeros). */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

export type Doc = InstanceType<typeof PDFKit>
export type Margins = typeof MARGIN

/** An A4 document with the CJK font registered as `body` and `bold`; its bytes depend on the content and `issuedOn` only. */
export async function newDocument(title: string, issuedOn: string, margins: Margins = MARGIN): Promise<Doc> {
  const { PDFDocument } = await load()
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    // A fixed date and no producer noise: the bytes depend on the content only.
    info: { Title: title, Producer: 'Tongban', Creator: 'Tongban', CreationDate: new Date(`${issuedOn}T00:00:00+08:00`) },
    lang: 'zh-CN',
    displayTitle: true,
    pdfVersion: '1.7',
  })
  doc.registerFont('body', fontBytes('regular'))
  doc.registerFont('bold', fontBytes('bold'))
  return doc
}

export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}

/** The QR code as vector squares (crisp at any zoom, a few hundred bytes), with a link over it (after newDocument). */
export function drawQr(doc: Doc, mark: Pick<VerifyMark, 'url'>, x: number, y: number, size: number): void {
  const qr = libraries!.QRCode.create(mark.url, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const quiet = 2
  const cell = size / (n + quiet * 2)
  doc.save().rect(x, y, size, size).fill('#ffffff').restore()
  doc.save()
  for (let r = 0; r < n; r++) {
    let c = 0
    while (c < n) {
      if (!qr.modules.get(r, c)) { c++; continue }
      const start = c
      while (c < n && qr.modules.get(r, c)) c++
      doc.rect(x + (quiet + start) * cell, y + (quiet + r) * cell, (c - start) * cell, cell)
    }
  }
  doc.fill('#000000').restore()
  doc.link(x, y, size, size, mark.url)
}

/** The QR block sits low, partly in the bottom margin, so the text above keeps most of the page. */
const QR_TOP = A4.height - 40 - QR_SIZE

/** QR code at the bottom left of the current page, with 扫码核验真伪 and the id under it. */
function verifyBlock(doc: Doc, mark: VerifyMark): void {
  const x = MARGIN.left
  const y = QR_TOP
  drawQr(doc, mark, x, y, QR_SIZE)
  const tx = x + QR_SIZE + 8
  doc.font('bold').fontSize(11).fillColor('#000000').text('扫码核验真伪', tx, y + 14, { lineBreak: false })
  doc.font('body').fontSize(SMALL_SIZE).fillColor('#333333')
    .text(`核验码：${mark.id}`, tx, y + 34, { lineBreak: false })
    .text(mark.url, tx, y + 48, { lineBreak: false, link: mark.url })
  doc.fillColor('#000000')
}

const contentWidth = A4.width - MARGIN.left - MARGIN.right

function paragraph(doc: Doc, text: string, opts: { indent?: boolean } = {}): void {
  doc.font('body').fontSize(BODY_SIZE).text(text, MARGIN.left, doc.y, {
    width: contentWidth, lineGap: LINE_GAP, indent: opts.indent === false ? 0 : BODY_SIZE * 2, align: 'justify',
  })
}

/**
 * GB/T 9704 for a single organ without a seal: one blank line after the
 * body, the organ's name 右空二字, the date on the next line starting two
 * characters to the right of the name (or 右空二字 when the date is the
 * longer). A new page when they would run into the QR block.
 */
function signature(doc: Doc, issuer: string, issuedOn: string): void {
  const line = BODY_SIZE + LINE_GAP
  if (doc.y + line * 3 > QR_TOP - 6) doc.addPage()
  doc.font('body').fontSize(BODY_SIZE)
  const date = chineseDate(issuedOn)
  const right = A4.width - MARGIN.right - BODY_SIZE * 2
  const issuerW = doc.widthOfString(issuer)
  const dateW = doc.widthOfString(date)
  let issuerX = right - issuerW
  let dateX = issuerX + BODY_SIZE * 2
  if (dateX + dateW > right) {
    dateX = right - dateW
    issuerX = Math.min(issuerX, dateX - BODY_SIZE * 2)
  }
  const y = doc.y + line
  doc.text(issuer, issuerX, y, { lineBreak: false })
  doc.text(date, dateX, y + line, { lineBreak: false })
}

export async function renderNotice(face: NoticeFace, mark: VerifyMark): Promise<Buffer> {
  const doc = await newDocument(face.title, face.issuedOn)
  doc.font('bold').fontSize(TITLE_SIZE).text(face.title, MARGIN.left, MARGIN.top, { width: contentWidth, align: 'center', characterSpacing: 2 })
  doc.moveDown(0.4)
  doc.font('body').fontSize(BODY_SIZE).text(face.number, { width: contentWidth, align: 'center' })
  doc.moveDown(1.2)
  paragraph(doc, `${face.addressee}：`, { indent: false })
  for (const p of face.paragraphs) paragraph(doc, p)
  face.items?.forEach((item, i) => paragraph(doc, `${i + 1}．${item}`))
  for (const p of face.after ?? []) paragraph(doc, p)
  paragraph(doc, face.closing)
  signature(doc, face.issuer, face.issuedOn)
  verifyBlock(doc, mark)
  return finish(doc)
}

export async function renderCertificate(face: CertificateFace, mark: VerifyMark): Promise<Buffer> {
  const doc = await newDocument(face.title, face.issuedOn)
  const inset = 14 * MM
  // A double frame, as on a printed certificate.
  doc.save().lineWidth(2.5).strokeColor('#a61b1b').rect(inset, inset, A4.width - inset * 2, A4.height - inset * 2).stroke()
    .lineWidth(0.8).rect(inset + 5, inset + 5, A4.width - inset * 2 - 10, A4.height - inset * 2 - 10).stroke().restore()
  doc.font('bold').fontSize(30).fillColor('#a61b1b').text(face.title, MARGIN.left, MARGIN.top + 10, { width: contentWidth, align: 'center', characterSpacing: 6 })
  doc.fillColor('#000000').moveDown(0.5)
  doc.font('body').fontSize(13).text(`编号：${face.number}`, { width: contentWidth, align: 'center' })
  doc.moveDown(2)
  const rows: [string, string][] = [
    ['持 证 者', face.holder],
    ['许可事项', face.itemName],
    ['办件编号', face.caseNo],
    ['发证机关', face.issuer],
    ['发证日期', chineseDate(face.issuedOn)],
    ['有效期至', face.validUntil ? chineseDate(face.validUntil) : '长期有效'],
  ]
  const labelW = BODY_SIZE * 5.5
  for (const [label, value] of rows) {
    const y = doc.y
    doc.font('bold').fontSize(BODY_SIZE).text(`${label}：`, MARGIN.left + BODY_SIZE, y, { width: labelW, lineBreak: false })
    doc.font('body').fontSize(BODY_SIZE).text(value, MARGIN.left + BODY_SIZE + labelW, y, { width: contentWidth - labelW - BODY_SIZE, lineGap: LINE_GAP })
    doc.moveDown(0.9)
  }
  doc.x = MARGIN.left
  signature(doc, face.issuer, face.issuedOn)
  verifyBlock(doc, mark)
  return finish(doc)
}
