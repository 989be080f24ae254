import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { addWorkingDays, type CaseDetail, type CaseSummary, type DraftRecord, type Licence, type Problem, type RealName, type SubmitCaseBody } from '@tongban/core'
import { buildApp } from '../../app'
import { loadConfig } from '../../config'
import { minimumLivingApplication, postgresAvailable, postgresDb, seededPglite, signInCitizen, startTestServer, type TestServer, today } from '../../testing'
import type { Db } from '../../store/db'

let db: Db
let app: FastifyInstance

beforeAll(async () => {
  db = await seededPglite()
  app = await buildApp({ ...loadConfig({}), dataDir: 'memory://', webRoot: undefined, rateLimitMax: 100_000 }, { db, logger: false })
})
afterAll(async () => {
  await app?.close()
  await db?.close()
})

let n = 0
async function citizen(): Promise<{ token: string; phone: string; auth: { authorization: string } }> {
  const phone = `136${String(40_000_000 + ++n).slice(-8)}`
  const { token, realName } = await signInCitizen(app, phone, `10.6.0.${n}`)
  applicants.set(`Bearer ${token}`, realName!)
  return { token, phone, auth: { authorization: `Bearer ${token}` } }
}
/** Each test citizen's real name, by their bearer header: the 负责人 of their applications. */
const applicants = new Map<string, RealName>()
/** Each wallet 营业执照 by id: the company the applications name is the licence's own. */
const companies = new Map<string, Licence>()

async function businessLicence(auth: { authorization: string }): Promise<Licence> {
  const res = await app.inject({ url: '/api/me/licences', headers: auth })
  expect(res.statusCode).toBe(200)
  const licence = res.json<Licence[]>().find((l) => l.type === '营业执照')
  expect(licence).toBeDefined()
  companies.set(licence!.id, licence!)
  return licence!
}

/** 食品经营许可 by the company of the wallet's 营业执照 `licenceId`, its 负责人 the citizen of `auth`. */
function body(auth: { authorization: string }, licenceId: string, overrides: Partial<SubmitCaseBody['values']> = {}): SubmitCaseBody {
  const company = companies.get(licenceId)
  const me = applicants.get(auth.authorization)!
  return {
    itemCode: 'SJ-0001',
    formVersion: 1,
    answers: { category: 'prepack' },
    delivery: 'electronic',
    personalDataConsent: true,
    values: {
      operatorName: company?.holder ?? '示例市好味餐饮有限公司', creditCode: company?.holderCreditCode ?? '91350100M000100Y43',
      legalPerson: me.name, legalPersonId: me.idNumber,
      phone: '13600000000', premisesRegion: { province: '330000', city: '330100', district: '330106' }, premisesAddress: '文三路100号1楼',
      premisesArea: 60, mainBusiness: 'sales', businessItems: ['prepacked'],
      businessLicenceFile: { kind: 'eLicence', licenceId }, pledge: true,
      ...overrides,
    },
  }
}

const submit = (auth: { authorization: string }, payload: SubmitCaseBody, key: string) =>
  app.inject({ method: 'POST', url: '/api/cases', payload, headers: { ...auth, 'idempotency-key': key } })

describe('submitting a case exactly once', () => {
  it('creates one case with a number of item, day and sequence, and shows it as submitted', async () => {
    const { auth } = await citizen()
    const licence = await businessLicence(auth)
    const res = await submit(auth, body(auth, licence.id), 'key-aaaaaaaaaaaaaaaa-1')
    expect(res.statusCode).toBe(201)
    const c = res.json<CaseDetail>()
    expect(c.caseNo).toMatch(/^SJ-0001-\d{8}-\d{4}$/)
    expect(c).toMatchObject({ status: 'submitted', statusLabel: '已提交，待受理', delivery: 'electronic', agent: null })
    expect(c.materials).toEqual([{ field: 'businessLicenceFile', label: '营业执照', kind: 'eLicence', title: licence.title, holder: licence.holder }])
    expect(c.nextSteps.join('')).toContain('个工作日内办结')
    const mine = await app.inject({ url: '/api/me/cases', headers: auth })
    expect(mine.json<CaseSummary[]>().map((x) => x.caseNo)).toEqual([c.caseNo])
    const events = await db.query<{ type: string }>('select e.type from case_events e join cases c on c.id = e.case_id where c.case_no = $1', [c.caseNo])
    expect(events.map((e) => e.type)).toEqual(['submit'])
    // Its clock, by the core machine: pre-review within 2 working days of day, green.
    const day = today()
    expect(c).toMatchObject({ deadline: addWorkingDays(day, 2), light: 'green', daysLeft: 2 })
    expect(c.timeline).toEqual([expect.objectContaining({ text: '提交了申请', by: '申请人', day: day })])
    expect(mine.json<CaseSummary[]>()[0]).toMatchObject({ deadline: addWorkingDays(day, 2), light: 'green' })
  })

  it('answers 20 concurrent replays of one key with one case', async () => {
    const { auth } = await citizen()
    const licence = await businessLicence(auth)
    const payload = body(auth, licence.id)
    const replies = await Promise.all(Array.from({ length: 20 }, () => submit(auth, payload, 'replayed-key-000000000001')))
    const numbers = new Set(replies.map((r) => r.json<CaseDetail>().caseNo))
    expect(numbers.size).toBe(1)
    expect(replies.filter((r) => r.statusCode === 201)).toHaveLength(1)
    expect(replies.filter((r) => r.statusCode === 200)).toHaveLength(19)
    const rows = await db.query<{ n: string }>(`select count(*) as n from cases where case_no = any($1)`, [[...numbers]])
    expect(Number(rows[0]!.n)).toBe(1)
    const mine = await app.inject({ url: '/api/me/cases', headers: auth })
    expect(mine.json<CaseSummary[]>()).toHaveLength(1)
  })

  it('numbers cases of the same item and day in sequence', async () => {
    const { auth } = await citizen()
    const licence = await businessLicence(auth)
    const a = (await submit(auth, body(auth, licence.id), 'sequence-key-00000000001')).json<CaseDetail>().caseNo
    const b = (await submit(auth, body(auth, licence.id), 'sequence-key-00000000002')).json<CaseDetail>().caseNo
    expect(Number(b.slice(-4))).toBe(Number(a.slice(-4)) + 1)
  })

  it('refuses the same key with different content, and a missing key', async () => {
    const { auth } = await citizen()
    const licence = await businessLicence(auth)
    expect((await submit(auth, body(auth, licence.id), 'changed-key-000000000001')).statusCode).toBe(201)
    const changed = await submit(auth, body(auth, licence.id, { premisesArea: 61 }), 'changed-key-000000000001')
    expect(changed.statusCode).toBe(422)
    expect(changed.headers['content-type']).toContain('application/problem+json')
    expect(changed.json<Problem>().code).toBe('IDEMPOTENCY_KEY_REUSED')
    const missing = await app.inject({ method: 'POST', url: '/api/cases', payload: body(auth, licence.id), headers: auth })
    expect(missing.json<Problem>()).toMatchObject({ status: 400, code: 'IDEMPOTENCY_KEY_MISSING' })
  })

  it('checks the form with the core validator and leaves the key free after a refusal', async () => {
    const { auth } = await citizen()
    const licence = await businessLicence(auth)
    const bad = await submit(auth, body(auth, licence.id, { legalPersonId: '110105194912310021' }), 'refused-key-000000000001')
    expect(bad.statusCode).toBe(400)
    expect(bad.json<Problem>()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'legalPersonId', message: expect.stringContaining('校验位') }] })
    const fixed = await submit(auth, body(auth, licence.id), 'refused-key-000000000001')
    expect(fixed.statusCode).toBe(201)
  })

  it('refuses without consent, with an outdated form, and with someone else’s licence', async () => {
    const { auth } = await citizen()
    const other = await citizen()
    const licence = await businessLicence(auth)
    const theirs = await businessLicence(other.auth)
    const noConsent = await submit(auth, { ...body(auth, licence.id), personalDataConsent: false }, 'consent-key-000000000001')
    expect(noConsent.json<Problem>().code).toBe('CONSENT_REQUIRED')
    const outdated = await submit(auth, { ...body(auth, licence.id), formVersion: 0 }, 'outdated-key-00000000001')
    expect(outdated.json<Problem>()).toMatchObject({ status: 409, code: 'FORM_OUTDATED' })
    const stolen = await submit(auth, body(auth, theirs.id), 'stolen-key-0000000000001')
    expect(stolen.json<Problem>()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'businessLicenceFile', code: 'licence_not_found' }] })
    expect((await app.inject({ url: '/api/me/cases', headers: auth })).json<CaseSummary[]>()).toEqual([])
  })

  it('refuses a delivery the item does not offer (problem+json 422, in Chinese), creating nothing, and names the one it does', async () => {
    const { auth, phone } = await citizen()
    const licence = await businessLicence(auth)
    // 食品经营许可 is 零跑动: never 到窗口领取; 邮寄 is not open yet.
    for (const [delivery, detail] of [['pickup', /不提供“到窗口领取”，请选择：电子证照/], ['post', /邮寄到家（EMS）暂未开通/]] as const) {
      const res = await submit(auth, { ...body(auth, licence.id), delivery }, `key-delivery-${delivery}-aaaaaaaa`)
      expect(res.statusCode).toBe(422)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(res.json<Problem>()).toMatchObject({ code: 'DELIVERY_NOT_OFFERED', title: '这个事项不提供您选择的领取方式，请重新选择', detail: expect.stringMatching(detail) })
    }
    // 低保 issues no licence: no 电子证照.
    const dibao = await submit(auth, { ...minimumLivingApplication(phone), delivery: 'electronic' }, 'key-delivery-dibao-aaaaaaaa')
    expect(dibao.statusCode).toBe(422)
    expect(dibao.json<Problem>().detail).toBe('这个事项不提供“电子证照（发到“我的证照”）”，请选择：到窗口领取')
    const mine = await app.inject({ url: '/api/me/cases', headers: auth })
    expect(mine.json<CaseSummary[]>()).toEqual([])
  })

  it('says how the result comes in the item\'s words: 电子证照 for a licence, the window for 低保 (with what to bring), never both', async () => {
    const { auth, phone } = await citizen()
    const licence = await businessLicence(auth)
    const food = (await submit(auth, body(auth, licence.id), 'key-label-food-aaaaaaaaaa')).json<CaseDetail>()
    expect(food.deliveryLabel).toBe('电子证照（发到“我的证照”）')
    expect(food.nextSteps).toContain('全程网上办理，无需到现场。')
    expect(food.nextSteps.join('')).not.toMatch(/窗口领取|通知您/)
    const res = await submit(auth, { ...minimumLivingApplication(phone), answers: { health: ['none'] } }, 'key-label-dibao-aaaaaaaaa')
    expect(res.statusCode).toBe(201)
    const dibao = res.json<CaseDetail>()
    expect(dibao.deliveryLabel).toBe('到窗口领取')
    expect(dibao.nextSteps).toContain('最多到现场1次，到窗口时请带上：共同生活家庭成员的居民身份证（原件）、共同生活家庭成员的居民户口簿（原件）。')
    expect(dibao.nextSteps.join('')).not.toMatch(/证照|无需到现场|通知您/)
  })

  it('stores the case as submitted: a later form change does not alter it, and others cannot read it', async () => {
    const { auth } = await citizen()
    const licence = await businessLicence(auth)
    const c = (await submit(auth, body(auth, licence.id), 'stored-key-0000000000001')).json<CaseDetail>()
    const again = await app.inject({ url: `/api/cases/${c.caseNo}`, headers: auth })
    expect(again.json<CaseDetail>()).toMatchObject({ caseNo: c.caseNo, formVersion: 1, values: { premisesArea: 60 }, answers: { category: 'prepack' } })
    expect(again.json<CaseDetail>().form.fields.length).toBeGreaterThan(10)
    const other = await citizen()
    const peek = await app.inject({ url: `/api/cases/${c.caseNo}`, headers: other.auth })
    expect(peek.statusCode).toBe(404)
    expect(peek.json<Problem>().code).toBe('CASE_NOT_FOUND')
    expect((await app.inject({ url: `/api/cases/${c.caseNo}` })).statusCode).toBe(401)
  })
})

describe('drafts kept by the BFF', () => {
  const draft = (operatorName: string, updatedAt: number) => ({ itemName: 'x', formVersion: 1, values: { operatorName }, answers: { category: 'catering' }, updatedAt })

  it('keep the newer copy and are dropped when the case is submitted', async () => {
    const { auth } = await citizen()
    const put = (d: object) => app.inject({ method: 'PUT', url: '/api/me/drafts/SJ-0001', payload: d, headers: auth })
    expect((await put(draft('新的', 2000))).json<DraftRecord>()).toMatchObject({ itemCode: 'SJ-0001', itemName: '食品经营许可', values: { operatorName: '新的' } })
    expect((await put(draft('旧的', 1000))).json<DraftRecord>().values).toEqual({ operatorName: '新的' })
    const list = await app.inject({ url: '/api/me/drafts', headers: auth })
    expect(list.json<DraftRecord[]>()).toHaveLength(1)
    const licence = await businessLicence(auth)
    await submit(auth, body(auth, licence.id), 'drafts-key-0000000000001')
    expect((await app.inject({ url: '/api/me/drafts', headers: auth })).json<DraftRecord[]>()).toEqual([])
  })

  it('refuse an unknown item and an oversized draft with problem+json', async () => {
    const { auth } = await citizen()
    const unknown = await app.inject({ method: 'PUT', url: '/api/me/drafts/NO-SUCH', payload: draft('x', 1), headers: auth })
    expect(unknown.json<Problem>().code).toBe('ITEM_NOT_FOUND')
    const huge = await app.inject({ method: 'PUT', url: '/api/me/drafts/SJ-0001', payload: draft('长'.repeat(300_000), 1), headers: auth })
    expect(huge.headers['content-type']).toContain('application/problem+json')
    expect([413]).toContain(huge.statusCode)
  })
})

const pgUrl = await postgresAvailable()

describe.skipIf(!pgUrl)('exactly once on PostgreSQL, where requests really run at the same time', () => {
  let pg: Awaited<ReturnType<typeof postgresDb>>
  let server: TestServer
  beforeAll(async () => {
    pg = await postgresDb(pgUrl!)
    server = await startTestServer({ db: pg.db })
  })
  afterAll(async () => {
    await server?.close()
    await pg?.drop()
  })

  it('turns 20 concurrent replays into one case, and 10 concurrent different submissions into 10 numbers in sequence', async () => {
    const { token, realName } = await signInCitizen(server.app, '13700000001', '10.7.0.1')
    const auth = { authorization: `Bearer ${token}` }
    applicants.set(auth.authorization, realName!)
    const licence = (await server.app.inject({ url: '/api/me/licences', headers: auth })).json<Licence[]>().find((l) => l.type === '营业执照')!
    companies.set(licence.id, licence)
    const send = (key: string) => server.app.inject({ method: 'POST', url: '/api/cases', payload: body(auth, licence.id), headers: { ...auth, 'idempotency-key': key } })

    const replies = await Promise.all(Array.from({ length: 20 }, () => send('pg-replayed-key-00000001')))
    expect(replies.map((r) => r.statusCode).filter((c) => c >= 300)).toEqual([])
    expect(new Set(replies.map((r) => r.json<CaseDetail>().caseNo)).size).toBe(1)
    expect(replies.filter((r) => r.statusCode === 201)).toHaveLength(1)

    const many = await Promise.all(Array.from({ length: 10 }, (_, i) => send(`pg-distinct-key-0000000${i}`)))
    const seqs = many.map((r) => Number(r.json<CaseDetail>().caseNo.slice(-4))).sort((a, b) => a - b)
    expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => seqs[0]! + i))
    const rows = await pg.db.query<{ n: number }>('select count(*)::int as n from cases')
    expect(rows[0]!.n).toBe(11)
  })
})
