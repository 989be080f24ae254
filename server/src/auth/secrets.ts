/**
 * The server's secret key (HMAC of OTP codes and session tokens; later the
 * AES-256-GCM key for ID numbers). From SECRET_KEY (64 hex characters) when
 * set; in the embedded default a key generated once into DATA_DIR/secret.key
 * (mode 600); on PostgreSQL without SECRET_KEY (development only; refused in
 * production) one key kept in the database so every instance shares it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AppConfig } from '../config'
import type { Queryable } from '../store/db'

export interface Secrets {
  /** HMAC-SHA256 as hex, keyed with the server secret. */
  mac(purpose: string, value: string): string
}

export async function loadSecretKey(config: Pick<AppConfig, 'secretKey' | 'dataDir' | 'databaseUrl' | 'production'>, db: Queryable): Promise<Buffer> {
  if (config.secretKey) return Buffer.from(config.secretKey, 'hex')
  if (config.databaseUrl || config.dataDir === 'memory://') {
    if (config.production) throw new Error('SECRET_KEY must be set in production')
    await db.query('insert into server_secrets (name, value) values ($1, $2) on conflict (name) do nothing', ['key', randomBytes(32).toString('hex')])
    const rows = await db.query<{ value: string }>('select value from server_secrets where name = $1', ['key'])
    return Buffer.from(rows[0]!.value, 'hex')
  }
  const file = join(config.dataDir, 'secret.key')
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')
  mkdirSync(config.dataDir, { recursive: true })
  const key = randomBytes(32)
  writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' })
  return key
}

export function secrets(key: Buffer): Secrets {
  return {
    mac(purpose, value) {
      return createHmac('sha256', key).update(`${purpose}\u0000${value}`).digest('hex')
    },
  }
}

/** Equal strings, compared in constant time (a secret given in a URL: the SMS reports' token). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8'), y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex'), y = Buffer.from(b, 'hex')
  return x.length === y.length && timingSafeEqual(x, y)
}
