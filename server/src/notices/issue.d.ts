import { type DocumentKind } from '@tongban/core';
import type { Db } from '../store/db';
import { type DocumentRow } from '../store/documents';
import { type CertificateFace, type NoticeFace } from './render';
/** What is stored with a document: its face and the address its QR code opens. */
export type StoredContent = {
    kind: 'certificate';
    face: CertificateFace;
    verifyUrl: string;
} | {
    kind: Exclude<DocumentKind, 'certificate'>;
    face: NoticeFace;
    verifyUrl: string;
};
export interface IssueRequest<K extends DocumentKind> {
    kind: K;
    caseNo: string;
    eventIndex: number;
    /** Scheme + host the QR code points at, e.g. https://tongban.example.gov.cn. */
    origin: string;
    at: Date;
    /** The face, given the 文号 the document gets; called only on first issue, inside the issuing transaction (so: no queries). */
    face: (number: string) => (K extends 'certificate' ? CertificateFace : NoticeFace) | Promise<K extends 'certificate' ? CertificateFace : NoticeFace>;
}
export interface IssuedDocument {
    row: DocumentRow<StoredContent>;
    pdf: Buffer;
}
export declare function sha256(bytes: Buffer): string;
export declare function renderStored(row: Pick<DocumentRow<StoredContent>, 'id' | 'content'>): Promise<Buffer>;
/** The document of this case, kind and event: issued now if it never was, else as first issued. */
export declare function issueDocument<K extends DocumentKind>(db: Db, req: IssueRequest<K>): Promise<IssuedDocument>;
