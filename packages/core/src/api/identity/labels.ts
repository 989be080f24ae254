/**
 * Identity's constants and words: the SMS code's length and lifetimes, the
 * Chinese messages of the sign-in, real-name and 代办 forms, the staff roles
 * and why a staff member may look a citizen up, with their labels.
 */

export const OTP_LENGTH = 6
export const OTP_TTL_SECONDS = 300
export const OTP_RESEND_SECONDS = 60

export const AUTH_MESSAGES = {
  phone: '请输入11位中国大陆手机号码',
  code: `请输入${OTP_LENGTH}位数字验证码`,
  /** A code that is no more (out of tries, expired, used, or none asked for): only a new one helps. */
  codeDead: '验证码已失效，请点“获取验证码”重新获取',
} as const

/** A wrong code, and how many tries the code has left (after the last one, it is dead). */
export function wrongCodeMessage(triesLeft: number): string {
  return `验证码不正确，还可以再试${triesLeft}次`
}

export const PROFILE_MESSAGES = {
  name: '请填写与身份证一致的姓名（2到30个字）',
  idNumber: '请填写18位居民身份证号码',
  taken: '这个身份证号码已经绑定了另一个手机号。如需更换手机号，请到服务大厅办理',
} as const

export const CONSENT_MESSAGES = {
  residentPhone: '请输入群众本人的11位手机号码',
  itemCode: '请选择要代办的事项',
  code: '请输入群众收到的6位验证码',
} as const

export const STAFF_ROLES = ['clerk', 'reviewer', 'approver', 'supervisor', 'leader', 'hall_admin', 'agent'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  clerk: '窗口人员',
  reviewer: '部门承办、审核人员',
  approver: '部门批准人',
  supervisor: '电子监察人员',
  leader: '领导',
  hall_admin: '大厅管理员',
  agent: '代办员',
}

/** Why a staff member looked a citizen up: recorded, and shown to the citizen. */
export const ACCESS_PURPOSES = ['identity_check', 'assist', 'supervision'] as const
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number]

export const ACCESS_PURPOSE_LABELS: Record<AccessPurpose, string> = {
  identity_check: '窗口核验身份',
  assist: '帮办代办',
  supervision: '电子监察抽查',
}

export const ACCESS_FIELD_LABELS: Record<string, string> = {
  phone: '手机号码',
  name: '姓名',
  idNumber: '身份证号码（遮盖）',
  realName: '实名信息（姓名、身份证号码，用于代办申请）',
  application: '代您提交的申请',
  materials: '申请材料',
  messages: '发给您的办件消息',
  // 查找办件 on the workbench: which of the citizen's data the search matched on.
  'caseSearch:caseNo': '您的办件（按办件编号查找）',
  'caseSearch:phone': '您的办件（按手机号码查找）',
  'caseSearch:name': '您的办件（按姓名查找）',
}

/** How the access log names a field, e.g. `licence:营业执照` → 电子证照（营业执照）. */
export function accessFieldLabel(field: string): string {
  if (field.startsWith('licence:')) return `电子证照（${field.slice('licence:'.length)}）`
  if (field.startsWith('material:')) return `申请材料（${field.slice('material:'.length)}）`
  return ACCESS_FIELD_LABELS[field] ?? field
}
