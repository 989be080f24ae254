/**
 * Form schemas as plain JSON data, served with the item and cached by the
 * shells: a list of fields (a union on `type`), conditions that show or
 * require a field, and cross-field rules. Nothing here runs; the validator
 * reads these shapes defensively, since a schema may arrive broken.
 */

export type FieldType =
  | 'text' | 'textarea' | 'number' | 'money' | 'date' | 'dateRange'
  | 'select' | 'radio' | 'checkbox' | 'switch'
  | 'mobile' | 'residentId' | 'creditCode' | 'email'
  | 'region' | 'address' | 'group' | 'material' | 'consent'

export const FIELD_TYPES: readonly FieldType[] = [
  'text', 'textarea', 'number', 'money', 'date', 'dateRange',
  'select', 'radio', 'checkbox', 'switch',
  'mobile', 'residentId', 'creditCode', 'email',
  'region', 'address', 'group', 'material', 'consent',
]

export type ConditionValue = string | number | boolean | null

/**
 * When a field shows or is required. `field` is a dotted path whose first
 * segment names a field of the nearest enclosing scope that declares it
 * (inside a group item: a sibling first, then the form's own fields); the
 * rest indexes into that field's value (`region.province`, `period.start`).
 * A hidden field reads as empty. On an array value (checkbox), `equals`
 * means "contains" and `in` means "shares a value with".
 */
export type Condition =
  | { situation: string; in: string[] }
  | { field: string; equals: ConditionValue }
  | { field: string; in: ConditionValue[] }
  | { field: string; filled: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }

/** What a field may be prefilled with from the signed-in account. */
export type PrefillKey = 'name' | 'phone' | 'idNumber' | 'companyName' | 'creditCode'

export interface FieldOption {
  value: string
  label: string
}

interface FieldBase {
  /** Letters, digits and `_`, starting with a letter; unique within its scope. */
  name: string
  label: string
  help?: string
  required?: boolean
  visibleWhen?: Condition
  requiredWhen?: Condition
}

interface StringRules {
  /** In characters (code points), after trimming. */
  minLength?: number
  maxLength?: number
  /** A RegExp source compiled with the `u` flag; like HTML's `pattern`, the whole value must match. */
  pattern?: string
}

/**
 * The applicant's own (申请人本人): a top-level field prefilled with the real
 * name (`prefill: 'name'` or `'idNumber'`) that must hold the applicant's
 * 实名 — filled from it, read-only in the shells, refused by the BFF when it
 * names someone else. `true`, or a condition saying when (the 法定代表人 is
 * not the person applying when a 委托代理人 applies).
 */
export type ApplicantMark = true | Condition

export interface TextField extends FieldBase, StringRules { type: 'text'; prefill?: 'name' | 'companyName'; applicant?: ApplicantMark }
export interface TextareaField extends FieldBase, StringRules { type: 'textarea' }
export interface AddressField extends FieldBase, StringRules { type: 'address' }
export interface EmailField extends FieldBase { type: 'email' }
export interface MobileField extends FieldBase { type: 'mobile'; prefill?: 'phone' }
export interface ResidentIdField extends FieldBase { type: 'residentId'; prefill?: 'idNumber'; applicant?: ApplicantMark }
export interface CreditCodeField extends FieldBase { type: 'creditCode'; prefill?: 'creditCode' }

export interface NumberField extends FieldBase { type: 'number'; min?: number; max?: number; integer?: boolean }
/** Yuan, at most two decimals; at least 0 unless `min` says otherwise. */
export interface MoneyField extends FieldBase { type: 'money'; min?: number; max?: number }

/** `YYYY-MM-DD`, or `'today'` (from the validation context, Asia/Shanghai). */
export type DateBound = string
export interface DateField extends FieldBase { type: 'date'; min?: DateBound; max?: DateBound }
/** Value `{ start, end }`; the end may equal the start. */
export interface DateRangeField extends FieldBase { type: 'dateRange'; min?: DateBound; max?: DateBound }

export interface SelectField extends FieldBase { type: 'select'; options: FieldOption[] }
export interface RadioField extends FieldBase { type: 'radio'; options: FieldOption[] }
export interface CheckboxField extends FieldBase { type: 'checkbox'; options: FieldOption[]; minItems?: number; maxItems?: number }
export interface SwitchField extends FieldBase { type: 'switch' }

/** GB/T 2260 codes; `depth` 1 = province only, 2 = to the city, 3 (default) = to the district. */
export interface RegionField extends FieldBase { type: 'region'; depth?: 1 | 2 | 3 }

/** Repeatable block (family members, shareholders): an array of objects, each checked against `fields`. */
export interface GroupField extends FieldBase {
  type: 'group'
  fields: FormField[]
  minItems?: number
  maxItems?: number
  /** Rules checked within each item (paths name the item's own fields). */
  rules?: CrossRule[]
  /**
   * The first item is the applicant's own (本人, as in a household's members):
   * a new form starts with it, holding `values` (e.g. relation: self) and,
   * from the signed-in account, `prefill` (item field → what fills it), so
   * the applicant's name and ID number are not typed a second time.
   */
  selfItem?: { values?: Record<string, string | number | boolean>; prefill?: Record<string, PrefillKey> }
}

/** A file uploaded beforehand, or an e-licence (电子证照) when `eLicenceTypes` lists any. */
export interface MaterialField extends FieldBase {
  type: 'material'
  accept?: ('pdf' | 'image')[]
  eLicenceTypes?: string[]
  /** The catalogue material this field supplies, if any. */
  materialId?: string
  /**
   * Another person's or company's e-licence is allowed here (a landlord's or a
   * spouse's 不动产权证书): accepted, and flagged 他人证照 to the clerk. Without
   * it, a licence must be the applicant's own (core licences/owner.ts).
   */
  eLicenceOfOthers?: boolean
}

/** A declaration or signature box (承诺/授权): when required, it must be ticked. */
export interface ConsentField extends FieldBase { type: 'consent'; text?: string }

export type FormField =
  | TextField | TextareaField | AddressField | EmailField | MobileField | ResidentIdField | CreditCodeField
  | NumberField | MoneyField | DateField | DateRangeField
  | SelectField | RadioField | CheckboxField | SwitchField
  | RegionField | GroupField | MaterialField | ConsentField

/**
 * Rules across fields. `message` names an entry of FORM_MESSAGES to say it
 * in the form's own words (e.g. 'shares_sum'); the code stays the same.
 */
export type CrossRule =
  | { type: 'dateOrder'; start: string; end: string; strict?: boolean; message?: string }
  | { type: 'sum'; group: string; field: string; equals: number; message?: string }

export interface FormSchema {
  id: string
  version: number
  fields: FormField[]
  rules?: CrossRule[]
  /**
   * Materials of the guide this form takes in other than by a material
   * field: material id → the field that holds it, or '' for the form
   * itself (the 申请书 it replaces).
   */
  fills?: Record<string, string>
  /** Materials handed in at the hall instead (originals to be seen there): the form and the receipt list them. */
  atHall?: string[]
}

export type RegionValue = { province: string; city?: string; district?: string }
export type DateRangeValue = { start: string; end: string }
export type MaterialValue = { kind: 'upload'; fileId: string } | { kind: 'eLicence'; licenceId: string }
export type FieldValue =
  | string | number | boolean | string[] | RegionValue | DateRangeValue | MaterialValue | FormValues[]
export type FormValues = { [name: string]: FieldValue | undefined }
