/**
 * 核对电子文书: a PDF someone holds, checked against the document its QR
 * code names — the BFF compares its SHA-256 with the one issued
 * (API.notices.verifyFile; nothing is kept). What a shell checks before
 * sending (a PDF, not empty, no larger than any document we issue) and what
 * the answer means, in the words both shells show.
 */
import { CONTACT_HOTLINE } from '../../legal/agreements'
import { MAX_VERIFY_PDF_BYTES, type VerifyFileResult } from './contracts'

/** The verify page's section for the file itself. */
export const VERIFY_FILE_TEXT = {
  title: '核对电子文书（PDF）',
  intro: '收到的是电子版？选择这份PDF文件，看它和出具的原件是否一模一样。文件只用来核对，不会保存。',
  choose: '选择PDF文件',
  chooseAnother: '换一份PDF文件',
  checking: '正在核对…',
  checked: '核对的文件：',
} as const

export const VERIFY_FILE_MESSAGES = {
  empty: '这个文件是空的，请重新选择',
  notPdf: '只能核对PDF文件（文件名以 .pdf 结尾），请选择您收到的电子文书',
  notPdfContent: '这个文件的内容不是PDF，请选择您收到的电子文书原件',
  tooLarge: `文件超过${MAX_VERIFY_PDF_BYTES / 1024 / 1024}MB，通办出具的电子文书不会这么大，请核对后重新选择`,
} as const

/** Why this file cannot be checked, said before it is sent; null when it may be. */
export function verifyFileIssue(file: { name: string; type: string; size: number }): string | null {
  const pdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name)
  if (!pdf || (file.type !== '' && file.type !== 'application/pdf' && file.type !== 'application/octet-stream')) return VERIFY_FILE_MESSAGES.notPdf
  if (file.size === 0) return VERIFY_FILE_MESSAGES.empty
  if (file.size > MAX_VERIFY_PDF_BYTES) return VERIFY_FILE_MESSAGES.tooLarge
  return null
}

/** A PDF starts with `%PDF-` (ISO 32000-1, 7.5.2). */
export function looksLikePdf(head: Uint8Array): boolean {
  return [0x25, 0x50, 0x44, 0x46, 0x2d].every((b, i) => head[i] === b)
}

/** genuine: byte for byte the one issued; altered: not (changed, or another file); revoked: the one issued, withdrawn since; unknown: no such document. */
export type FileVerdict = 'genuine' | 'altered' | 'revoked' | 'unknown'

/** The verdict on a file from the BFF's answer; null when it found no such document. */
export function fileVerdict(result: Pick<VerifyFileResult, 'matches' | 'status'> | null): FileVerdict {
  if (!result) return 'unknown'
  if (!result.matches) return 'altered'
  return result.status === 'revoked' ? 'revoked' : 'genuine'
}

/** What to say of a verdict, about the document the QR code names (its title and issuer). */
export function fileVerdictText(verdict: FileVerdict, doc: { title: string; issuer: string } | null): { title: string; lead: string } {
  const what = doc ? `${doc.issuer}出具的${doc.title}` : '出具的文书'
  const ask = doc ? `可以向${doc.issuer}核实` : `可以向出具文书的单位核实，或拨打${CONTACT_HOTLINE}政务服务便民热线`
  switch (verdict) {
    case 'genuine': return { title: '与原件一致', lead: `这份PDF文件和${what}一模一样，没有被改动过。` }
    case 'altered': return { title: '与原件不一致', lead: `这份PDF文件和${what}不一样：它被改动过，或者不是这份文书。请不要使用，${ask}。` }
    case 'revoked': return { title: '文书已作废', lead: `这份PDF文件就是${what}，但这份文书已经作废，不能再使用。` }
    case 'unknown': return { title: '无法核验', lead: `没有找到这份文书，它可能是伪造的。请不要轻信，${ask}。` }
  }
}
