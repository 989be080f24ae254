/**
 * 好差评 (国办发〔2019〕51号): five levels, 5 非常满意 … 1 非常不满意; 差评 is
 * 不满意 and 非常不满意. 现场服务"一次一评" (a ticket served at a window is
 * rated once), 网上服务"一事一评"; rating is voluntary and never forced.
 */
import type { FieldIssue } from '../api/problems'

export const RATING_LEVELS = [5, 4, 3, 2, 1] as const
export type RatingLevel = (typeof RATING_LEVELS)[number]

export const RATING_LABELS: Readonly<Record<RatingLevel, string>> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' }

/** 差评: the unit that served must check, put right and answer (谁办理、谁负责). */
export function isPoorRating(level: RatingLevel): boolean {
  return level <= 2
}

export const MAX_RATING_NOTE = 200

/** What is wrong with a rating, by field. A 差评 asks what went wrong (optional, but offered). */
export function ratingIssues(input: { score: number; note?: string | undefined }): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (!RATING_LEVELS.includes(input.score as RatingLevel)) issues.push({ path: 'score', code: 'level', message: '请选择一个满意程度' })
  if (input.note !== undefined && [...input.note].length > MAX_RATING_NOTE) issues.push({ path: 'note', code: 'too_long', message: `意见请写在${MAX_RATING_NOTE}字以内` })
  return issues
}
