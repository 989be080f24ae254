/**
 * Every word the form validator says, in one zh-CN table keyed by message
 * key, with `{param}` slots. Identity numbers reuse IDENTITY_MESSAGES so the
 * real-name page and a form say the same thing about the same mistake.
 */
import { IDENTITY_MESSAGES } from '../identity/validators'

/** The stable codes a FormIssue carries. Retired codes are never reused. */
export type FormIssueCode =
  | 'required' | 'invalid_type' | 'too_short' | 'too_long' | 'pattern'
  | 'too_small' | 'too_big' | 'not_integer' | 'money_decimals'
  | 'invalid_date' | 'date_too_early' | 'date_too_late' | 'date_range_incomplete' | 'date_range_order'
  | 'invalid_option' | 'too_few_selected' | 'too_many_selected'
  | 'too_few_items' | 'too_many_items'
  | 'invalid_mobile' | 'invalid_email'
  | 'resident_id_format' | 'resident_id_region' | 'resident_id_birth_date' | 'resident_id_check_digit'
  | 'credit_code_format' | 'credit_code_check_character'
  | 'region_incomplete' | 'invalid_region'
  | 'invalid_material' | 'elicence_not_accepted'
  | 'consent_required'
  | 'date_order' | 'sum_mismatch'
  | 'schema_invalid'

export const FORM_MESSAGES = {
  required: '请填写{label}',
  required_choice: '请选择{label}',
  required_material: '请上传{label}',
  required_material_or_licence: '请上传{label}，或选择电子证照',
  invalid_type: '{label}的内容不正确，请重新填写',
  too_short: '{label}至少要填写{min}个字',
  too_long: '{label}不能超过{max}个字',
  pattern: '{label}的格式不正确，请核对后重新填写',
  too_small: '{label}不能小于{min}',
  too_big: '{label}不能大于{max}',
  not_integer: '{label}请填写整数',
  money_decimals: '{label}最多保留两位小数',
  invalid_date: '{label}不是有效的日期，请按2024-03-01的格式填写',
  date_too_early: '{label}不能早于{min}',
  date_too_late: '{label}不能晚于{max}',
  date_range_incomplete: '请填写{label}的开始日期和结束日期',
  date_range_order: '结束日期不能早于开始日期',
  invalid_option: '请从列表中选择{label}',
  too_few_selected: '{label}至少选择{min}项',
  too_many_selected: '{label}最多选择{max}项',
  too_few_items: '{label}至少要填写{min}条',
  too_many_items: '{label}最多只能填写{max}条',
  invalid_mobile: IDENTITY_MESSAGES.mobile,
  invalid_email: '请输入正确的电子邮箱地址',
  resident_id_format: IDENTITY_MESSAGES.residentId.format,
  resident_id_region: IDENTITY_MESSAGES.residentId.region,
  resident_id_birth_date: IDENTITY_MESSAGES.residentId.birth_date,
  resident_id_check_digit: IDENTITY_MESSAGES.residentId.check_digit,
  credit_code_format: IDENTITY_MESSAGES.creditCode.format,
  credit_code_check_character: IDENTITY_MESSAGES.creditCode.check_character,
  region_incomplete: '请选择完整的{label}（省、市、区县）',
  invalid_region: '{label}不正确，请重新选择',
  invalid_material: '{label}没有上传成功，请重新上传',
  elicence_not_accepted: '{label}不能使用电子证照，请上传文件',
  consent_required: '请阅读并勾选{label}',
  date_order: '{endLabel}不能早于{startLabel}',
  date_order_strict: '{endLabel}应晚于{startLabel}',
  sum_mismatch: '{groupLabel}的{fieldLabel}合计应为{equals}，现在是{sum}',
  schema_invalid: '这张表单的设置有误，暂时无法提交，请联系办理部门',
  // Named wordings a schema may pick for its cross rules (`message`).
  shares_sum: '各股东出资比例合计应为100%，现在是{sum}%',
  period_order: '结束日期不能早于开始日期',
} as const satisfies Record<FormIssueCode, string> & Record<string, string>

export type FormMessageKey = keyof typeof FORM_MESSAGES

export function isFormMessageKey(key: unknown): key is FormMessageKey {
  return typeof key === 'string' && Object.hasOwn(FORM_MESSAGES, key)
}

/** Fills `{param}` slots; a slot with no param stays as written. */
export function formatMessage(key: FormMessageKey, params: Record<string, string | number> = {}): string {
  return FORM_MESSAGES[key].replace(/\{(\w+)\}/g, (slot, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : slot)
}

/** A repeatable block offers 添加 up to this many items when its schema names no maximum. */
export const GROUP_UI_MAX_ITEMS = 50

/**
 * What both shells say under a repeatable block, and what they allow: 删除
 * only while more than the minimum remain (a required 家庭成员 list keeps
 * its one row), 添加 up to the maximum.
 */
export function groupLimits(field: { minItems?: number; maxItems?: number }): { min: number; max: number; text: string } {
  const min = field.minItems ?? 0
  const max = field.maxItems ?? GROUP_UI_MAX_ITEMS
  return { min, max, text: [min > 0 ? `至少${min}条` : '', `最多${max}条`].filter(Boolean).join('，') }
}
