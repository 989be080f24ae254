import type { Licence } from '@tongban/core';
/** Where the QR code points, and the id printed under it for typing in by hand. */
export interface VerifyMark {
    id: string;
    url: string;
}
/** A notice's face, exactly as printed (stored with the document, so it re-renders identically). */
export interface NoticeFace {
    title: string;
    /** 文号, e.g. 〔2026〕受字第12号. */
    number: string;
    caseNo: string;
    itemName: string;
    /** 主送: the applicant, as a person or an organisation. */
    addressee: string;
    paragraphs: string[];
    /** Numbered items (补正 list), after the paragraphs. */
    items?: string[];
    /** Paragraphs after the items. */
    after?: string[];
    /** 特此通知。/ 特此告知。/ 特此决定。 */
    closing: string;
    issuer: string;
    /** YYYY-MM-DD; printed as 2026年5月1日. */
    issuedOn: string;
}
/** A certificate (准予许可证书 / 电子证照) as printed: the wallet licence's face (title: its kind, e.g. 食品经营许可证), and its case. */
export interface CertificateFace extends Pick<Licence, 'number' | 'holder' | 'issuer' | 'issuedOn' | 'validUntil'> {
    title: string;
    itemName: string;
    caseNo: string;
}
/** 2026-05-01 → 2026年5月1日 (GB/T 9704: the date in Arabic numerals, no leading zeros). */
export declare function chineseDate(day: string): string;
export declare function renderNotice(face: NoticeFace, mark: VerifyMark): Promise<Buffer>;
export declare function renderCertificate(face: CertificateFace, mark: VerifyMark): Promise<Buffer>;
