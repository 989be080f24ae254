/**
 * Applying online (issue 5): uploaded files, the e-licence wallet (电子证照),
 * and what the workbench shows beside its cases (handovers, warnings, the
 * clock, webhook receipts). Drafts and cases are in api/cases.
 */
import type { CaseEventBody, CaseStatus } from '../cases/machine'

// ---- files -------------------------------------------------------------

/** What the BFF accepts, checked by content (magic bytes), never by name. */
export const UPLOAD_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const
export type UploadMimeType = (typeof UPLOAD_MIME_TYPES)[number]

/** One file: a phone photo compressed on the device is far below this. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** All files of one application together. */
export const MAX_CASE_UPLOAD_BYTES = 40 * 1024 * 1024
/**
 * An image declaring more pixels than this is refused before decoding
 * (decompression bombs). 25 MP is 100 MB decoded at 4 bytes a pixel (RGBA,
 * as a browser holds it) — what one staff PC tab or one BFF preview may
 * cost. It still takes everything a material needs: an A3 page scanned at
 * 300 dpi (17 MP), an A4 page at 400 dpi (15.5 MP), a 24 MP camera frame;
 * the shells send photos at most 2000 px on a side anyway.
 */
export const MAX_IMAGE_PIXELS = 25_000_000
/** What the shells compress photos to before uploading. */
export const COMPRESS_TARGET_BYTES = 1024 * 1024
export const MAX_FILE_NAME_LENGTH = 120

export interface UploadedFile {
  id: string
  /** The name as given, cleaned for display (never used as a path). */
  name: string
  mime: UploadMimeType
  size: number
  sha256: string
  /** Pixel size, for images. */
  width?: number
  height?: number
  createdAt: string
}

/**
 * What a shell hands its transport to upload: a Blob/File in the browser, a
 * temporary file path in the mini-program (Taro.uploadFile).
 */
export type UploadSource =
  | { kind: 'blob'; blob: unknown; name: string }
  | { kind: 'path'; path: string; name: string }

export interface UploadProgress {
  loaded: number
  total: number
}

// ---- e-licences ----------------------------------------------------------

/** An electronic licence held by the citizen (身份证, 户口簿, 营业执照, 结婚证…). */
export interface Licence {
  id: string
  /** The kind, as material fields name it in `eLicenceTypes`: '营业执照'. */
  type: string
  /** Shown on the card: '营业执照 · 示例市好味餐饮有限公司'. */
  title: string
  /** Masked where personal: '1101**********123X'. */
  number: string
  holder: string
  issuer: string
  issuedOn: string
  /** null: long-term (长期). */
  validUntil: string | null
  /** Issued by us on a case's 办结: that case, and the certificate PDF to download. */
  caseNo?: string
  certificateUrl?: string
}

// ---- beside the workbench's cases ------------------------------------------------

/**
 * A job sent after a case's event that has not gone through yet: a case handed to the approval system
 * (APPROVAL_BACKEND=http), a notice to issue, later a message or a parcel.
 */
export interface ApprovalHandover {
  id: string
  caseNo: string
  /** The outbox kind ('approval.handover', 'notice.issue', …) and what it does, in words (outboxKindLabel). */
  kind: string
  what: string
  attempts: number
  /** retrying: tried again at nextAt; dead: stopped after too many tries or a refusal; sent: through. */
  state: 'retrying' | 'dead' | 'sent'
  nextAt: string | null
  lastError: string | null
  externalId: string | null
}

/** 黄牌/红牌 on the workbench: a step of a case near or past its deadline. */
export interface StaffWarning {
  id: string
  caseNo: string
  itemName: string
  light: 'yellow' | 'red'
  /** 窗口预审, 出具结果, 示例市民政局办理, or 示例市民政局特别程序（预计结束日） for a pause past its expected end. */
  step: string
  deadline: string
  raisedAt: string
  read: boolean
}

/** How the workbench's clocks count today: the yellow threshold, and any year whose holidays are not loaded. */
export interface StaffClockView {
  /** YYYY-MM-DD in Asia/Shanghai. */
  today: string
  yellowDays: number
  /** This year or next with no holiday data (the State Council publishes each year's in November or December). */
  missingYears: number[]
}

/** Our answer to an approval system's webhook. */
export interface WebhookReceipt {
  id: string
  /** Seen before: nothing was done again. */
  duplicate: boolean
  /** The events it became on our side (none when the case was already there). */
  applied: CaseEventBody['type'][]
  status: CaseStatus
}
