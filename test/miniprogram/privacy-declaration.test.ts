/**
 * The 用户隐私保护指引 to fill in on WeChat's console (miniprogram/config/privacy-declaration.ts) covers every
 * privacy interface the source calls, declares none it does not call (the console would show a citizen a use
 * that does not happen), and is the table the README gives whoever fills the console in.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PRIVACY_DECLARATION } from '../../miniprogram/config/privacy-declaration'

// WeChat's privacy interfaces (用户隐私保护指引 → 隐私接口) a government-service mini-program could plausibly reach for.
const PRIVACY_APIS = [
  'chooseMedia', 'chooseImage', 'chooseVideo', 'chooseMessageFile', 'saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum',
  'setClipboardData', 'getClipboardData', 'getLocation', 'getFuzzyLocation', 'chooseLocation', 'startLocationUpdate',
  'chooseAddress', 'chooseInvoiceTitle', 'chooseInvoice', 'getWeRunData', 'startRecord', 'getRecorderManager',
  'createCameraContext', 'openBluetoothAdapter', 'addPhoneContact', 'getUserProfile',
]
const PRIVACY_BUTTONS = ['getPhoneNumber', 'getRealtimePhoneNumber', 'chooseAvatar']

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|vue)$/.test(name) && !name.endsWith('.test.ts') ? [path] : []
  })
}

function usedInSource(): Set<string> {
  const used = new Set<string>()
  for (const file of sources(join(__dirname, '../../miniprogram/src'))) {
    const text = readFileSync(file, 'utf8')
    for (const api of PRIVACY_APIS) if (new RegExp(`\\b(Taro|wx)\\.${api}\\b`).test(text)) used.add(api)
    for (const b of PRIVACY_BUTTONS) if (new RegExp(`open-?[tT]ype="${b}"`).test(text)) used.add(b)
  }
  return used
}

describe('the privacy declaration for WeChat’s console', () => {
  it('declares exactly the privacy interfaces the mini-program calls', () => {
    expect(PRIVACY_DECLARATION.map((d) => d.api).sort()).toEqual([...usedInSource()].sort())
  })

  it('says each use in a short sentence, as the console takes it', () => {
    for (const d of PRIVACY_DECLARATION) {
      expect(d.purpose.length, d.api).toBeLessThanOrEqual(50)
      expect(d.purpose, d.api).not.toMatch(/[。.]$/)
    }
  })

  it('is the table the README gives for filling in the console', () => {
    const readme = readFileSync(join(__dirname, '../../miniprogram/README.md'), 'utf8')
    for (const d of PRIVACY_DECLARATION) expect(readme).toContain(`| ${d.info} | \`${d.api}\` | ${d.purpose} |`)
  })
})
