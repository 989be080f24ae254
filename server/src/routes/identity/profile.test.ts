import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PassThrough } from 'node:stream'
import type { AccountView, Problem } from '@tongban/core'
import { buildApp } from '../../app'
import { loadConfig } from '../../config'
import { seededPglite, signInCitizen } from '../../testing'
import type { Db } from '../../store/db'
import type { FastifyInstance } from 'fastify'

let db: Db
let app: FastifyInstance
const logs: string[] = []

beforeAll(async () => {
  db = await seededPglite()
  const stream = new PassThrough()
  stream.on('data', (c: Buffer) => logs.push(c.toString()))
  app = await buildApp({ ...loadConfig({}), dataDir: 'memory://', webRoot: undefined, logLevel: 'trace', rateLimitMax: 100_000 }, { db, logStream: stream })
})
afterAll(async () => {
  await app?.close()
  await db?.close()
})

let n = 0
async function signIn(): Promise<string> {
  const phone = `135${String(30_000_000 + ++n).slice(-8)}`
  return (await signInCitizen(app, phone, `10.3.0.${n}`)).token
}
const put = (token: string, payload: object) => app.inject({ method: 'PUT', url: '/api/me/profile', payload, headers: { authorization: `Bearer ${token}` } })

const ID = '11010519491231002X'

describe('real-name profile', () => {
  it('stores the ID number encrypted, shows it in full only to its owner', async () => {
    const token = await signIn()
    const res = await put(token, { name: '张 三', idNumber: ID.toLowerCase() })
    expect(res.statusCode).toBe(200)
    expect(res.json<AccountView>()).toMatchObject({ name: '张三', idNumber: ID, idNumberMasked: '1101**********002X' })
    const rows = await db.query<Record<string, string>>('select id_number_enc, id_number_hash, id_number_masked from accounts where name = $1', ['张三'])
    expect(JSON.stringify(rows)).not.toContain('1101051949')
    expect(rows[0]!.id_number_enc).toMatch(/^v1\./)
    const me = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })
    expect(me.json<AccountView>().idNumber).toBe(ID)
  })

  it('refuses an ID number already bound to another account', async () => {
    const other = await signIn()
    const res = await put(other, { name: '李四', idNumber: ID })
    expect(res.statusCode).toBe(409)
    expect(res.json<Problem>()).toMatchObject({ code: 'ID_NUMBER_TAKEN', errors: [{ path: 'idNumber' }] })
  })

  it.each([
    [{ name: '王五', idNumber: '110105194912310021' }, 'idNumber', '身份证号码校验位不对，可能有一位输错了，请核对'],
    [{ name: '王五', idNumber: '1101051949' }, 'idNumber', '身份证号码应为18位，最后一位可以是数字或X'],
    [{ name: '王', idNumber: ID }, 'name', '请填写与身份证一致的姓名（2到30个字）'],
    [{ name: '<script>', idNumber: ID }, 'name', '请填写与身份证一致的姓名（2到30个字）'],
    [{ name: '王五' }, 'idNumber', '请填写18位居民身份证号码'],
  ])('says what is wrong: %j', async (payload, path, message) => {
    const token = await signIn()
    const res = await put(token, payload)
    expect(res.statusCode).toBe(400)
    expect(res.json<Problem>().errors).toContainEqual(expect.objectContaining({ path, message }))
  })

  it('keeps the company an account acts for, with a checked credit code', async () => {
    const token = await signIn()
    const putCompany = (payload: object) => app.inject({ method: 'PUT', url: '/api/me/company', payload, headers: { authorization: `Bearer ${token}` } })
    const ok = await putCompany({ name: '示例市晨光餐饮有限公司', creditCode: '91350100m000100y43' })
    expect(ok.json<AccountView>().company).toEqual({ name: '示例市晨光餐饮有限公司', creditCode: '91350100M000100Y43' })
    const bad = await putCompany({ name: '晨光', creditCode: '91350100M000100Y44' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json<Problem>().errors).toEqual([{ path: 'creditCode', code: 'check_character', message: '统一社会信用代码校验位不对，可能有一位输错了，请核对' }])
  })

  it('needs a session', async () => {
    expect((await app.inject({ method: 'PUT', url: '/api/me/profile', payload: { name: '赵六', idNumber: ID } })).statusCode).toBe(401)
  })

  it('never writes ID numbers, tokens or codes to the log', async () => {
    const token = await signIn()
    app.log.info({ account: { idNumber: ID }, session: { token } }, 'something logged an object by mistake')
    const all = logs.join('')
    expect(all).toContain('something logged an object by mistake')
    expect(all).toContain('[Redacted]')
    expect(all).not.toContain(ID)
    expect(all).not.toContain(token)
    expect(all).not.toMatch(/验证码为\d{6}/)
  })
})
