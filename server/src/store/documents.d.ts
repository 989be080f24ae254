/**
 * Issued documents (文书) and their verify ids. One row per case, kind and
 * triggering event: issuing again finds the row, so a re-download prints the
 * same number and QR code. The content is the document's face as printed.
 */
import type { DocumentKind } from '@tongban/core';
import type { Queryable } from './db';
export interface DocumentRow<C = unknown> {
    id: string;
    kind: DocumentKind;
    case_id: string;
    event_index: number;
    number: string;
    content: C;
    pdf_sha256: string | null;
    issued_at: Date;
    revoked_at: Date | null;
}
export declare function documentRepo(db: Queryable): {
    byId<C>(id: string): Promise<DocumentRow<C> | null>;
    forEvent<C>(caseId: string, kind: DocumentKind, eventIndex: number): Promise<DocumentRow<C> | null>;
    /** The next serial of a kind in a year (文号), atomically. */
    nextSerial(kind: DocumentKind, year: number): Promise<number>;
    insert(d: {
        id: string;
        kind: DocumentKind;
        caseId: string;
        eventIndex: number;
        number: string;
        content: unknown;
        at: Date;
    }): Promise<void>;
    setHash(id: string, sha256: string): Promise<void>;
};
