/**
 * Test citizens' real names, for every test project (server, mini-program,
 * browser): an ID number binds one account only, so each test phone gets a
 * valid one of its own, the same every run. Pure; no server code.
 */
import { createHash } from 'node:crypto'
import { residentIdCheckDigit, type RealName } from '@tongban/core'

/**
 * A valid resident ID number (GB 11643) made from `seed` (a phone number): the
 * same seed, the same number, and another seed another number — an ID number
 * binds one account only, so each test citizen needs their own.
 */
export function residentIdFor(seed: string): string {
  const h = createHash('sha256').update(`resident-id:${seed}`).digest()
  const year = 1950 + (h[0]! % 50), month = 1 + (h[1]! % 12), day = 1 + (h[2]! % 28)
  const first17 = `110105${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(h.readUInt16BE(3) % 1000).padStart(3, '0')}`
  return first17 + residentIdCheckDigit(first17)
}

/** The real name a test citizen signing in with `phone` gets unless told otherwise: 王芳, with an ID number of their own. */
export function realNameFor(phone: string, name = '王芳'): RealName {
  return { name, idNumber: residentIdFor(phone) }
}
