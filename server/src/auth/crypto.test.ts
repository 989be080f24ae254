import { describe, expect, it } from 'vitest'
import { fieldCipher } from './crypto'

describe('field encryption', () => {
  const cipher = fieldCipher(Buffer.alloc(32, 1), 'id-number')

  it('round-trips, with a different ciphertext every time', () => {
    const a = cipher.encrypt('11010519491231002X')
    const b = cipher.encrypt('11010519491231002X')
    expect(a).not.toBe(b)
    expect(a).not.toContain('1101051949')
    expect(cipher.decrypt(a)).toBe('11010519491231002X')
  })

  it('refuses a tampered value or another key', () => {
    const sealed = cipher.encrypt('11010519491231002X')
    const parts = sealed.split('.')
    const body = Buffer.from(parts[3]!, 'base64url')
    body[0] = body[0]! ^ 1
    expect(() => cipher.decrypt([...parts.slice(0, 3), body.toString('base64url')].join('.'))).toThrow()
    expect(() => fieldCipher(Buffer.alloc(32, 2), 'id-number').decrypt(sealed)).toThrow()
    expect(() => fieldCipher(Buffer.alloc(32, 1), 'other-label').decrypt(sealed)).toThrow()
  })
})
