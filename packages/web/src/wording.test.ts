/**
 * The words both shells show a citizen: 您 throughout (never 你), and no
 * promise of messages the product does not send yet (每一步进展都会通知您).
 * Scans every source file of the PWA, the mini-program and the shared app
 * layer, comments included, so a new page cannot slip either in.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const DIRS = ['packages/web/src', 'packages/app/src', 'miniprogram/src']

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.(vue|ts|html)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : []
  })
}

function lines(pattern: RegExp): string[] {
  return DIRS.flatMap((d) => files(join(ROOT, d))).flatMap((f) =>
    readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (pattern.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])))
}

describe('what the shells say', () => {
  it('scans the shells (the test reads real files)', () => {
    expect(DIRS.flatMap((d) => files(join(ROOT, d))).length).toBeGreaterThan(100)
  })

  it('address the citizen as 您, never 你', () => {
    expect(lines(/你/)).toEqual([])
  })

  it('promise no message nothing sends', () => {
    expect(lines(/通知您|都会通知|也会收到通知|短信通知|消息提醒/)).toEqual([])
  })
})
