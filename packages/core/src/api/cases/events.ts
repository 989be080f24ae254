/**
 * The workbench's action on a case, one schema for the machine's union.
 *
 * The machine's `CaseEventBody` is a union, one member per event type; the
 * request schema stays flat (the type, and every field some staff event
 * carries, each optional and bounded), because the machine itself says what
 * each type requires, in its own words (`supplement_items_missing`,
 * `refusal_grounds_missing`…): a union schema would answer those with
 * schema errors instead. What the two share is checked here at compile
 * time: the enum is exactly the events staff send, each of those events'
 * fields is in the schema with its type, and the schema has no field no
 * event carries. The body's type is the machine's union itself.
 */
import { MAX_OPINION_LENGTH, STATUTORY, type CaseEventBody } from '../../cases/machine'
import { Enum, Int, List, Nullable, Obj, Optional, Str, Unsafe, type Static } from '../contract/schema'
import { MAX_CASE_VERSION } from './limits'

/** The events a staff member sends from the workbench (the citizen's are submit, resubmit and withdraw). */
export const STAFF_EVENT_TYPES = [
  'start_pre_review', 'request_supplement', 'refuse', 'accept', 'advance_branch', 'decide_branch', 'pause_branch', 'resume_branch', 'extend', 'complete',
] as const satisfies readonly CaseEventBody['type'][]
export type StaffEventType = (typeof STAFF_EVENT_TYPES)[number]

/** One of the events staff send, as the machine types it. */
export type StaffCaseEvent = Extract<CaseEventBody, { type: StaffEventType }>
/** What the workbench posts: the event, the case version it was taken on, and an optional note. */
export type StaffCaseEventBody = StaffCaseEvent & { version: number; note?: string }

const flatEventSchema = Obj({
  type: Enum(STAFF_EVENT_TYPES),
  version: Int(0, MAX_CASE_VERSION),
  items: Optional(List(Obj({ path: Str({ maxLength: 200 }), reason: Str({ maxLength: 500 }) }), { maxItems: 50 })),
  reason: Optional(Str({ maxLength: 500 })),
  basis: Optional(Str({ maxLength: 300 })),
  departments: Optional(List(Str({ maxLength: 32 }), { maxItems: 10 })),
  department: Optional(Str({ maxLength: 32 })),
  outcome: Optional(Enum(['approved', 'denied'])),
  opinion: Optional(Str({ maxLength: MAX_OPINION_LENGTH })),
  toApplicant: Optional(Str({ maxLength: MAX_OPINION_LENGTH })),
  procedure: Optional(Str({ maxLength: 50 })),
  expectedEnd: Optional(Str({ maxLength: 10 })),
  days: Optional(Int(1, STATUTORY.joint.extension)),
  note: Optional(Str({ maxLength: 500 })),
  certificate: Optional(Obj({ number: Str({ minLength: 1, maxLength: 60 }), validUntil: Optional(Nullable(Str({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }))) })),
})

/** The flat schema, typed as the machine's union (each type's required fields are the machine's to check). */
export const staffCaseEventBodySchema = Unsafe<StaffCaseEventBody>(flatEventSchema)

// ---- compile-time agreement of the flat schema and the machine's union --------

type Flat = Static<typeof flatEventSchema>
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
/** Each field of one event, present in the flat schema with a type that holds it. */
type Held<M> = M extends unknown ? { [K in keyof M]-?: K extends keyof Flat ? (NonNullable<M[K]> extends NonNullable<Flat[K]> ? true : K) : K }[keyof M] : never
type KeysOf<U> = U extends unknown ? keyof U : never

const staffTypesAreTheMachines: Equal<StaffEventType, Exclude<CaseEventBody['type'], 'submit' | 'resubmit' | 'withdraw'>> = true
const everyEventFieldIsInTheSchema: Equal<Held<StaffCaseEventBody>, true> = true
const noSchemaFieldWithoutAnEvent: Equal<Exclude<keyof Flat, KeysOf<StaffCaseEventBody>>, never> = true
void [staffTypesAreTheMachines, everyEventFieldIsInTheSchema, noSchemaFieldWithoutAnEvent]
