/**
 * The BFF's VAPID identity (RFC 8292): the key pair browsers subscribe with
 * and every push request is signed by. From VAPID_PUBLIC_KEY /
 * VAPID_PRIVATE_KEY when set (required in production); in the embedded
 * default a pair generated once into DATA_DIR/vapid.json (mode 600); on
 * PostgreSQL or an in-memory database without them (development only) one
 * pair kept in server_secrets, so every instance signs with the same key.
 * A new key silences every subscription made with the old one, so it is
 * never regenerated once kept.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import webpush from 'web-push'
import type { AppConfig } from '../config'
import type { Queryable } from '../store/db'

export interface VapidKeys {
  publicKey: string
  privateKey: string
  /** mailto: or https: — who the push service may contact. */
  subject: string
}

type Pair = Pick<VapidKeys, 'publicKey' | 'privateKey'>

function parsePair(text: string, where: string): Pair {
  const v = JSON.parse(text) as Partial<Pair>
  if (typeof v.publicKey !== 'string' || typeof v.privateKey !== 'string') throw new Error(`${where} does not hold a VAPID key pair`)
  return { publicKey: v.publicKey, privateKey: v.privateKey }
}

export async function loadVapidKeys(config: Pick<AppConfig, 'webPush' | 'dataDir' | 'databaseUrl' | 'production'>, db: Queryable): Promise<VapidKeys> {
  const { publicKey, privateKey, subject } = config.webPush
  if (publicKey && privateKey) return { publicKey, privateKey, subject }
  if (config.production) throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set in production')
  if (config.databaseUrl || config.dataDir === 'memory://') {
    await db.query('insert into server_secrets (name, value) values ($1, $2) on conflict (name) do nothing', ['vapid', JSON.stringify(webpush.generateVAPIDKeys())])
    const rows = await db.query<{ value: string }>('select value from server_secrets where name = $1', ['vapid'])
    return { ...parsePair(rows[0]!.value, 'server_secrets.vapid'), subject }
  }
  const file = join(config.dataDir, 'vapid.json')
  if (existsSync(file)) return { ...parsePair(readFileSync(file, 'utf8'), file), subject }
  mkdirSync(config.dataDir, { recursive: true })
  const pair = webpush.generateVAPIDKeys()
  writeFileSync(file, JSON.stringify(pair), { mode: 0o600, flag: 'wx' })
  return { ...pair, subject }
}
