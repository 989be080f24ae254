/**
 * The e-licence wallet: filled once with the demo licences in demo mode,
 * from the account's own real name and company — never a fixed person's:
 * empty until the account has a real name; personal numbers only masked in
 * the answer and only encrypted in the table; each licence says whose it is;
 * the case submission's lookup sees the caller's licences only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isValidCreditCode, isValidResidentId, maskResidentId, type Licence } from '@tongban/core'
import { giveRealName, realNameFor, signInCitizen, startTestServer, today, type TestServer } from '../../testing'
import { licencesRepo } from '../../store/licences'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server?.close() })

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const wallet = async (token: string) => {
  const res = await server.app.inject({ url: '/api/me/licences', headers: bearer(token) })
  expect(res.statusCode).toBe(200)
  expect(res.headers['cache-control']).toBe('private, no-store')
  return res.json<Licence[]>()
}

describe('我的证照', () => {
  it('fills a new wallet with demo licences issued to the account’s own real name, and its own 个体工商户', async () => {
    const { token } = await signInCitizen(server.app, '13600000001', '10.80.0.1')
    const me = realNameFor('13600000001')
    const licences = await wallet(token)
    expect(licences.map((l) => l.type)).toEqual(['居民身份证', '居民户口簿', '结婚证', '营业执照'])
    expect(isValidResidentId(me.idNumber, today())).toBe(true)
    expect(licences[0]).toMatchObject({ title: `居民身份证 · ${me.name}`, number: maskResidentId(me.idNumber), holder: me.name, holderKind: 'person', holderSelf: true })
    for (const l of licences.slice(0, 3)) expect(l).toMatchObject({ holder: me.name, holderKind: 'person', holderSelf: true })
    // No company on the profile: the shop the person runs, with a valid code of its own.
    const shop = licences[3]!
    expect(shop).toMatchObject({ title: `营业执照 · 示例市鼓楼区${me.name}小吃店`, holderKind: 'company', validUntil: null })
    expect(shop.number).toBe(shop.holderCreditCode)
    expect(isValidCreditCode(shop.holderCreditCode!)).toBe(true)
    expect(shop.holderSelf).toBeUndefined()
    expect(licences[1]!.number).toMatch(/^\d{4}\*+\d{2}$/)
    expect(JSON.stringify(licences)).not.toContain('林晓')
    // Once only: a second read answers the same wallet.
    expect(await wallet(token)).toEqual(licences)
    // Another account's shop is another shop.
    const other = await signInCitizen(server.app, '13600000011', '10.80.0.11')
    expect((await wallet(other.token))[3]!.holderCreditCode).not.toBe(shop.holderCreditCode)
  })

  it('holds no ID card, nobody’s, until the account has a real name; then its own', async () => {
    const { token } = await signInCitizen(server.app, '13600000006', '10.80.0.6', { realName: false })
    expect(await wallet(token)).toEqual([])
    expect(await wallet(token)).toEqual([])
    const me = await giveRealName(server.app, token, { name: '李桂兰', idNumber: realNameFor('13600000006').idNumber })
    const licences = await wallet(token)
    expect(licences.map((l) => `${l.type} ${l.holder}`)).toEqual(['居民身份证 李桂兰', '居民户口簿 李桂兰', '结婚证 李桂兰', '营业执照 示例市鼓楼区李桂兰小吃店'])
    expect(licences[0]!.number).toBe(maskResidentId(me.idNumber))
  })

  it('uses the account\'s real name, ID number and company, stores the numbers encrypted, shows them masked', async () => {
    const id = '11010519491231002X'
    const { token, account } = await signInCitizen(server.app, '13600000002', '10.80.0.2', { realName: { name: '张三', idNumber: id } })
    await server.app.inject({ method: 'PUT', url: '/api/me/company', payload: { name: '示例市晨光餐饮有限公司', creditCode: '91350100M000100Y43' }, headers: bearer(token) })
    const [parallelA, parallelB] = await Promise.all([wallet(token), wallet(token)])
    expect(parallelA).toEqual(parallelB)
    expect(parallelA).toHaveLength(4)
    expect(parallelA[0]).toMatchObject({ title: '居民身份证 · 张三', number: '1101**********002X' })
    expect(parallelA[3]).toMatchObject({ title: '营业执照 · 示例市晨光餐饮有限公司', holder: '示例市晨光餐饮有限公司', holderKind: 'company', holderCreditCode: '91350100M000100Y43' })
    const res = await server.app.inject({ url: '/api/me/licences', headers: bearer(token) })
    expect(res.body).not.toContain(id)
    const rows = await server.app.db.query<Record<string, unknown>>('select * from licences where account_id = $1', [account.id])
    expect(JSON.stringify(rows)).not.toContain(id)
    const idRow = rows.find((r) => r.type === '居民身份证')!
    expect(server.app.idCipher.decrypt(idRow.number_enc as string)).toBe(id)
  })

  it('lets the case submission look up the caller\'s licences only', async () => {
    const a = await signInCitizen(server.app, '13600000003', '10.80.0.3')
    const b = await signInCitizen(server.app, '13600000004', '10.80.0.4')
    const mine = await wallet(a.token)
    const theirs = await wallet(b.token)
    const found = await licencesRepo(server.app.db).ownedBy(a.account.id, [mine[3]!.id, theirs[3]!.id, 'lic-1'])
    expect(found.map((r) => r.id)).toEqual([mine[3]!.id])
  })

  it('needs a session', async () => {
    expect((await server.app.inject({ url: '/api/me/licences' })).statusCode).toBe(401)
  })
})

describe('without demo data', () => {
  it('leaves a wallet empty outside demo mode', async () => {
    const plain = await startTestServer({ config: { seed: false } })
    try {
      const { token } = await signInCitizen(plain.app, '13600000005', '10.80.0.5')
      expect((await plain.app.inject({ url: '/api/me/licences', headers: bearer(token) })).json()).toEqual([])
    } finally {
      await plain.close()
    }
  })
})
