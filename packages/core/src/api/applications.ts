/**
 * Applying online (issue 5): uploaded files, the e-licence wallet (电子证照),
 * drafts kept by the BFF, and submitted cases. DTOs, limits and request
 * schemas both shells and the BFF share; routes are in routes.ts.
 */
import type { Answers } from '../catalogue/materials'
import type { FormSchema, FormValues } from '../forms/schema'
import { CASE_NO_PATTERN, IDEMPOTENCY_KEY_PATTERN, ITEM_CODE_PATTERN, MAX_CASE_NO_LENGTH } from './contract/patterns'
import { CASE_STATUS_TEXT, STATUTORY, withdrawable, type CaseEventBody, type CaseStatus, type ClockStop, type SupplementItem, type TimelineEntry } from '../cases/machine'
import type { Light } from '../clock/lights'
import type { FieldIssue } from './problems'

// ---- drafts kept by the BFF -------------------------------------------------

export interface DraftRecord {
  itemCode: string
  itemName: string
  formVersion: number
  values: FormValues
  answers: Answers
  /** Epoch ms on the device that saved it; the newer of device and BFF wins. */
  updatedAt: number
}

export const MAX_DRAFT_BYTES = 256 * 1024
/** A form's version counts its published changes: far below this (the column is an integer). */
export const MAX_FORM_VERSION = 1_000_000
/** A case's version counts its events: far below this. */
export const MAX_CASE_VERSION = 1_000_000
/** The latest time a Date can hold (epoch ms): a device clock beyond it is not a clock. */
export const MAX_EPOCH_MS = 8_640_000_000_000_000

export const saveDraftBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['itemName', 'formVersion', 'values', 'answers', 'updatedAt'],
  properties: {
    itemName: { type: 'string', maxLength: 200 },
    formVersion: { type: 'integer', minimum: 0, maximum: MAX_FORM_VERSION },
    values: { type: 'object' },
    answers: { type: 'object' },
    updatedAt: { type: 'integer', minimum: 0, maximum: MAX_EPOCH_MS },
  },
} as const

// ---- cases ----------------------------------------------------------------

/** 邮寄 is filled in by the EMS issue; until then, 窗口领取 or 电子证照. */
export const DELIVERY_METHODS = ['pickup', 'electronic', 'post'] as const
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number]

export const DELIVERY_LABELS: Record<DeliveryMethod, string> = {
  pickup: '到窗口领取',
  electronic: '电子证照（发到“我的证照”）',
  post: '邮寄到家（EMS）',
}


export interface SubmitCaseBody {
  itemCode: string
  /** The form version the values were filled against. */
  formVersion: number
  values: FormValues
  answers: Answers
  delivery: DeliveryMethod
  /** Consent to the use of personal data for this item: must be true. */
  personalDataConsent: boolean
  /** An agent applying for a resident: the confirmed consent that allows it. */
  agentConsentId?: string
}

export const submitCaseBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['itemCode', 'formVersion', 'values', 'answers', 'delivery', 'personalDataConsent'],
  properties: {
    itemCode: { type: 'string', pattern: ITEM_CODE_PATTERN },
    formVersion: { type: 'integer', minimum: 0, maximum: MAX_FORM_VERSION },
    values: { type: 'object' },
    answers: { type: 'object' },
    delivery: { type: 'string', enum: DELIVERY_METHODS },
    personalDataConsent: { type: 'boolean' },
    agentConsentId: { type: 'string', maxLength: 64 },
  },
} as const

export const SUBMIT_MESSAGES = {
  itemCode: '事项编码格式不正确',
  formVersion: '申请表版本不正确，请刷新后重试',
  values: '申请表内容格式不正确',
  answers: '情形选择格式不正确',
  delivery: '请选择领取方式',
  personalDataConsent: '请阅读并同意个人信息使用说明',
  agentConsentId: '代办授权编号不正确',
} as const

/** The citizen's words for each status (the machine's own table). */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = CASE_STATUS_TEXT

/** A status in words, saying plainly when the answer was no (a denied case is not just 已办结). */
export function caseStatusLabel(status: CaseStatus, outcome?: 'approved' | 'denied'): string {
  if (outcome === 'denied' && status === 'decided') return '未予批准'
  if (outcome === 'denied' && status === 'completed') return '已办结，未予批准'
  return CASE_STATUS_LABELS[status]
}


/** A case number in a path; routes map its failure to CASE_NOT_FOUND (a malformed number names no case). */
export const caseNoParamsSchema = {
  type: 'object',
  required: ['caseNo'],
  properties: { caseNo: { type: 'string', maxLength: MAX_CASE_NO_LENGTH, pattern: CASE_NO_PATTERN } },
} as const

export function formatCaseNo(itemCode: string, shanghaiDay: string, seq: number): string {
  return `${itemCode}-${shanghaiDay.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`
}

export interface CaseSummary {
  caseNo: string
  itemCode: string
  itemName: string
  status: CaseStatus
  statusLabel: string
  submittedAt: string
  /**
   * The current step's deadline (YYYY-MM-DD), its light and working days left; null while the clock stands still or the case is over.
   * In a list (我的办件, the workbench queues) the earliest step still running (urgentDeadline): a department past its day shows red there.
   */
  deadline: string | null
  light: Light | null
  daysLeft: number | null
  /** Why there is no deadline now (waiting for the citizen's 补正, or a department's special procedure). */
  clockStop?: ClockStop | null
}

export interface CaseMaterial {
  field: string
  label: string
  kind: 'upload' | 'eLicence'
  /** File name, or the licence title. */
  title: string
}

/** What the receipt page and 我的办件 show; answers as submitted. */
export interface CaseDetail extends CaseSummary {
  formVersion: number
  /** The form as it was when submitted: the case reads back in its own words. */
  form: FormSchema
  values: FormValues
  answers: Answers
  materials: CaseMaterial[]
  delivery: DeliveryMethod
  /** The agent who applied for the applicant, with the consent that allowed it. */
  agent: { name: string | null; consentId: string } | null
  /** What happens next, in the citizen's words. */
  nextSteps: string[]
  /** Every step so far, by role or department (never a person's name). */
  timeline: TimelineEntry[]
  /** One line per department once accepted. */
  branches: { department: string; statusLabel: string; deadline: string | null; light: Light | null; daysLeft: number | null; paused?: { procedure: string; reason: string; expectedEnd: string } }[]
  /** What to add or correct, all at once, while the case waits for a supplement. */
  supplement?: SupplementItem[]
  /** Events so far: sent back with 补正 or 撤回, so a stale page cannot act on a changed case. */
  version: number
  /** Once decided: every department approved, or one denied. */
  outcome?: 'approved' | 'denied'
  /** A denied case: each department that said no, why, and the law it rests on (Art. 38). */
  denials?: { department: string; reason: string; basis: string }[]
  /** The item's 咨询电话 and 监督投诉电话: offered when a step runs past its deadline. Null for an item gone from the catalogue. */
  phones: { consult: string; complaint: string } | null
}

/** A step of the case — the window's or a department's — is past its deadline: both shells then offer the item's phones. */
export function runsLate(d: Pick<CaseDetail, 'light' | 'branches'>): boolean {
  return d.light === 'red' || d.branches.some((b) => b.light === 'red')
}

/** 撤回 lost to a step taken meanwhile (409 CASE_CHANGED, the case reloaded, or null when that failed): said the same in both shells. */
export function withdrawConflictText(fresh: Pick<CaseDetail, 'status' | 'statusLabel'> | null): string {
  if (!fresh) return '没有撤回：办件刚有了新进展，请稍后重新打开这个办件查看最新情况。'
  if (fresh.status === 'withdrawn') return '没有撤回：这份申请已经在别处撤回了，不用再撤回。'
  if (withdrawable(fresh.status)) return `没有撤回：办件刚有了新进展（${fresh.statusLabel}）。请先看看最新情况，仍要撤回的话再点一次“撤回申请”。`
  if (fresh.status === 'not_accepted') return `没有撤回：办件刚有了新进展（${fresh.statusLabel}），已不能撤回。`
  return `没有撤回：办件刚有了新进展（${fresh.statusLabel}），受理后不能再撤回。`
}

/** A 补正 resubmission lost to a step taken meanwhile (409 CASE_CHANGED, the case reloaded). */
export function resubmitConflictText(fresh: Pick<CaseDetail, 'status' | 'statusLabel'>): string {
  return fresh.status === 'supplement_required'
    ? '没有重新提交：办件刚有了新进展，下面已换成最新的补正要求，请核对后再提交。'
    : `没有重新提交：办件刚有了新进展（${fresh.statusLabel}），现在不需要再补正。`
}

// ---- staff workbench ------------------------------------------------------------

/** How many cases a workbench queue answers at a time: a full page means there may be more (`?offset=`). */
export const STAFF_QUEUE_PAGE = 100

/** A case in a staff list: the citizen's summary plus whose turn it is. */
export interface StaffCaseSummary extends CaseSummary {
  /** Events so far: sent back with an action, so two people acting at once cannot both win. */
  version: number
}

/** What a staff member sees of a case, and what they may do with it now. */
export interface StaffCaseDetail extends CaseDetail {
  /** Event types this staff member may send now (the core machine's allowedEvents). */
  actions: CaseEventBody['type'][]
  /** A reviewer's own department code: the branch their actions name. */
  myDepartment?: string
  /** The item's own department (code): handles the case, and leads when others join (并联审批). */
  leadDepartment: string | null
  /**
   * The law's limit for the current step, which the promise (`deadline`) may
   * be earlier than: 5 working days to tell what to supplement (Art. 32), the
   * statutory decision period with any extension (Art. 42), 10 for the
   * certificate (Art. 44). Null while the clock stands still.
   */
  legalDeadline: string | null
  /**
   * Top-level fields a 补正 request may name now: null before the first one;
   * after it, what was named then or changed on resubmission (Art. 32: told all at once).
   */
  supplementScope: string[] | null
}

export const staffCaseEventBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'version'],
  properties: {
    type: { type: 'string', enum: ['start_pre_review', 'request_supplement', 'refuse', 'accept', 'advance_branch', 'decide_branch', 'pause_branch', 'resume_branch', 'extend', 'complete'] },
    version: { type: 'integer', minimum: 0, maximum: MAX_CASE_VERSION },
    items: { type: 'array', maxItems: 50, items: { type: 'object', additionalProperties: false, required: ['path', 'reason'], properties: { path: { type: 'string', maxLength: 200 }, reason: { type: 'string', maxLength: 500 } } } },
    reason: { type: 'string', maxLength: 500 },
    basis: { type: 'string', maxLength: 300 },
    departments: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 32 } },
    department: { type: 'string', maxLength: 32 },
    outcome: { type: 'string', enum: ['approved', 'denied'] },
    opinion: { type: 'string', maxLength: 1000 },
    procedure: { type: 'string', maxLength: 50 },
    expectedEnd: { type: 'string', maxLength: 10 },
    days: { type: 'integer', minimum: 1, maximum: STATUTORY.joint.extension },
    note: { type: 'string', maxLength: 500 },
    certificate: {
      type: 'object', additionalProperties: false, required: ['number'],
      properties: { number: { type: 'string', minLength: 1, maxLength: 60 }, validUntil: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
    },
  },
} as const

/** 补正后重新提交: the whole form again (as corrected), on the case version it was corrected from. */
export interface ResubmitCaseBody {
  values: FormValues
  version: number
}

export const resubmitCaseBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['values', 'version'],
  properties: { values: { type: 'object' }, version: { type: 'integer', minimum: 0, maximum: MAX_CASE_VERSION } },
} as const

export const withdrawCaseBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: { version: { type: 'integer', minimum: 0, maximum: MAX_CASE_VERSION }, reason: { type: 'string', maxLength: 200 } },
} as const

// ---- public query (办件查询) -------------------------------------------------------

/** Tries per minute per address: enough for a person, too few to guess numbers. */
export const PUBLIC_QUERY_PER_MINUTE = 10

/**
 * Wrong answers per case number per hour, from all addresses together: 4 digits
 * are only 10,000 guesses, so a guesser with many addresses is stopped here.
 */
export const PUBLIC_QUERY_FAILURES_PER_HOUR = 10

export const publicQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['caseNo', 'phone4'],
  properties: {
    caseNo: { type: 'string', minLength: 1, maxLength: 90 },
    phone4: { type: 'string', pattern: '^\\d{4}$' },
  },
} as const

export const PUBLIC_QUERY_MESSAGES = {
  caseNo: '请输入办件编号',
  phone4: '请输入申请时手机号的后4位数字',
} as const

/** Full-width letters, digits and dashes (a Chinese keyboard's) as ASCII; spaces dropped. */
function halfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\u30FC]/g, '-')
    .replace(/[\s\u3000]+/g, '')
}

/**
 * 办件查询 as typed, checked the same in both shells before anything is
 * sent: the number as printed on the receipt (case, full-width characters
 * and spaces forgiven) and 4 digits.
 */
export function checkPublicQuery(input: { caseNo: string; phone4: string }):
  { ok: true; query: { caseNo: string; phone4: string } } | { ok: false; errors: FieldIssue[] } {
  const caseNo = halfWidth(input.caseNo).toUpperCase()
  const phone4 = halfWidth(input.phone4)
  const errors: FieldIssue[] = []
  if (!caseNo) errors.push({ path: 'caseNo', code: 'required', message: PUBLIC_QUERY_MESSAGES.caseNo })
  else if (!new RegExp(CASE_NO_PATTERN).test(caseNo)) errors.push({ path: 'caseNo', code: 'pattern', message: '办件编号不对：应像回执上的 SJ-0001-20261124-0001 这样' })
  if (!/^\d{4}$/.test(phone4)) errors.push({ path: 'phone4', code: phone4 ? 'pattern' : 'required', message: PUBLIC_QUERY_MESSAGES.phone4 })
  return errors.length ? { ok: false, errors } : { ok: true, query: { caseNo, phone4 } }
}

/** What anyone with the number and the phone's last 4 digits may see: no personal data. */
export interface PublicCaseView {
  caseNo: string
  itemName: string
  department: string
  statusLabel: string
  submittedDay: string
  deadline: string | null
  light: Light | null
  daysLeft: number | null
  /** Why no deadline runs now (补正, a special procedure). */
  clockStop: ClockStop | null
  /**
   * Each department's step and clock; a paused one with its procedure and
   * expected end. No free text staff wrote (reasons, opinions): it may name people.
   */
  branches: { department: string; statusLabel: string; deadline: string | null; light: Light | null; daysLeft: number | null; paused?: { procedure: string; expectedEnd: string } }[]
  /** The steps in plain words, each closed one with its deadline and whether it was met; no details. */
  steps: Pick<TimelineEntry, 'day' | 'text' | 'by' | 'due'>[]
}
