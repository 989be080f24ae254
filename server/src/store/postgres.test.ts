/**
 * The same BFF on the real PostgreSQL (127.0.0.1:5432) in a schema of its
 * own: migrations, seeding and the catalogue routes behave as on PGlite.
 * Skipped with a notice when PostgreSQL is absent, unless REQUIRE_SERVICES=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ItemPage, Item } from '@tongban/core'
import { postgresAvailable, postgresDb, signInCitizen, startTestServer, type TestServer } from '../testing'
import { DEMO_STAFF_PASSWORD } from '../../seed/staff'
import { MIGRATIONS, migrate } from './migrations'
import { CASE_BACKFILLS } from '../cases/responsibility'
import { seedCatalogue } from '../seed'
import { openDb, type Db } from './db'
import { loadConfig } from '../config'

const url = await postgresAvailable()

describe.skipIf(!url)('on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof postgresDb>>
  let server: TestServer
  beforeAll(async () => {
    pg = await postgresDb(url!)
    server = await startTestServer({ db: pg.db })
  })
  afterAll(async () => {
    await server?.close()
    await pg?.drop()
  })

  it('serves search and guides from PostgreSQL', async () => {
    expect((await server.app.inject('/healthz')).json()).toEqual({ status: 'ok', db: 'postgres' })
    const page = (await server.app.inject('/api/items?q=shenfenzheng')).json<ItemPage>()
    expect(page.items[0]!.name).toMatch(/居民身份证/)
    const guide = await server.app.inject(`/api/items/${page.items[0]!.code}`)
    expect(guide.json<Item>().materials.length).toBeGreaterThan(0)
    const again = await server.app.inject({ url: `/api/items/${page.items[0]!.code}`, headers: { 'if-none-match': guide.headers.etag as string } })
    expect(again.statusCode).toBe(304)
  })

  it('signs a citizen in with an SMS code and keeps the session in PostgreSQL', async () => {
    const phone = '13512345678'
    const { token } = await signInCitizen(server.app, phone)
    const me = await server.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })
    expect(me.json()).toMatchObject({ phone })
    expect((await pg.db.query<{ n: number }>('select count(*)::int as n from sessions')).at(0)!.n).toBe(1)
  })

  it('runs staff sign-in, the access log, WeChat sign-in and agent consent on PostgreSQL', async () => {
    const inject = server.app.inject.bind(server.app)
    const staffLogin = async (username: string) =>
      (await inject({ method: 'POST', url: '/api/staff/login', payload: { username, password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` })

    const citizen = await signInCitizen(server.app, '13522223333')
    const clerk = await staffLogin('clerk')
    expect((await inject({ url: '/api/staff/citizens?phone=13522223333&purpose=assist', headers: bearer(clerk) })).statusCode).toBe(200)
    expect((await inject({ url: '/api/me/access-log', headers: bearer(citizen.token) })).json<unknown[]>()).toHaveLength(1)

    const loginCode = (await inject('/dev/wechat/login-code?openid=pg-openid')).json<{ code: string }>().code
    const wx = (await inject({ method: 'POST', url: '/api/auth/wechat/login', payload: { code: loginCode } })).json<{ token: string }>()
    const phoneCode = (await inject('/dev/wechat/phone-code?phone=13522223333')).json<{ code: string }>().code
    const joined = (await inject({ method: 'POST', url: '/api/auth/wechat/phone', payload: { code: phoneCode }, headers: bearer(wx.token) })).json<{ account: { id: string } }>()
    expect(joined.account.id).toBe(citizen.account.id)

    const agent = await staffLogin('agent')
    const consent = await inject({ method: 'POST', url: '/api/agent/consents', payload: { residentPhone: '13544445555', itemCode: 'GA-0001' }, headers: bearer(agent) })
    expect(consent.statusCode).toBe(201)
    const inbox = (await inject('/dev/inbox.json')).json<{ phone: string; text: string }[]>()
    const code = /验证码(\d{6})/.exec(inbox.find((m) => m.phone === '13544445555')!.text)![1]
    const granted = await inject({ method: 'POST', url: `/api/agent/consents/${consent.json<{ id: string }>().id}/confirm`, payload: { code }, headers: bearer(agent) })
    expect(granted.json()).toMatchObject({ status: 'granted' })
  })

  it('applies each migration exactly once when several instances start together', async () => {
    const fresh = await postgresDb(url!)
    const dbs: Db[] = await Promise.all([1, 2, 3].map(() => openDb({ ...loadConfig({}), databaseUrl: url!, databaseSchema: fresh.schema })))
    try {
      const applied = await Promise.all(dbs.map((db) => migrate(db, CASE_BACKFILLS)))
      expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.id).sort())
    } finally {
      await Promise.all(dbs.map((d) => d.close()))
      await fresh.drop()
    }
  })

  it('keeps ETags of unchanged items when the seed runs again', async () => {
    const before = await pg.db.query<{ code: string; etag: string }>('select code, etag from items order by code')
    expect(await seedCatalogue(pg.db)).toBe(0)
    const after = await pg.db.query<{ code: string; etag: string }>('select code, etag from items order by code')
    expect(after).toEqual(before)
  })
})
