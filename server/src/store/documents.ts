/**
 * Issued documents (文书) and their verify ids. One row per case, kind and
 * triggering event: issuing again finds the row, so a re-download prints the
 * same number and QR code. The content is the document's face as printed.
 */
import type { DocumentKind } from '@tongban/core'
import type { Queryable } from './db'

export interface DocumentRow<C = unknown> {
  id: string
  kind: DocumentKind
  case_id: string
  event_index: number
  number: string
  content: C
  pdf_sha256: string | null
  issued_at: Date
  revoked_at: Date | null
}

const COLUMNS = 'id, kind, case_id, event_index, number, content, pdf_sha256, issued_at, revoked_at'

export function documentRepo(db: Queryable) {
  return {
    async byId<C>(id: string): Promise<DocumentRow<C> | null> {
      return (await db.query<DocumentRow<C>>(`select ${COLUMNS} from documents where id = $1`, [id]))[0] ?? null
    },
    async forEvent<C>(caseId: string, kind: DocumentKind, eventIndex: number): Promise<DocumentRow<C> | null> {
      return (await db.query<DocumentRow<C>>(`select ${COLUMNS} from documents where case_id = $1 and kind = $2 and event_index = $3`, [caseId, kind, eventIndex]))[0] ?? null
    },
    /** The next serial of a kind in a year (文号), atomically. */
    async nextSerial(kind: DocumentKind, year: number): Promise<number> {
      const rows = await db.query<{ seq: number }>(
        `insert into document_counters (kind, year, seq) values ($1, $2, 1)
         on conflict (kind, year) do update set seq = document_counters.seq + 1 returning seq`,
        [kind, year],
      )
      return rows[0]!.seq
    },
    async insert(d: { id: string; kind: DocumentKind; caseId: string; eventIndex: number; number: string; content: unknown; at: Date }): Promise<void> {
      await db.query(
        'insert into documents (id, kind, case_id, event_index, number, content, issued_at) values ($1, $2, $3, $4, $5, $6, $7)',
        [d.id, d.kind, d.caseId, d.eventIndex, d.number, JSON.stringify(d.content), d.at],
      )
    },
    async setHash(id: string, sha256: string): Promise<void> {
      await db.query('update documents set pdf_sha256 = $2 where id = $1 and pdf_sha256 is null', [id, sha256])
    },
  }
}
