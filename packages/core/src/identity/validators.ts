/**
 * Identity number formats, checked the same way in both shells and the BFF:
 * resident ID (GB 11643-1999, check digit ISO 7064 MOD 11-2), unified social
 * credit code (GB 32100-2015, check character MOD 31) and mainland mobile
 * numbers. Pure; `today` is passed in where a date matters.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'
/** Province-level codes of GB/T 2260 (first two digits of a resident ID). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
])

export type IdIssue = 'format' | 'region' | 'birth_date' | 'check_digit'

function civilDateValid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return d <= days[m - 1]!
}

/**
 * Why a resident ID number is wrong, or null when it is right. Its birth date
 * must be a real day from 1900-01-01 to `today` (YYYY-MM-DD, Asia/Shanghai,
 * from the caller's clock: the core has none) — nobody is born tomorrow.
 */
export function residentIdIssue(raw: string, today: string): IdIssue | null {
  const s = raw.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(s)) return 'format'
  if (!PROVINCES.has(s.slice(0, 2))) return 'region'
  const y = Number(s.slice(6, 10)), m = Number(s.slice(10, 12)), d = Number(s.slice(12, 14))
  if (y < 1900 || !civilDateValid(y, m, d)) return 'birth_date'
  if (`${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}` > today) return 'birth_date'
  return residentIdCheckDigit(s) === s[17] ? null : 'check_digit'
}

/** The check digit (ISO 7064 MOD 11-2) of an ID number's first 17 digits. */
export function residentIdCheckDigit(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!
  return ID_CHECK[sum % 11]!
}

export function isValidResidentId(s: string, today: string): boolean {
  return typeof s === 'string' && residentIdIssue(s, today) === null
}

/** The birth date a valid resident ID carries, as YYYY-MM-DD. */
export function birthDateOfResidentId(s: string): string {
  const t = s.trim()
  return `${t.slice(6, 10)}-${t.slice(10, 12)}-${t.slice(12, 14)}`
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export type CreditCodeIssue = 'format' | 'check_character'

/** The check character (MOD 31) of a code's first 17 characters. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!
  return CREDIT_CHARS[(31 - (sum % 31)) % 31]!
}

export function creditCodeIssue(raw: string): CreditCodeIssue | null {
  const s = raw.trim().toUpperCase()
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return 'format'
  return creditCodeCheckCharacter(s) === s[17] ? null : 'check_character'
}

export function isValidCreditCode(s: string): boolean {
  return typeof s === 'string' && creditCodeIssue(s) === null
}

/** Drops +86 / 0086, spaces and dashes: what people paste from contacts. */
export function normalizeMobile(raw: string): string {
  return raw.trim().replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '')
}

/** A mainland mobile number (11 digits, 13x–19x), as typed or already normalised. */
export function isValidMobile(s: string): boolean {
  return typeof s === 'string' && /^1[3-9]\d{9}$/.test(normalizeMobile(s))
}

/** `1101**********123X`: first four and last four characters only. */
export function maskResidentId(s: string): string {
  const t = s.trim()
  return t.length <= 8 ? '*'.repeat(t.length) : `${t.slice(0, 4)}${'*'.repeat(t.length - 8)}${t.slice(-4)}`
}

/** `138****8000` */
export function maskMobile(s: string): string {
  const t = normalizeMobile(s)
  return t.length === 11 ? `${t.slice(0, 3)}****${t.slice(7)}` : '*'.repeat(t.length)
}

export const IDENTITY_MESSAGES = {
  residentId: {
    format: '身份证号码应为18位，最后一位可以是数字或X',
    region: '身份证号码前两位不是有效的省份代码，请核对',
    birth_date: '身份证号码中的出生日期不正确，请核对',
    check_digit: '身份证号码校验位不对，可能有一位输错了，请核对',
  } satisfies Record<IdIssue, string>,
  creditCode: {
    format: '统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）',
    check_character: '统一社会信用代码校验位不对，可能有一位输错了，请核对',
  } satisfies Record<CreditCodeIssue, string>,
  mobile: '请输入11位中国大陆手机号码',
} as const

/** Names as on a resident ID: hanzi (with the middle dot of minority names) or Latin letters, 2–30 characters. */
export function normalizeRealName(raw: string): string {
  return raw.trim().replace(/\s+/g, '')
}

export function isValidRealName(raw: string): boolean {
  return /^[\u3400-\u9fff·•A-Za-z]{2,30}$/.test(normalizeRealName(raw))
}
