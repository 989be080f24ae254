/**
 * What an uploaded file may be called: one rule for the BFF (which refuses)
 * and both shells (which say so before sending anything). A name is only
 * shown — on the workbench, in the access log the citizen reads, in a
 * download's Content-Disposition, in the approval system's handover — so
 * it must read as what it is. Refused: path separators and their look-alikes
 * (`／` U+FF0F, `∕` U+2215, `⁄`, `＼`, `∖`…: `证件／..／x.png` must not pass for
 * a path nor a folder), `..`, control characters, line and paragraph
 * separators, the bidi marks that make `gpj.exe` read as `exe.jpg` (U+202E,
 * U+061C, U+200E/F, the isolates), zero-width and other invisible characters
 * (U+200B, U+2060, U+FEFF, Hangul fillers, tag characters: every Unicode
 * format character), and `<` `>`, which no file needs and which turn a name
 * into markup wherever someone forgets to escape it. 《》 and full-width
 * punctuation, usual in Chinese names, are fine.
 */
import { MAX_FILE_NAME_LENGTH } from './uploads/limits'

export type FileNameIssue =
  | 'empty' | 'too_long' | 'line_break' | 'control' | 'bidi' | 'invisible' | 'slash' | 'dot_dot' | 'markup'

/** What the citizen is told, naming the problem (both shells and the BFF, field `file`). */
export const FILE_NAME_MESSAGES: Record<FileNameIssue, string> = {
  empty: '文件没有名字，请给文件起个名字后再传',
  too_long: `文件名太长了，请改短一些（不超过${MAX_FILE_NAME_LENGTH}个字）后再传`,
  line_break: '文件名里有换行符，请改名后再传',
  control: '文件名里有看不见的控制字符，请改名后再传',
  bidi: '文件名里有改变文字方向的隐藏字符（会让文件名显示得和实际不一样），请改名后再传',
  invisible: '文件名里有零宽字符等看不见的字符，请改名后再传',
  slash: '文件名里不能有斜杠或反斜杠（包括“／”“∕”“＼”等形似的字符），请改名后再传',
  dot_dot: '文件名里不能有连续的两个点“..”，请改名后再传',
  markup: '文件名里不能有尖括号“<”“>”，请改名后再传',
}

// The order is the order of the checks: the most specific reason first.
const RULES: [FileNameIssue, RegExp][] = [
  ['line_break', /[\n\r\v\f\u0085\u2028\u2029]/u],
  ['control', /\p{Cc}/u],
  // Arabic letter mark, LRM/RLM, embeddings and overrides, isolates (all format characters, named apart for the message).
  ['bidi', /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u],
  // Every other format character (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+00AD, U+180E, tags U+E0001–U+E007F…),
  // combining grapheme joiner, Hangul fillers, and variation-less blanks that render as nothing.
  ['invisible', /[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0]/u],
  // ASCII slash and backslash; fraction, division and big solidus; box-drawing diagonals; full-width and small forms;
  // set minus and reverse solidus operators; combining solidus overlays.
  ['slash', /[/\\\u2044\u2215\u29f8\u2571\u27cb\uff0f\u2216\u29f5\u29f9\u2572\u27cd\ufe68\uff3c\u0337\u0338]/u],
  ['dot_dot', /\.\./],
  ['markup', /[<>]/],
]

export type CheckedFileName =
  | { ok: true; name: string; /** Lower-case, without the dot; null when the name has none. */ extension: string | null }
  | { ok: false; issue: FileNameIssue; message: string }

/** The name as it will be kept (NFC, trimmed), or the first thing wrong with it. */
export function checkFileName(raw: string | null | undefined): CheckedFileName {
  const name = (raw ?? '').normalize('NFC').trim()
  const refuse = (issue: FileNameIssue): CheckedFileName => ({ ok: false, issue, message: FILE_NAME_MESSAGES[issue] })
  if (!name) return refuse('empty')
  if ([...name].length > MAX_FILE_NAME_LENGTH) return refuse('too_long')
  for (const [issue, pattern] of RULES) if (pattern.test(name)) return refuse(issue)
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : null
  return { ok: true, name, extension }
}
