import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ItemPage, CatalogueSnapshot, Item, Problem } from '@tongban/core'
import { startTestServer, type TestServer } from '../../testing'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server?.close() })

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers })

describe('GET /api/items', () => {
  it('finds ID card items by pinyin initials, name matches first', async () => {
    const res = await get('/api/items?q=sfz')
    expect(res.statusCode).toBe(200)
    const page = res.json<ItemPage>()
    expect(page.items.slice(0, 2).map((i) => i.name).sort()).toEqual(['居民身份证换领', '居民身份证补领'])
    expect(page.total).toBeGreaterThanOrEqual(2)
  })

  it('filters by level, department and life event and pages the result', async () => {
    const village = (await get('/api/items?level=village&pageSize=100')).json<ItemPage>()
    expect(village.total).toBeGreaterThan(0)
    expect(village.items.every((i) => i.levels.includes('village'))).toBe(true)
    const all = (await get('/api/items?pageSize=5&page=2')).json<ItemPage>()
    expect(all.items).toHaveLength(5)
    expect(all.page).toBe(2)
    expect(all.total).toBeGreaterThanOrEqual(40)
    const dept = all.items[0]!.department.code
    const byDept = (await get(`/api/items?department=${dept}&pageSize=100`)).json<ItemPage>()
    expect(byDept.items.every((i) => i.department.code === dept)).toBe(true)
    const birth = (await get('/api/items?lifeEvent=birth&pageSize=100')).json<ItemPage>()
    expect(birth.items.map((i) => i.name)).toContain('出生登记')
  })

  it('answers a 10,000-character query with a Chinese problem, not a 500', async () => {
    const res = await get(`/api/items?q=${encodeURIComponent('身'.repeat(10_000))}`)
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    const p = res.json<Problem>()
    expect(p.code).toBe('QUERY_TOO_LONG')
    expect(p.title).toMatch(/搜索内容太长/)
  })

  it('treats an SQL-looking query as text and finds nothing', async () => {
    const res = await get(`/api/items?q=${encodeURIComponent("'; drop table items; --")}`)
    expect(res.statusCode).toBe(200)
    expect(res.json<ItemPage>().total).toBe(0)
    expect((await get('/api/items?pageSize=1')).json<ItemPage>().total).toBeGreaterThanOrEqual(40)
  })

  it.each(['page=0', 'page=-1', 'page=abc', 'page=1.5', 'page=99999', 'pageSize=1000', 'level=planet', 'lifeEvent=x', 'department=%27or'])(
    'rejects %s with a per-field Chinese message', async (qs) => {
      const res = await get(`/api/items?${qs}`)
      expect(res.statusCode).toBe(400)
      const p = res.json<Problem>()
      expect(p.code).toBe('VALIDATION')
      expect(p.errors?.[0]?.path).toBe(qs.split('=')[0])
      expect(p.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/)
    })

  it('returns an empty page past the end', async () => {
    const page = (await get('/api/items?page=1000')).json<ItemPage>()
    expect(page.items).toEqual([])
  })
})

describe('GET /api/items/:code', () => {
  it('returns the whole guide with an ETag and answers 304 on a match', async () => {
    const list = (await get('/api/items?q=居民身份证换领')).json<ItemPage>()
    const code = list.items[0]!.code
    const res = await get(`/api/items/${code}`)
    expect(res.statusCode).toBe(200)
    const item = res.json<Item>()
    expect(item.name).toBe('居民身份证换领')
    expect(item.materials.length).toBeGreaterThan(0)
    expect(res.headers['cache-control']).toMatch(/max-age/)
    const etag = res.headers.etag as string
    expect(etag).toMatch(/^".+"$/)
    const again = await get(`/api/items/${code}`, { 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect((await get(`/api/items/${code}`, { 'if-none-match': '"other"' })).statusCode).toBe(200)
  })

  it.each(['NOPE-0000', 'x'.repeat(65), '%27%20or%201%3D1', '..%2F..%2Fetc%2Fpasswd'])('answers 404 problem+json for %s', async (code) => {
    const res = await get(`/api/items/${code}`)
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json<Problem>().title).toMatch(/没有找到这个事项/)
  })
})

describe('catalogue snapshot, halls, departments, health, docs', () => {
  it('serves the whole catalogue for offline search, revalidated by version', async () => {
    const res = await get('/api/catalogue')
    const snap = res.json<CatalogueSnapshot>()
    expect(snap.items.length).toBeGreaterThanOrEqual(40)
    expect(snap.halls.map((h) => h.level)).toEqual(expect.arrayContaining(['city', 'district', 'township', 'village']))
    expect(new Set(snap.items.map((i) => i.department.code)).size).toBeGreaterThanOrEqual(8)
    expect((await get('/api/catalogue', { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304)
  })

  it('lists halls and departments', async () => {
    expect((await get('/api/halls')).json<unknown[]>().length).toBeGreaterThanOrEqual(4)
    expect((await get('/api/departments')).json<unknown[]>().length).toBeGreaterThanOrEqual(8)
  })

  it('reports health with the database kind', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok', db: 'pglite' })
  })

  it('publishes OpenAPI at /api/docs', async () => {
    const res = await get('/api/docs/json')
    expect(res.statusCode).toBe(200)
    expect(Object.keys(res.json<{ paths: object }>().paths)).toEqual(expect.arrayContaining(['/api/items', '/api/items/{code}']))
  })

  it('answers unknown API paths and methods with problem+json', async () => {
    const res = await get('/api/nothing-here')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    const post = await server.app.inject({ method: 'POST', url: '/api/items', payload: { a: 1 } })
    expect(post.statusCode).toBe(404)
    expect(post.json<Problem>().title).toMatch(/[\u4e00-\u9fff]/)
  })

  it('sets security headers', async () => {
    const res = await get('/healthz')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/)
  })
})
