/**
 * Content that must not ride along in a material file: HTML or script
 * hidden in an image or a PDF (a polyglot: the same bytes are a valid PNG
 * and a web page), and a PDF's own active content — scripts, actions that
 * run on opening, launching programs, attachments, Flash, XFA forms. Staff
 * open these files on the workbench and download them to office PCs (and
 * the approval system hands them on), where a reader would run them.
 *
 * The markup rule, case-insensitive, on the whole file as bytes:
 * - anywhere: `<script`, `<iframe`, `<!doctype html`, `javascript:`, `<html`
 *   as a tag (followed by whitespace, `/` or `>`), `<svg` with an attribute
 *   (`<svg onload=`, `<svg/onload=`, `<svg xmlns=`). Compressed pixel data
 *   and PDF streams are near-random bytes; by chance they hold one of these
 *   less than once in 250,000 files of 10 MB (`<html` + delimiter is the
 *   likeliest: 7/256 · 256⁻¹ · 128⁻⁴ ≈ 4·10⁻¹³ a position).
 * - in the first and last 64 KiB only, the short form `<svg` followed by
 *   whitespace, `/` or `>`: there sit a file's metadata (EXIF, PNG text
 *   chunks, a PDF's header objects) and whatever was appended after its
 *   end, which is where a polyglot keeps its page, and where lenient
 *   sniffers look. Anywhere in a 10 MB file it would refuse about one
 *   genuine photo or scan in 2,000; in 128 KiB, one in 15 million.
 * Markup written in UTF-16 or split by entities is not looked for: the
 * files are also served with `Content-Security-Policy: sandbox` and
 * `nosniff`, so what slips through still cannot run in our origin.
 *
 * The PDF rule: the names `/JavaScript`, `/JS`, `/Launch`, `/EmbeddedFile`
 * (`/EmbeddedFiles`), `/AA`, `/RichMedia…`, `/XFA` as keys or values of any
 * dictionary — with `#xx` escapes decoded (`/J#61vaScript`) — outside
 * streams (whose bytes would match `/JS` by chance) and inside object
 * streams (`/Type /ObjStm`, where PDF 1.5 compresses dictionaries),
 * inflated with a ceiling. An `/OpenAction` that runs a script or launches
 * something names `/JavaScript` or `/Launch` and is caught by those; one
 * that only opens a page is ordinary. An object stream that cannot be read
 * (encrypted, another filter, broken) is refused too: what cannot be
 * checked is not accepted.
 */
import { inflateSync } from 'node:zlib'

export type MarkupFinding = 'html' | 'script' | 'svg' | 'iframe' | 'javascript_url'
export type PdfFinding = 'javascript' | 'launch' | 'embedded_file' | 'additional_actions' | 'rich_media' | 'xfa' | 'unreadable'

export const MARKUP_MESSAGES: Record<MarkupFinding, string> = {
  html: '文件里夹带了网页（HTML）代码',
  script: '文件里夹带了脚本（<script>）代码',
  svg: '文件里夹带了SVG图形代码',
  iframe: '文件里夹带了嵌入网页（<iframe>）的代码',
  javascript_url: '文件里夹带了“javascript:”脚本链接',
}

export const PDF_MESSAGES: Record<PdfFinding, string> = {
  javascript: 'PDF里含有JavaScript脚本',
  launch: 'PDF里含有启动其他程序的操作',
  embedded_file: 'PDF里嵌入了附件',
  additional_actions: 'PDF里含有打开、翻页或填写时自动执行的操作',
  rich_media: 'PDF里含有Flash等多媒体内容',
  xfa: 'PDF里含有XFA动态表单',
  unreadable: 'PDF的部分内容无法检查（可能已加密或已损坏）',
}

const EDGE = 64 * 1024
const ANYWHERE: [RegExp, MarkupFinding][] = [
  [/<script/i, 'script'],
  [/<iframe/i, 'iframe'],
  [/<!doctype\s+html/i, 'html'],
  [/<html[\s/>]/i, 'html'],
  [/javascript:/i, 'javascript_url'],
  [/<svg[\s/]+[a-z][a-z:-]*\s*=/i, 'svg'],
]
const AT_THE_EDGES: [RegExp, MarkupFinding][] = [[/<svg[\s/>]/i, 'svg']]

/** The first markup found in the file, or null. */
export function findMarkup(bytes: Buffer): MarkupFinding | null {
  const all = bytes.toString('latin1')
  for (const [re, finding] of ANYWHERE) if (re.test(all)) return finding
  const edges = bytes.length <= 2 * EDGE ? [all] : [all.slice(0, EDGE), all.slice(-EDGE)]
  for (const [re, finding] of AT_THE_EDGES) if (edges.some((s) => re.test(s))) return finding
  return null
}

const ACTIVE_NAMES: Record<string, PdfFinding> = {
  JavaScript: 'javascript',
  JS: 'javascript',
  Launch: 'launch',
  EmbeddedFile: 'embedded_file',
  EmbeddedFiles: 'embedded_file',
  AA: 'additional_actions',
  RichMedia: 'rich_media',
  RichMediaContent: 'rich_media',
  RichMediaSettings: 'rich_media',
  RichMediaExecute: 'rich_media',
  XFA: 'xfa',
}
// A PDF name: `/` and regular characters up to a delimiter or white space (ISO 32000-1, 7.2.2 and 7.3.5).
const NAME = /\/([^\s()<>[\]{}/%]*)/g
/** Where PDF 1.5 keeps compressed objects: inflated up to this much in all (a deflate bomb stops here). */
const MAX_INFLATED = 32 * 1024 * 1024

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
}

function activeName(text: string): PdfFinding | null {
  for (const m of text.matchAll(NAME)) {
    const found = ACTIVE_NAMES[decodeName(m[1]!)]
    if (found) return found
  }
  return null
}

/** The dictionary keys of a stream, from the text before its `stream` keyword back to its `obj`. */
function streamDictionary(before: string): string {
  const obj = before.lastIndexOf('obj')
  return before.slice(obj >= 0 ? obj : Math.max(0, before.length - 4096))
}

/** The first active content of a PDF, or null. */
export function findPdfActiveContent(bytes: Buffer): PdfFinding | null {
  const all = bytes.toString('latin1')
  const streamStart = /(?<![A-Za-z])stream(?:\r\n|\n|\r)/g
  let outside = 0
  let inflated = 0
  for (let m = streamStart.exec(all); m; m = streamStart.exec(all)) {
    const before = all.slice(outside, m.index)
    const found = activeName(before)
    if (found) return found
    const dataStart = m.index + m[0].length
    const end = all.indexOf('endstream', dataStart)
    const dataEnd = end < 0 ? all.length : end
    const dict = streamDictionary(before)
    if (/\/Type\s*\/ObjStm(?![A-Za-z])/.test(dict)) {
      const filters = [...dict.matchAll(/\/(FlateDecode|Fl|ASCIIHexDecode|AHx|ASCII85Decode|A85|LZWDecode|LZW|RunLengthDecode|RL|Crypt)(?![A-Za-z])/g)].map((f) => f[1])
      if (filters.some((f) => f !== 'FlateDecode' && f !== 'Fl') || /\/DecodeParms/.test(dict)) return 'unreadable'
      let objects: Buffer
      try {
        const raw = bytes.subarray(dataStart, dataEnd)
        objects = filters.length ? inflateSync(raw, { maxOutputLength: MAX_INFLATED - inflated, finishFlush: 2 /* Z_SYNC_FLUSH: a stream cut short by its EOL is still read */ }) : raw
      } catch {
        return 'unreadable'
      }
      inflated += objects.length
      const inner = activeName(objects.toString('latin1'))
      if (inner) return inner
    }
    streamStart.lastIndex = dataEnd
    outside = end < 0 ? all.length : end + 'endstream'.length
  }
  return activeName(all.slice(outside))
}
