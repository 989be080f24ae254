/**
 * Material files (API.uploads): a citizen's upload (multipart, one part
 * `file` plus the optional text fields `materialId`, `itemCode` and
 * `fileName`), an agent's upload for the resident who consented, a
 * citizen's own file back, its deletion until a case uses it, and the
 * workbench's view of a case's files (`?preview=1`: an image made small).
 * Multipart bodies have no JSON schema: the BFF reads their parts as they
 * stream and checks each field itself, with the messages below.
 */
import { staffAccess } from '../../staff/capabilities'
import { defineRoutes } from '../contract/contract'
import { CaseFileParams, Enum, Int, Obj, Optional, Str, UuidParams, type Static } from '../contract/schema'
import { MAX_IMAGE_PIXELS, MAX_UPLOAD_BYTES, UPLOAD_MIME_TYPES } from './limits'

export * from './limits'

export const uploadedFileSchema = Obj({
  id: Str(),
  /** The name as given, cleaned for display (never used as a path). */
  name: Str(),
  mime: Enum(UPLOAD_MIME_TYPES),
  size: Int(0, MAX_UPLOAD_BYTES),
  sha256: Str(),
  /** Pixel size, for images. */
  width: Optional(Int(1, MAX_IMAGE_PIXELS)),
  height: Optional(Int(1, MAX_IMAGE_PIXELS)),
  createdAt: Str(),
})
export type UploadedFile = Static<typeof uploadedFileSchema>

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

/** Chinese messages per multipart field, used when the BFF refuses one. */
export const UPLOAD_MESSAGES = {
  file: '请选择要上传的文件',
  materialId: '材料编号格式不正确',
  itemCode: '事项编码格式不正确',
} as const

/** How long a shell waits for an upload to go through (a slow connection, a 10 MB file). */
export const UPLOAD_TIMEOUT_MS = 120_000

const MULTIPART = ['multipart/form-data'] as const
const fileMessages = { id: '没有找到这个文件' }
const consentMessages = { id: '没有找到这条代办授权' }

export const uploadsRoutes = defineRoutes('uploads', {
  upload: {
    method: 'POST', path: '/api/uploads', access: 'citizen', summary: '上传一份材料（PDF、JPG、PNG，单个不超过10MB）',
    consumes: MULTIPART, response: uploadedFileSchema, messages: UPLOAD_MESSAGES, cache: 'none', timeoutMs: UPLOAD_TIMEOUT_MS,
  },
  // 代办: the file is the resident's.
  agentUpload: {
    method: 'POST', path: '/api/agent/consents/:id/uploads', access: staffAccess('applyForOthers'), summary: '代办员为授权群众上传材料',
    params: UuidParams, consumes: MULTIPART, response: uploadedFileSchema,
    messages: { ...consentMessages, ...UPLOAD_MESSAGES }, problems: { id: 'CONSENT_NOT_FOUND' }, cache: 'none', timeoutMs: UPLOAD_TIMEOUT_MS,
  },
  get: {
    method: 'GET', path: '/api/uploads/:id', access: 'citizen', summary: '下载自己上传的材料',
    params: UuidParams, binary: UPLOAD_MIME_TYPES, messages: fileMessages, problems: { id: 'UPLOAD_NOT_FOUND' }, cache: 'handler',
  },
  delete: {
    method: 'DELETE', path: '/api/uploads/:id', access: 'citizen', summary: '删除自己上传、尚未提交的材料',
    params: UuidParams, noContent: true, messages: fileMessages, problems: { id: 'UPLOAD_NOT_FOUND' }, cache: 'none',
  },
  staffCaseFile: {
    method: 'GET', path: '/api/staff/cases/:caseNo/files/:fileId', access: staffAccess('workCases'),
    summary: '工作台：查看办件的申请材料（图片、PDF；preview=1：图片的缩小预览，JPEG，长边不超过1600像素）',
    params: CaseFileParams,
    query: Obj({ preview: Optional(Enum(['0', '1'])) }, { additionalProperties: true }),
    binary: UPLOAD_MIME_TYPES,
    messages: { preview: 'preview 只能是 0 或 1' }, problems: { caseNo: 'CASE_NOT_FOUND', fileId: 'UPLOAD_NOT_FOUND' }, cache: 'handler',
  },
})
