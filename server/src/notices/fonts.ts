/**
 * The CJK font every document embeds: Noto Serif SC (思源宋体, SIL OFL 1.1),
 * static TrueType instances from the npm package @expo-google-fonts/noto-serif-sc,
 * so a fresh `npm install` has it and nothing depends on the system's fonts.
 * A serif (宋体) is what official documents are set in. The files are ~15 MB
 * each; they are read once and pdfkit embeds only the glyphs a document uses
 * (a subset, tagged ABCDEF+NotoSerifSC-…).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const

export type FontWeight = keyof typeof FILES

const cache = new Map<FontWeight, Buffer>()

export function fontBytes(weight: FontWeight): Buffer {
  let bytes = cache.get(weight)
  if (!bytes) {
    bytes = readFileSync(require.resolve(FILES[weight]))
    cache.set(weight, bytes)
  }
  return bytes
}
