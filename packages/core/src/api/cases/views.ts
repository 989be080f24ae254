/**
 * What the BFF answers about a case: a row of 我的办件 or a workbench
 * queue, the case as submitted with its clock, timeline and branches, what
 * a staff member may do with it now, a draft kept across devices, and what
 * 办件查询 shows anyone with the number. Each is a TypeBox schema (closed
 * objects: the BFF's answers serialise by them) with its type.
 */
import type { Answers } from '../../catalogue/materials'
import { BRANCH_STATUS_TEXT, CASE_STATUS_TEXT, DUE_STEP_TEXT, TRANSITIONS, type BranchStatus, type CaseEventBody, type CaseStatus, type ClockStop, type DueStep, type Outcome, type StaffTimelineEntry, type TimelineEntry } from '../../cases/machine'
import type { Light } from '../../clock/lights'
import type { FormSchema, FormValues } from '../../forms/schema'
import type { AttachmentDetails } from '../../forms/attachments'
import { MAX_UPLOAD_BYTES, UPLOAD_MIME_TYPES } from '../uploads/limits'
import { Bool, Enum, Int, Json, List, Nullable, Obj, Optional, Str, Unsafe, type Static } from '../contract/schema'
import { DELIVERY_METHODS } from './labels'
import { MAX_CASE_VERSION, MAX_EPOCH_MS, MAX_FORM_VERSION } from './limits'

/** Working days left (negative: overdue by that many). */
const DaysLeft = () => Nullable(Int(-100_000, 100_000))
const Day = () => Str()
const light = Enum(['green', 'yellow', 'red'] as const satisfies readonly Light[])
const clockStopSchema = Enum(['supplement', 'special_procedure'] as const satisfies readonly ClockStop[])
const outcomeSchema = Enum(['approved', 'denied'] as const satisfies readonly Outcome[])
const caseStatusSchema = Unsafe<CaseStatus>({ type: 'string', enum: Object.keys(CASE_STATUS_TEXT) })
/** Any event type (the machine's TRANSITIONS), as the workbench's actions name them. */
export const caseEventTypeSchema = Unsafe<CaseEventBody['type']>({ type: 'string', enum: Object.keys(TRANSITIONS) })

const caseSummaryProperties = {
  caseNo: Str(),
  itemCode: Str(),
  itemName: Str(),
  status: caseStatusSchema,
  statusLabel: Str(),
  submittedAt: Str(),
  /**
   * The current step's deadline (YYYY-MM-DD), its light and working days left; null while the clock stands still or the case is over.
   * In a list (我的办件, the workbench queues) the earliest step still running (urgentDeadline): a department past its day shows red there.
   */
  deadline: Nullable(Day()),
  light: Nullable(light),
  daysLeft: DaysLeft(),
  /** Why there is no deadline now (waiting for the citizen's 补正, or a department's special procedure). */
  clockStop: Optional(Nullable(clockStopSchema)),
}

export const caseSummarySchema = Obj(caseSummaryProperties)
export type CaseSummary = Static<typeof caseSummarySchema>

export const caseMaterialSchema = Obj({
  field: Str(),
  label: Str(),
  kind: Enum(['upload', 'eLicence']),
  /** File name, or the licence title. */
  title: Str(),
  /** An upload's size and type (cases submitted before these were kept have neither). */
  size: Optional(Int(0, MAX_UPLOAD_BYTES)),
  mime: Optional(Enum(UPLOAD_MIME_TYPES)),
  /** An e-licence's holder (持证者), as the licence names it. */
  holder: Optional(Str()),
  /** An e-licence another holds, where the field allows one (a landlord's 不动产权证书): 他人证照, with its holder. */
  othersLicence: Optional(Obj({ holder: Str() })),
})
export type CaseMaterial = Static<typeof caseMaterialSchema>

/** What the case's record says of each attached material, by field path, for reviewRows and the material fields (补正). */
export function attachmentsFromCase(materials: readonly CaseMaterial[]): AttachmentDetails {
  return new Map(materials.map((m) => [m.field, m.kind === 'upload'
    ? { name: m.title, ...(m.size !== undefined ? { size: m.size } : {}), ...(m.mime ? { mime: m.mime } : {}) }
    : { title: m.title, ...(m.holder ? { holder: m.holder } : {}) }]))
}

/** A closed step's deadline: the day, whether it was met, and whose step it was (never the applicant's). */
const dueSchema = Obj({ day: Day(), met: Bool(), step: Unsafe<DueStep>({ type: 'string', enum: Object.keys(DUE_STEP_TEXT) }) })

/** A step as the applicant reads it: what happened, who did it, what they are told. No opinion or note staff keep inside. */
const timelineEntrySchema = Obj({
  at: Str(),
  day: Day(),
  text: Str(),
  by: Str(),
  detail: Optional(Str()),
  due: Optional(dueSchema),
})

/** A step as staff read it: the applicant's entry, and the opinions (承办意见, 审核意见, 审批意见) and notes that stay inside. */
const staffTimelineEntrySchema = Obj({
  ...timelineEntrySchema.properties,
  internal: Optional(List(Obj({ label: Str(), text: Str() }))),
})

const branchSchema = Obj({
  department: Str(),
  statusLabel: Str(),
  deadline: Nullable(Day()),
  light: Nullable(light),
  daysLeft: DaysLeft(),
  paused: Optional(Obj({ procedure: Str(), reason: Str(), expectedEnd: Day() })),
})

const caseDetailProperties = {
  ...caseSummaryProperties,
  /** When the case entered its current status (ISO): the header's time beside the status; the submission is `submittedAt`. */
  statusAt: Str(),
  formVersion: Int(0, MAX_FORM_VERSION),
  /** The form as it was when submitted: the case reads back in its own words. */
  form: Json<FormSchema>('提交时的申请表'),
  values: Json<FormValues>('提交的申请表内容'),
  answers: Json<Answers>('办事情形的回答'),
  materials: List(caseMaterialSchema),
  delivery: Enum(DELIVERY_METHODS),
  /** The delivery in words for this item (the core's deliveryLabel: 电子证照 only for an item that issues one). */
  deliveryLabel: Str(),
  /** The agent who applied for the applicant, with the consent that allowed it. */
  agent: Nullable(Obj({ name: Nullable(Str()), consentId: Str() })),
  /** What happens next, in the citizen's words. */
  nextSteps: List(Str()),
  /** Every step so far, by role or department (never a person's name). */
  timeline: List(timelineEntrySchema),
  /** One line per department once accepted. */
  branches: List(branchSchema),
  /** What to add or correct, all at once, while the case waits for a supplement. */
  supplement: Optional(List(Obj({ path: Str(), reason: Str() }))),
  /** Events so far: sent back with 补正 or 撤回, so a stale page cannot act on a changed case. */
  version: Int(0, MAX_CASE_VERSION),
  /** Once decided: every department approved, or one denied. */
  outcome: Optional(outcomeSchema),
  /** A denied case: each department that said no, why, and the law it rests on (Art. 38). */
  denials: Optional(List(Obj({ department: Str(), reason: Str(), basis: Str() }))),
  /** The item's 咨询电话 and 监督投诉电话: offered when a step runs past its deadline. Null for an item gone from the catalogue. */
  phones: Nullable(Obj({ consult: Str(), complaint: Str() })),
}

/** What the receipt page and 我的办件 show; answers as submitted. */
export const caseDetailSchema = Obj(caseDetailProperties)
export type CaseDetail = Static<typeof caseDetailSchema>

/** A case in a staff list: the citizen's summary plus whose turn it is. */
export const staffCaseSummarySchema = Obj({
  ...caseSummaryProperties,
  /** Events so far: sent back with an action, so two people acting at once cannot both win. */
  version: Int(0, MAX_CASE_VERSION),
})
export type StaffCaseSummary = Static<typeof staffCaseSummarySchema>

/** What a staff member sees of a case, and what they may do with it now. */
export const staffCaseDetailSchema = Obj({
  ...caseDetailProperties,
  /** The steps with what stays inside: each step's opinion and notes. */
  timeline: List(staffTimelineEntrySchema),
  /** The step of the reviewer's own department's branch: which opinion its next action signs (承办意见, 审核意见, 审批意见). */
  myStep: Optional(Unsafe<BranchStatus>({ type: 'string', enum: Object.keys(BRANCH_STATUS_TEXT) })),
  /** Event types this staff member may send now (the core machine's allowedEvents). */
  actions: List(caseEventTypeSchema),
  /** A reviewer's own department code: the branch their actions name. */
  myDepartment: Optional(Str()),
  /** The item's own department (code): handles the case, and leads when others join (并联审批). */
  leadDepartment: Nullable(Str()),
  /**
   * The law's limit for the current step, which the promise (`deadline`) may
   * be earlier than: 5 working days to tell what to supplement (Art. 32), the
   * statutory decision period with any extension (Art. 42), 10 for the
   * certificate (Art. 44). Null while the clock stands still.
   */
  legalDeadline: Nullable(Day()),
  /**
   * Top-level fields a 补正 request may name now: null before the first one;
   * after it, what was named then or changed on resubmission (Art. 32: told all at once).
   */
  supplementScope: Nullable(List(Str())),
})
export type StaffCaseDetail = Static<typeof staffCaseDetailSchema>

/** A draft kept by the BFF for the citizen, across devices. */
export const draftRecordSchema = Obj({
  itemCode: Str(),
  itemName: Str(),
  formVersion: Int(0, MAX_FORM_VERSION),
  values: Json<FormValues>('草稿的申请表内容'),
  answers: Json<Answers>('办事情形的回答'),
  /** Epoch ms on the device that saved it; the newer of device and BFF wins. */
  updatedAt: Int(0, MAX_EPOCH_MS),
})
export type DraftRecord = Static<typeof draftRecordSchema>

/** What anyone with the number and the phone's last 4 digits may see: no personal data. */
export const publicCaseViewSchema = Obj({
  caseNo: Str(),
  itemName: Str(),
  department: Str(),
  statusLabel: Str(),
  submittedDay: Day(),
  deadline: Nullable(Day()),
  light: Nullable(light),
  daysLeft: DaysLeft(),
  /** Why no deadline runs now (补正, a special procedure). */
  clockStop: Nullable(clockStopSchema),
  /**
   * Each department's step and clock; a paused one with its procedure and
   * expected end. No free text staff wrote (reasons, opinions): it may name people.
   */
  branches: List(Obj({
    department: Str(), statusLabel: Str(), deadline: Nullable(Day()), light: Nullable(light), daysLeft: DaysLeft(),
    paused: Optional(Obj({ procedure: Str(), expectedEnd: Day() })),
  })),
  /** The steps in plain words, each closed one with its deadline and whether it was met; no details. */
  steps: List(Obj({ day: Day(), text: Str(), by: Str(), due: Optional(dueSchema) })),
})
export type PublicCaseView = Static<typeof publicCaseViewSchema>

// The timeline as the machine writes it is what the schema carries.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const timelineMatches: Same<Static<typeof timelineEntrySchema>, TimelineEntry> = true
const staffTimelineMatches: Same<Static<typeof staffTimelineEntrySchema>, StaffTimelineEntry> = true
void [timelineMatches, staffTimelineMatches]
