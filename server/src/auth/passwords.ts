/**
 * Staff passwords: scrypt (node:crypto, N=2^15, r=8, p=1), 16-byte salt,
 * stored as `scrypt$15$8$1$<salt>$<hash>` so parameters can be raised later
 * without breaking old hashes. Verification runs the same work for an
 * unknown user, so timing does not tell whether a username exists.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((res, rej) => scryptCb(pw, salt, len, opts, (err, key) => (err ? rej(err) : res(key))))

const LOG_N = 15, R = 8, P = 1, LEN = 32
const MAXMEM = 64 * 1024 * 1024

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, LEN, { N: 2 ** LOG_N, r: R, p: P, maxmem: MAXMEM })
  return ['scrypt', LOG_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
}

const DUMMY = 'scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

/** True when `password` matches `stored`; with no stored hash, does the same work and says false. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [kind, logN, r, p, salt, hash] = (stored ?? DUMMY).split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: 2 ** Number(logN), r: Number(r), p: Number(p), maxmem: MAXMEM })
  return stored !== null && timingSafeEqual(key, expected)
}
