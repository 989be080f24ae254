/**
 * 文书核验 in words, for every shell that checks a document: the PWA's page
 * behind the QR code and the mini-program's, where a citizen scans the code
 * or types the 核验码 printed under it. What a document's verify answer
 * (VerifyView) says — 真实有效, 已作废, or 无法核验 when no such document
 * was issued — and the face to compare with the paper.
 */
import { DOCUMENT_ID_PATTERN } from '../contract/patterns'
import { yearMonthDayText } from '../../clock/lights'
import { CONTACT_HOTLINE } from '../../legal/agreements'
import type { VerifyView } from './contracts'

const DOCUMENT_ID = new RegExp(DOCUMENT_ID_PATTERN)
/** The QR code's address: `<origin>/verify/<id>` (verifyPageUrl), perhaps with a query. */
const VERIFY_URL = /\/verify\/([A-Za-z0-9_-]{22})\/?(?:[?#].*)?$/

/**
 * The document id in what was scanned or typed: the QR code's address, or
 * the 核验码 as printed (`核验码：…`, spaces allowed). Null when it is
 * neither (a case number, another QR code): nothing to ask the BFF.
 */
export function verifyCodeOf(text: string): string | null {
  const t = text.trim()
  const url = VERIFY_URL.exec(t)
  const id = url ? url[1]! : t.replace(/^核验码[:：]?/, '').replace(/\s+/g, '')
  return DOCUMENT_ID.test(id) ? id : null
}

export const VERIFY_TEXT = {
  title: '文书核验',
  /** What to type, and where it is printed. */
  codeLabel: '核验码',
  codeHelp: '在文书二维码下方“核验码：”后面，共22位字母和数字',
  /** A code that is not one (typed wrong), or a QR code that is not a document's. */
  codeInvalid: '核验码应为22位字母和数字，请对照文书二维码下方的核验码重新输入',
  scannedOther: '扫到的不是通办文书的二维码。请扫文书左下角“扫码核验真伪”上方的二维码',
  notFound: {
    heading: '无法核验',
    lines: ['没有找到这份文书。它可能是伪造的，或者二维码有破损。', `请不要轻信，可以打电话问出具文书的单位，或拨打${CONTACT_HOTLINE}政务服务便民热线。`],
  },
  /** A network or server failure is no verdict. */
  notChecked: '这不代表文书是假的，请稍后再核验一次。',
  compare: '请和纸上的内容对一对',
  bodyTitle: '正文',
} as const

export interface VerifyVerdict {
  valid: boolean
  heading: string
  lines: string[]
}

/** The verdict on a document the BFF knows: genuine, or revoked. */
export function verifyVerdict(doc: VerifyView): VerifyVerdict {
  if (doc.status === 'valid') return { valid: true, heading: doc.statusLabel, lines: [`这份${doc.title}是${doc.issuer}出具的，是真的。`] }
  return { valid: false, heading: doc.statusLabel, lines: [`这份${doc.title}已经作废，不能再使用。有疑问请向${doc.issuer}咨询。`] }
}

/** What is printed on the document, to compare with the paper. */
export function verifyFaceRows(doc: VerifyView): { label: string; value: string }[] {
  return [
    { label: '文书', value: doc.title },
    { label: '文号', value: doc.number },
    { label: '办理事项', value: doc.itemName },
    { label: '办件编号', value: doc.caseNoMasked },
    { label: '出具单位', value: doc.issuer },
    { label: '出具日期', value: yearMonthDayText(doc.issuedOn) },
  ]
}

/** Under the face: a paper that reads otherwise was altered. */
export function verifyAlteredText(doc: Pick<VerifyView, 'issuer'>): string {
  return `如果纸上写的和这里不一样，说明文书可能被改过，请向${doc.issuer}核实。`
}
