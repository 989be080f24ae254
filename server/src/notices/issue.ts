/**
 * Issuing a document: the first time a notice (or certificate) of a case's
 * event is asked for, it gets a 文号 from the year's counter and an
 * unguessable verify id, and its face is stored; every later request renders
 * that stored face again, so the PDF is byte for byte the one first issued
 * (same number, same QR code, same SHA-256). The case row is locked while a
 * document is issued, so two first downloads at once give one number.
 */
import { createHash, randomBytes } from 'node:crypto'
import { verifyPageUrl, type DocumentKind } from '@tongban/core'
import type { Db } from '../store/db'
import { caseRepo } from '../store/cases'
import { documentRepo, type DocumentRow } from '../store/documents'
import { documentNumber } from './faces'
import { renderCertificate, renderNotice, type CertificateFace, type NoticeFace } from './render'

/** What is stored with a document: its face and the address its QR code opens. */
export type StoredContent =
  | { kind: 'certificate'; face: CertificateFace; verifyUrl: string }
  | { kind: Exclude<DocumentKind, 'certificate'>; face: NoticeFace; verifyUrl: string }

export interface IssueRequest<K extends DocumentKind> {
  kind: K
  caseNo: string
  eventIndex: number
  /** Scheme + host the QR code points at, e.g. https://tongban.example.gov.cn. */
  origin: string
  at: Date
  /** The face, given the 文号 the document gets; called only on first issue, inside the issuing transaction (so: no queries). */
  face: (number: string) => (K extends 'certificate' ? CertificateFace : NoticeFace) | Promise<K extends 'certificate' ? CertificateFace : NoticeFace>
}

export interface IssuedDocument {
  row: DocumentRow<StoredContent>
  pdf: Buffer
}

/** 128 random bits, base64url: 22 characters. */
function newDocumentId(): string {
  return randomBytes(16).toString('base64url')
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export async function renderStored(row: Pick<DocumentRow<StoredContent>, 'id' | 'content'>): Promise<Buffer> {
  const c = row.content
  const mark = { id: row.id, url: c.verifyUrl }
  return c.kind === 'certificate' ? renderCertificate(c.face, mark) : renderNotice(c.face, mark)
}

/** The document of this case, kind and event: issued now if it never was, else as first issued. */
export async function issueDocument<K extends DocumentKind>(db: Db, req: IssueRequest<K>): Promise<IssuedDocument> {
  const row = await db.transaction(async (tx) => {
    const caseId = await caseRepo(tx).lockByNo(req.caseNo)
    if (!caseId) throw new Error(`no case ${req.caseNo}`)
    const docs = documentRepo(tx)
    const existing = await docs.forEvent<StoredContent>(caseId, req.kind, req.eventIndex)
    if (existing) return existing
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(req.at))
    const number = documentNumber(req.kind, year, await docs.nextSerial(req.kind, year))
    const id = newDocumentId()
    const content = { kind: req.kind, face: await req.face(number), verifyUrl: verifyPageUrl(req.origin, id) } as StoredContent
    await docs.insert({ id, kind: req.kind, caseId, eventIndex: req.eventIndex, number, content, at: req.at })
    return (await docs.byId<StoredContent>(id))!
  })
  const pdf = await renderStored(row)
  if (!row.pdf_sha256) {
    const hash = sha256(pdf)
    await documentRepo(db).setHash(row.id, hash)
    row.pdf_sha256 = hash
  }
  return { row, pdf }
}
