import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config'
import type { Queryable } from '../store/db'
import { loadVapidKeys } from './vapid'

const dir = mkdtempSync(join(tmpdir(), 'tongban-vapid-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const noDb = { query: () => { throw new Error('the embedded default keeps its keys in DATA_DIR, not the database') } } as unknown as Queryable

describe('VAPID keys', () => {
  const base = loadConfig({})

  it('are generated once into the data directory, then read back', async () => {
    const first = await loadVapidKeys({ ...base, dataDir: dir }, noDb)
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65)
    expect(Buffer.from(first.privateKey, 'base64url')).toHaveLength(32)
    expect(statSync(join(dir, 'vapid.json')).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(join(dir, 'vapid.json'), 'utf8'))).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey })
    expect(await loadVapidKeys({ ...base, dataDir: dir }, noDb)).toEqual(first)
  })

  it('come from the environment when set, and must be set in production', async () => {
    const webPush = { ...base.webPush, publicKey: 'pub', privateKey: 'priv' }
    expect(await loadVapidKeys({ ...base, dataDir: dir, webPush }, noDb)).toMatchObject({ publicKey: 'pub', privateKey: 'priv' })
    await expect(loadVapidKeys({ ...base, production: true, dataDir: dir }, noDb)).rejects.toThrow(/VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set in production/)
  })
})
