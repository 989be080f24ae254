/**
 * 办结 with a licence (Art. 39, 44): the certificate the clerk issues with an
 * approved case's result goes into the applicant's 电子证照 wallet, in the
 * transaction that completes the case — once per case (a unique case id).
 * The holder is the name the form asked for from the account (the field
 * prefilled with the person's or company's name); the issuer is the
 * item's own department, which leads when several handle the case (Art. 26:
 * one department answers for the result).
 */
import type { FormSchema } from '@tongban/core';
import type { ActContext } from './act';
/** The holder's name as the applicant wrote it: the field the form fills from the account's name. */
export declare function holderName(form: FormSchema, values: Record<string, unknown>): string | null;
export declare function issueCertificate(ctx: ActContext): Promise<void>;
