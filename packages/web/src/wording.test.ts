/**
 * The words both shells show a citizen: 您 throughout (never 你), and no
 * promise of messages the product does not send yet (每一步进展都会通知您).
 * Reads every source file of the PWA, the mini-program and the shared app
 * layer as text, comments included, so a new page cannot slip either in.
 */
import { describe, expect, it } from 'vitest'

const sources = {
  ...import.meta.glob<string>(['./**/*.{vue,ts,html}', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob<string>(['../../app/src/**/*.{vue,ts}', '!../../app/src/**/*.test.ts'], { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob<string>(['../../../miniprogram/src/**/*.{vue,ts}', '!../../../miniprogram/src/**/*.test.ts'], { query: '?raw', import: 'default', eager: true }),
}

function lines(pattern: RegExp): string[] {
  return Object.entries(sources).flatMap(([file, text]) =>
    text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])))
}

describe('what the shells say', () => {
  it('reads the shells (the three trees are there)', () => {
    const files = Object.keys(sources)
    expect(files.length).toBeGreaterThan(100)
    for (const tree of ['./pages/', '../../app/src/', '../../../miniprogram/src/pages/']) expect(files.some((f) => f.startsWith(tree)), tree).toBe(true)
  })

  it('address the citizen as 您, never 你', () => {
    expect(lines(/你/)).toEqual([])
  })

  it('promise no message nothing sends', () => {
    expect(lines(/通知您|都会通知|也会收到通知|短信通知|消息提醒/)).toEqual([])
  })
})
