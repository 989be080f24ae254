/**
 * What a citizen or an agent sends about a case: the application itself
 * (submitted exactly once per Idempotency-Key), a draft to keep, the
 * corrected form after 补正, a withdrawal; the Chinese message for each
 * field that fails.
 */
import type { Answers } from '../../catalogue/materials'
import type { FormValues } from '../../forms/schema'
import { Bool, Enum, Int, Json, Obj, Optional, Str, Unsafe, type Static } from '../contract/schema'
import { IDEMPOTENCY_KEY_PATTERN, ITEM_CODE_PATTERN } from '../contract/patterns'
import { DELIVERY_METHODS } from './labels'
import { MAX_CASE_VERSION, MAX_EPOCH_MS, MAX_FORM_VERSION } from './limits'


export const submitCaseBodySchema = Obj({
  itemCode: Str({ pattern: ITEM_CODE_PATTERN }),
  /** The form version the values were filled against. */
  formVersion: Int(0, MAX_FORM_VERSION),
  values: Json<FormValues>('申请表的填写内容'),
  answers: Json<Answers>('办事情形的回答'),
  delivery: Enum(DELIVERY_METHODS),
  /** Consent to the use of personal data for this item: must be true. */
  personalDataConsent: Bool(),
  /** An agent applying for a resident: the confirmed consent that allows it. */
  agentConsentId: Optional(Str({ maxLength: 64 })),
})
export type SubmitCaseBody = Static<typeof submitCaseBodySchema>

export const SUBMIT_MESSAGES = {
  itemCode: '事项编码格式不正确',
  formVersion: '申请表版本不正确，请刷新后重试',
  values: '申请表内容格式不正确',
  answers: '情形选择格式不正确',
  delivery: '请选择领取方式',
  personalDataConsent: '请阅读并同意个人信息使用说明',
  agentConsentId: '代办授权编号不正确',
} as const

/**
 * The key that makes a submission happen once. Declared, not validated by
 * the schema: the handler answers a missing or malformed one with
 * IDEMPOTENCY_KEY_MISSING (a problem with no field list), as it always has.
 */
export const idempotencyHeadersSchema = Unsafe<{ 'idempotency-key': string }>({
  type: 'object',
  properties: { 'idempotency-key': { type: 'string', description: `必填：同一次提交的同一个键（${IDEMPOTENCY_KEY_PATTERN}）` } },
})

/** A draft as saved (the item is in the path). */
export const saveDraftBodySchema = Obj({
  itemName: Str({ maxLength: 200 }),
  formVersion: Int(0, MAX_FORM_VERSION),
  values: Json<FormValues>('草稿的申请表内容'),
  answers: Json<Answers>('办事情形的回答'),
  updatedAt: Int(0, MAX_EPOCH_MS),
})

export const SAVE_DRAFT_MESSAGES = {
  code: '事项编码格式不正确', values: '草稿内容格式不正确', answers: '情形选择格式不正确', updatedAt: '保存时间不正确', formVersion: '申请表版本不正确', itemName: '事项名称太长',
} as const

/** 补正后重新提交: the whole form again (as corrected), on the case version it was corrected from. */
export const resubmitCaseBodySchema = Obj({
  values: Json<FormValues>('补正后的申请表内容'),
  version: Int(0, MAX_CASE_VERSION),
})
export type ResubmitCaseBody = Static<typeof resubmitCaseBodySchema>

/** 撤回 before acceptance, on the case version the applicant saw. */
export const withdrawCaseBodySchema = Obj({
  version: Int(0, MAX_CASE_VERSION),
  reason: Optional(Str({ maxLength: 200 })),
})
export type WithdrawCaseBody = Static<typeof withdrawCaseBodySchema>
