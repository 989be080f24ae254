import { describe, expect, it } from 'vitest'
import { findInputIssue, MAX_INPUT_DEPTH, textIssue } from './input'

describe('text no request may carry', () => {
  it('tells NUL and lone surrogates from text that only looks odd', () => {
    expect(textIssue('王芳 😀 𠮷 e\u0301 \u202e')).toBeNull()
    expect(textIssue('a\u0000b')).toBe('nul')
    expect(textIssue('\ud800')).toBe('lone_surrogate')
    expect(textIssue('x\udc00')).toBe('lone_surrogate')
    expect(textIssue('😀'.slice(0, 1))).toBe('lone_surrogate')
    expect(textIssue('😀'.slice(1))).toBe('lone_surrogate')
  })

  it('names the first offending value or key at any depth, in document order', () => {
    const body = { values: { name: '王芳', members: [{ name: 'ok' }, { name: 'b\ud800' }] }, reason: 'a\u0000' }
    expect(findInputIssue(body)).toEqual({ path: 'values.members.1.name', code: 'lone_surrogate' })
    expect(findInputIssue({ values: { ['a\u0000']: 1 } })).toEqual({ path: 'values.a\ufffd', code: 'nul' })
    expect(findInputIssue({ a: [1, 'x'] }, 'query')).toBeNull()
    expect(findInputIssue({ updatedAt: Infinity })).toEqual({ path: 'updatedAt', code: 'not_finite' })
    expect(findInputIssue('\u0000', 'offset')).toEqual({ path: 'offset', code: 'nul' })
  })

  it('walks null-prototype objects (router params) but not bytes', () => {
    const params = Object.create(Object.create(null) as object) as Record<string, string>
    params.caseNo = '\u0000'
    expect(findInputIssue(params)).toEqual({ path: 'caseNo', code: 'nul' })
    expect(findInputIssue(new Uint8Array([0, 0xed, 0xa0, 0x80]))).toBeNull()
  })

  it('refuses nesting deeper than any form without a stack of its own', () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 200_000; i++) deep = [deep]
    expect(findInputIssue({ values: deep })?.code).toBe('too_deep')
    let ok: unknown = 'x'
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = { a: ok }
    expect(findInputIssue(ok)).toBeNull()
  })
})
