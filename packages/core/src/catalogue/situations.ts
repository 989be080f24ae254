/**
 * The situation questions as both shells ask them: the question's words
 * (the 可多选 hint added here, once), an answer given (a none-of-these
 * option excludes the others), and an answer that means the citizen needs
 * another item altogether (the guide links it and offers no application).
 */
import { visibleSituations, type Answers } from './materials'
import type { Item, Situation, SituationOption } from './types'

export const MULTIPLE_HINT = '（可多选）'

/** The question as shown: a multiple-choice one says so once, whatever the data says. */
export function questionText(s: Pick<Situation, 'question' | 'multiple'>): string {
  const bare = s.question.endsWith(MULTIPLE_HINT) ? s.question.slice(0, -MULTIPLE_HINT.length) : s.question
  return s.multiple ? `${bare}${MULTIPLE_HINT}` : bare
}

function chosen(a: Answers[string]): string[] {
  return a === undefined ? [] : Array.isArray(a) ? a : [a]
}

/**
 * A multiple-choice answer after a tick: `after` is what the shell's boxes
 * now say. A newly ticked exclusive option (没有) stands alone; ticking any
 * other clears the exclusive ones.
 */
export function settleChoice(s: Pick<Situation, 'options'>, before: readonly string[], after: readonly string[]): string[] {
  const exclusive = new Set(s.options.filter((o) => o.exclusive).map((o) => o.value))
  const added = after.filter((v) => !before.includes(v))
  const newExclusive = added.find((v) => exclusive.has(v))
  if (newExclusive !== undefined) return [newExclusive]
  if (added.length) return after.filter((v) => !exclusive.has(v))
  return [...after]
}

/** The answers with one more given, by the rule above; unknown questions are kept as given (resolveMaterials reports them). */
export function answerWith(item: Pick<Item, 'situations'>, answers: Answers, situationId: string, value: string | string[]): Answers {
  const s = item.situations.find((x) => x.id === situationId)
  const settled = s?.multiple && Array.isArray(value) ? settleChoice(s, chosen(answers[situationId]), value) : value
  return { ...answers, [situationId]: settled }
}

export interface OtherItemAnswer {
  /** The question's words and the answer that points away. */
  question: string
  option: SituationOption
  otherItem: { code: string; name: string }
}

/** The first visible answer saying "您要办的是另一个事项", or null. */
export function otherItemFor(item: Pick<Item, 'situations'>, answers: Answers): OtherItemAnswer | null {
  for (const s of visibleSituations(item, answers)) {
    const values = chosen(answers[s.id])
    const option = s.options.find((o) => o.otherItem && values.includes(o.value))
    if (option?.otherItem) return { question: s.question, option, otherItem: option.otherItem }
  }
  return null
}
