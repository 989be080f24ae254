/**
 * What each notice says, from the case (number, item, applicant), the item
 * (department, promises, kind) and the event that gave rise to it (day,
 * supplement items, refusal reason and basis). Pure: data in, the printed
 * face out. Wording follows the 行政许可法 (Arts. 32, 42, 45) for licences;
 * other items get the same notices without citing it.
 */
import { type CaseEvent, type FormSchema, type FormValues, type Item, type NoticeKind } from '@tongban/core';
import { type NoticeFace } from './render';
export declare function documentNumber(kind: NoticeKind | 'certificate', year: number, serial: number): string;
/** The events of a kind of notice, with their index in the case's events, oldest first. */
export declare function noticeEvents(events: readonly CaseEvent[], kind: NoticeKind): {
    index: number;
    event: CaseEvent;
}[];
/**
 * The applicant as the notice addresses them: the organisation for a legal
 * person's form (经营者名称), else the person's name from the form, else the
 * account's real name.
 */
export declare function applicantName(form: FormSchema | null, values: FormValues, accountName: string | null): string;
/** A supplement item's path (savings, members.0.idNumber) in the form's own words: 家庭成员第1项·身份证号码. */
export declare function pathLabel(form: FormSchema | null, path: string): string;
/** The organ that hears a reconsideration of a municipal department: the government of its city (or county, district). */
export declare function reconsiderationBody(department: string): string;
export interface NoticeFacts {
    kind: NoticeKind;
    number: string;
    caseNo: string;
    applicant: string;
    item: Pick<Item, 'name' | 'kind' | 'department' | 'promisedDays' | 'statutoryDays' | 'consultPhone'>;
    form: FormSchema | null;
    /** All the case's events, and the index of the one the notice is issued on. */
    events: readonly CaseEvent[];
    eventIndex: number;
    /** Department code → name (a denial names each department that said no). */
    departmentName: (code: string) => string;
}
export declare function noticeFace(f: NoticeFacts): NoticeFace;
