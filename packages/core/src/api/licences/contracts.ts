/**
 * The e-licence wallet (API.licences, 我的证照): the citizen's licences,
 * the certificate PDF of one we issued on a case's 办结, and, for an agent
 * under a resident's consent, the resident's licences of the kinds the
 * consented item's form takes.
 */
import { staffAccess } from '../../staff/capabilities'
import { defineRoutes } from '../contract/contract'
import { Bool, Enum, List, Nullable, Obj, Optional, Str, UuidParams, type Static } from '../contract/schema'

/** An electronic licence held by the citizen (身份证, 户口簿, 营业执照, 结婚证…). */
export const licenceSchema = Obj({
  /** Issued by us on a case's 办结: that case, and the certificate PDF to download. */
  caseNo: Optional(Str()),
  certificateUrl: Optional(Str()),
  id: Str(),
  /** The kind, as material fields name it in `eLicenceTypes`: '营业执照'. */
  type: Str(),
  /** Shown on the card: '营业执照 · 示例市好味餐饮有限公司'. */
  title: Str(),
  /** Masked where personal: '1101**********123X'. */
  number: Str(),
  holder: Str(),
  /** Whose it is (licences/owner.ts): a person's, or a company's with its credit code. */
  holderKind: Enum(['person', 'company']),
  /** A company's unified social credit code. */
  holderCreditCode: Optional(Str()),
  /** A person's licence held by the wallet's own real-name holder (not another's, shared with them). */
  holderSelf: Optional(Bool()),
  issuer: Str(),
  issuedOn: Str(),
  /** null: long-term (长期). */
  validUntil: Nullable(Str()),
})
export type Licence = Static<typeof licenceSchema>

export const licencesRoutes = defineRoutes('licences', {
  mine: {
    method: 'GET', path: '/api/me/licences', access: 'citizen', summary: '我的电子证照（个人号码已打码）',
    response: List(licenceSchema), cache: 'personal',
  },
  // Same document, same verify id, every time.
  certificate: {
    method: 'GET', path: '/api/me/licences/:id/certificate', access: 'citizen', summary: '下载电子证照（PDF，扫码核验）',
    params: UuidParams, binary: 'application/pdf', problems: { id: 'NOT_FOUND' }, cache: 'personal',
  },
  // 代办: the resident sees who looked.
  agent: {
    method: 'GET', path: '/api/agent/consents/:id/licences', access: staffAccess('applyForOthers'),
    summary: '代办员查看授权群众可用于该事项的电子证照',
    params: UuidParams, response: List(licenceSchema),
    messages: { id: '没有找到这条代办授权' }, problems: { id: 'CONSENT_NOT_FOUND' }, cache: 'personal',
  },
})
