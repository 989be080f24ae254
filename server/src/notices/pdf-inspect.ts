/**
 * Test support: what a person or a PDF reader gets out of a document — its
 * text (pdfjs, the engine of Firefox's viewer, legacy build for Node), its
 * link annotations, page size and the fonts it embeds.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfFacts {
  pages: number
  /** Page 1 size in points. */
  size: { width: number; height: number }
  /** All text, pages in order, whitespace removed (CJK lines break anywhere). */
  text: string
  links: string[]
  /** /BaseFont names of embedded font programs (a subset is tagged ABCDEF+). */
  embeddedFonts: string[]
}

export async function inspectPdf(bytes: Buffer): Promise<PdfFacts> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise
  let text = ''
  const links: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    text += (await page.getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join('')
    for (const a of await page.getAnnotations()) if (a.subtype === 'Link' && typeof a.url === 'string') links.push(a.url)
  }
  const [, , width, height] = (await doc.getPage(1)).view as number[]
  const raw = bytes.toString('latin1')
  // A font descriptor names its program (FontFile2: TrueType, FontFile3: CFF); the font dict names the subset.
  const embedded = /\/FontFile[23]\s/.test(raw) ? [...raw.matchAll(/\/BaseFont\s*\/([A-Za-z0-9+_-]+)/g)].map((m) => m[1]!) : []
  await doc.destroy()
  return { pages: doc.numPages, size: { width: width!, height: height! }, text: text.replace(/\s+/g, ''), links, embeddedFonts: [...new Set(embedded)] }
}
