/**
 * What a material field holds, as the review, the case page and the
 * workbench show it: a file with its name, size and type (a thumbnail for
 * a picture), or an e-licence with its title and holder — never a bare
 * 已上传. A submitted value names the file or licence by id only; the
 * details come from what the citizen filled in (the material field keeps
 * them beside the id) or from the case's materials (the BFF's record).
 */
import type { MaterialValue } from './schema'
import { fileSizeText } from '../api/file-size'

export type Attached =
  | { kind: 'upload'; fileId: string; name?: string; size?: number; mime?: string }
  | { kind: 'eLicence'; licenceId: string; title?: string; holder?: string }

/** What is known of each attached material beyond its id, by field path (`members.0.photo`). */
export type AttachmentDetails = ReadonlyMap<string, Partial<Omit<Attached, 'kind'>> & Record<string, unknown>>

const str = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined)
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined)

/** The value with what else is known of it. */
export function attachedOf(value: MaterialValue, details?: Record<string, unknown>): Attached {
  const d = { ...(value as Record<string, unknown>), ...details }
  if (value.kind === 'eLicence') {
    return { kind: 'eLicence', licenceId: value.licenceId, ...(str(d.title) ? { title: str(d.title) } : {}), ...(str(d.holder) ? { holder: str(d.holder) } : {}) }
  }
  return {
    kind: 'upload', fileId: value.fileId,
    ...(str(d.name) ? { name: str(d.name) } : {}), ...(num(d.size) !== undefined ? { size: num(d.size) } : {}), ...(str(d.mime) ? { mime: str(d.mime) } : {}),
  }
}

/** A picture (JPG, PNG), by its type or else its name: shown as a thumbnail. */
export function isImageAttachment(a: Attached): boolean {
  if (a.kind !== 'upload') return false
  return a.mime ? a.mime.startsWith('image/') : /\.(jpe?g|png)$/i.test(a.name ?? '')
}

/** What stands in for a thumbnail: 证 for a licence, 图片, PDF or 文件. */
export function attachedBadge(a: Attached): string {
  if (a.kind === 'eLicence') return '证'
  if (isImageAttachment(a)) return '图片'
  return a.mime === 'application/pdf' || /\.pdf$/i.test(a.name ?? '') ? 'PDF' : '文件'
}

/** Its name (a file's) or title (a licence's), and the line under it: the size, or 电子证照 · 持证者：…. */
export function attachedLines(a: Attached): { name: string; detail: string } {
  if (a.kind === 'eLicence') return { name: a.title ?? '电子证照', detail: a.holder ? `电子证照 · 持证者：${a.holder}` : '电子证照' }
  return { name: a.name ?? '已上传的文件', detail: a.size !== undefined ? fileSizeText(a.size) : '' }
}

/** 营业执照.pdf · 1.2MB; 电子证照：营业执照（持证者：示例市好味餐饮有限公司）. */
export function attachedText(a: Attached): string {
  if (a.kind === 'eLicence') return `电子证照${a.title ? `：${a.title}` : ''}${a.holder ? `（持证者：${a.holder}）` : ''}`
  return `${a.name ?? '已上传的文件'}${a.size !== undefined ? ` · ${fileSizeText(a.size)}` : ''}`
}
