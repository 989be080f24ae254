/**
 * The materials of a submission, checked inside its transaction: each
 * uploaded file must be the applicant's own, not already part of another
 * case, of a type the field accepts; each e-licence in the applicant's
 * wallet, of a kind the field takes, and held by the applicant — the person,
 * or the company the form names — unless the field allows another's (then
 * it is flagged 他人证照 for the clerk: core licences/owner.ts); all files
 * together within MAX_CASE_UPLOAD_BYTES. Problems come back per field path,
 * like the form's own.
 */
import {
  formCompanyCode, isOthersLicence, licenceOwnerMessage, MAX_CASE_UPLOAD_BYTES, type CaseMaterial, type FieldIssue, type MaterialRef,
} from '@tongban/core'
import { ProblemError } from '../errors'
import { uploadsRepo } from '../store/uploads'
import { licencesRepo } from '../store/licences'
import type { MaterialResolver } from './submit'
import { licenceView } from '../licences/view'

const KIND_OF: Record<string, 'pdf' | 'image'> = { 'application/pdf': 'pdf', 'image/jpeg': 'image', 'image/png': 'image' }
const ACCEPT_LABEL = { pdf: 'PDF文件', image: '图片' } as const

export function materialResolver(): MaterialResolver {
  return {
    async resolve(tx, accountId, refs, form, values, caseId) {
      const company = formCompanyCode(form, values)
      const fileIds = [...new Set(refs.flatMap((r) => (r.value.kind === 'upload' ? [r.value.fileId] : [])))]
      const licenceIds = [...new Set(refs.flatMap((r) => (r.value.kind === 'eLicence' ? [r.value.licenceId] : [])))]
      const files = new Map((await uploadsRepo(tx).ownedBy(accountId, fileIds)).map((u) => [u.id, u]))
      const licences = new Map((await licencesRepo(tx).ownedBy(accountId, licenceIds)).map((l) => [l.id, l]))
      const errors: FieldIssue[] = []
      const out: CaseMaterial[] = []
      const fail = (r: MaterialRef, code: string, message: string) => errors.push({ path: r.path, code, message })

      for (const r of refs) {
        if (r.value.kind === 'upload') {
          const f = files.get(r.value.fileId)
          if (!f) { fail(r, 'upload_not_found', `${r.label}：没有找到上传的文件，请重新上传`); continue }
          if (f.case_id && f.case_id !== caseId) { fail(r, 'upload_used', `${r.label}：这个文件已用于另一次申请，请重新上传`); continue }
          const kind = KIND_OF[f.mime]
          const accept = r.field.accept ?? ['pdf', 'image']
          if (!kind || !accept.includes(kind)) {
            fail(r, 'upload_type', `${r.label}：只能上传${accept.map((a) => ACCEPT_LABEL[a]).join('或')}`)
            continue
          }
          out.push({ field: r.path, label: r.label, kind: 'upload', title: f.name, size: Number(f.size), mime: f.mime as CaseMaterial['mime'] })
        } else {
          const l = licences.get(r.value.licenceId)
          if (!l) { fail(r, 'licence_not_found', `${r.label}：没有找到这张电子证照，请重新选择`); continue }
          if (!(r.field.eLicenceTypes ?? []).includes(l.type)) {
            fail(r, 'licence_type', `${r.label}：这里需要${(r.field.eLicenceTypes ?? []).join('或')}，不能用${l.type}`)
            continue
          }
          const held = licenceView(l)
          const refused = licenceOwnerMessage({ ...r.field, label: r.label }, held, company)
          if (refused) { fail(r, 'licence_not_applicants', refused); continue }
          out.push({
            field: r.path, label: r.label, kind: 'eLicence', title: l.title, holder: l.holder,
            ...(isOthersLicence(r.field, held, company) ? { othersLicence: { holder: l.holder } } : {}),
          })
        }
      }
      if (errors.length) throw new ProblemError('VALIDATION', { errors })
      const total = [...files.values()].reduce((n, f) => n + Number(f.size), 0)
      if (total > MAX_CASE_UPLOAD_BYTES) throw new ProblemError('CASE_FILES_TOO_LARGE')
      return out
    },

    async attach(tx, accountId, refs, caseId) {
      const named = [...new Set(refs.flatMap((r) => (r.value.kind === 'upload' ? [r.value.fileId] : [])))]
      // Files this case already holds (a resubmission) stay as they are; only new ones are taken.
      const held = new Set((await uploadsRepo(tx).ownedBy(accountId, named)).filter((u) => u.case_id === caseId).map((u) => u.id))
      const ids = named.filter((id) => !held.has(id))
      if (!ids.length) return
      // Fewer marked than named: another submission took one in between; roll back and say so.
      if ((await uploadsRepo(tx).attachToCase(accountId, ids, caseId)) < ids.length) throw new ProblemError('UPLOAD_NOT_FOUND')
    },
  }
}
