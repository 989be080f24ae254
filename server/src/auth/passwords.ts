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

/** Thrown by a full limiter: the caller answers 503 at once rather than queue without bound. */
export class HashingBusy extends Error {
  constructor() {
    super('too many password checks waiting')
  }
}

export interface HashingLimiter {
  /** Runs `work` when one of the slots is free, in arrival order; throws HashingBusy when `queue` are already waiting. */
  run<T>(work: () => Promise<T>): Promise<T>
}

/**
 * At most `concurrency` password checks at once and `queue` waiting. Each
 * scrypt holds a libuv threadpool thread (and 32 MB) for tens of
 * milliseconds; unbounded, a flood of sign-ins queues every other use of the
 * threadpool (compression, files) behind it for as long as the flood lasts.
 */
export function hashingLimiter(opts: { concurrency: number; queue: number }): HashingLimiter {
  let running = 0
  const waiting: (() => void)[] = []
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
  return {
    async run(work) {
      if (running < opts.concurrency) running++
      else if (waiting.length < opts.queue) await new Promise<void>((resolve) => waiting.push(resolve))
      else throw new HashingBusy()
      try {
        return await work()
      } finally {
        release()
      }
    },
  }
}
