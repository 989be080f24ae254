/**
 * The few schema shapes every area uses, over TypeBox, so a contract reads
 * like the DTO it is. Response objects are closed (`additionalProperties:
 * false`): fast-json-stringify drops what a schema does not name, so a
 * field missing from one would vanish silently; closed, the BFF's tests
 * (which check every answer against its schema) fail instead.
 */
import {
  Integer, Literal, Null, Object as TObject, Optional, String as TString, Union, Unsafe, Array as TArray, Boolean as TBoolean, Number as TNumber,
  type ObjectOptions, type Static, type StringOptions, type TProperties, type TSchema,
} from '@sinclair/typebox/type'
import { CASE_NO_PATTERN, ITEM_CODE_PATTERN, MAX_CASE_NO_LENGTH, SERIAL_ID_PATTERN, UUID_PATTERN } from './patterns'

export { Optional, Literal, Union, Unsafe }
export type { Static, TSchema }

/** A closed object: exactly these properties (Optional(...) ones may be absent). */
export function Obj<T extends TProperties>(properties: T, options: ObjectOptions = {}) {
  return TObject(properties, { additionalProperties: false, ...options })
}

export const Str = (options: StringOptions = {}) => TString(options)
export const Bool = () => TBoolean()
/** An integer within bounds (every number a request carries has both). */
export const Int = (minimum: number, maximum: number, options: { default?: number } = {}) => Integer({ minimum, maximum, ...options })
export const Num = (minimum: number, maximum: number) => TNumber({ minimum, maximum })
export const List = <T extends TSchema>(items: T, options: { maxItems?: number } = {}) => TArray(items, options)

/** One of these strings: a plain `enum` (fast to check and to serialise), typed as their union. */
export function Enum<const T extends readonly string[]>(values: T) {
  return Unsafe<T[number]>({ type: 'string', enum: [...values] })
}

/** An object of any keys, each value of this schema. */
export function Dict<T extends TSchema>(values: T) {
  return Unsafe<Record<string, Static<T>>>({ type: 'object', additionalProperties: values })
}

/** One of a record's keys (a label table's: CASE_STATUS_TEXT → CaseStatus). */
export function KeyOf<T extends Record<string, unknown>>(record: T) {
  return Unsafe<keyof T & string>({ type: 'string', enum: Object.keys(record) })
}

/** The value or null. */
export function Nullable<T extends TSchema>(schema: T) {
  const type = (schema as { type?: unknown }).type
  if (typeof type === 'string' && type !== 'object' && type !== 'array' && !('enum' in schema)) {
    return Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] })
  }
  return Union([schema, Null()])
}

/**
 * A value whose shape the core's own types describe (a form definition, the
 * answers to a form, a case's events): serialised as it is, typed as T.
 */
export function Json<T>(description: string, type: 'object' | 'array' = 'object') {
  return Unsafe<T>(type === 'object' ? { type, additionalProperties: true, description } : { type, items: {}, description })
}

/** Path parameters, each patterned. */
export const CaseNo = () => Str({ maxLength: MAX_CASE_NO_LENGTH, pattern: CASE_NO_PATTERN })
export const ItemCode = () => Str({ pattern: ITEM_CODE_PATTERN })
export const Uuid = () => Str({ pattern: UUID_PATTERN })
export const SerialId = () => Str({ pattern: SERIAL_ID_PATTERN })

export const CaseNoParams = Obj({ caseNo: CaseNo() }, { additionalProperties: true })
export const ItemCodeParams = Obj({ code: ItemCode() }, { additionalProperties: true })
export const UuidParams = Obj({ id: Uuid() }, { additionalProperties: true })
export const SerialIdParams = Obj({ id: SerialId() }, { additionalProperties: true })
/** A case's uploaded file: the case, and the file's id. */
export const CaseFileParams = Obj({ caseNo: CaseNo(), fileId: Uuid() }, { additionalProperties: true })
