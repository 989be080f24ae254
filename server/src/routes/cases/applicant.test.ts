/**
 * Who is applying (issue 17 §1), on the BFF: a submission from an account
 * without a real name is refused (REAL_NAME_REQUIRED, problem+json) and
 * creates nothing; applicant fields naming someone else are refused at those
 * fields; an e-licence used as a material must be the applicant's — the
 * person's own, or the company's the form names — and where the field allows
 * another's (a family member's 残疾人证, a spouse's 不动产权证书) it is taken
 * and flagged 他人证照 to the clerk. The agent's side is in agent-cases.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail, CaseSummary, Licence, Problem, StaffCaseDetail, SubmitCaseBody } from '@tongban/core'
import {
  foodLicenceApplication, giveRealName, minimumLivingApplication, realNameFor, signInCitizen, startTestServer, uploadAs, type TestServer,
} from '../../testing'
import { licencesRepo } from '../../store/licences'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { pngBytes } from '../../uploads/fixtures/files'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server?.close() })

const as = (token: string) => ({ authorization: `Bearer ${token}` })
const submit = (token: string, payload: SubmitCaseBody, key: string) =>
  server.app.inject({ method: 'POST', url: '/api/cases', payload, headers: { ...as(token), 'idempotency-key': key } })
const casesOf = async (token: string) => (await server.app.inject({ url: '/api/me/cases', headers: as(token) })).json<CaseSummary[]>()
const wallet = async (token: string) => (await server.app.inject({ url: '/api/me/licences', headers: as(token) })).json<Licence[]>()

describe('applying needs a real name', () => {
  it('refuses an account without one with REAL_NAME_REQUIRED, creating nothing, and takes the same key once it has one', async () => {
    const phone = '13588880001'
    const { token, account } = await signInCitizen(server.app, phone, '10.88.0.1', { realName: false })
    const refused = await submit(token, minimumLivingApplication(phone), 'real-name-key-0000000001')
    expect(refused.statusCode).toBe(403)
    expect(refused.headers['content-type']).toContain('application/problem+json')
    expect(refused.json<Problem>()).toEqual({
      type: 'urn:tongban:problem:real-name-required', code: 'REAL_NAME_REQUIRED', status: 403, title: '办事前需要先实名，请填写您的姓名和居民身份证号码',
    })
    expect(await casesOf(token)).toEqual([])
    const rows = await server.app.db.query<{ n: number }>('select (select count(*)::int from cases where account_id = $1) + (select count(*)::int from idempotency_keys where account_id = $1) as n', [account.id])
    expect(rows[0]!.n).toBe(0)

    await giveRealName(server.app, token, realNameFor(phone))
    const landed = await submit(token, minimumLivingApplication(phone), 'real-name-key-0000000001')
    expect(landed.statusCode, landed.body).toBe(201)
    expect(landed.json<CaseDetail>().values).toMatchObject({ applicantName: '王芳', idNumber: realNameFor(phone).idNumber })
  })

  it('refuses applicant fields naming someone else, at those fields and beside the form’s own words', async () => {
    const phone = '13588880002'
    const { token } = await signInCitizen(server.app, phone, '10.88.0.2')
    const body = minimumLivingApplication(phone, { name: '张三', idNumber: realNameFor('13588889999').idNumber })
    const res = await submit(token, body, 'someone-else-key-0000001')
    expect(res.statusCode).toBe(400)
    expect(res.json<Problem>()).toMatchObject({
      code: 'VALIDATION',
      errors: [
        { path: 'applicantName', code: 'not_applicant', message: '申请人姓名应为申请人本人的实名信息，不能填写他人的' },
        { path: 'idNumber', code: 'not_applicant', message: '申请人身份证号码应为申请人本人的实名信息，不能填写他人的' },
      ],
    })
    // With another mistake: both said, each at its field; an applicant field already wrong is said once.
    const both = await submit(token, { ...body, values: { ...body.values, idNumber: '110105194912310021', savings: -1 } }, 'someone-else-key-0000002')
    expect(both.json<Problem>().errors!.map((e) => `${e.path}:${e.code}`)).toEqual(['idNumber:resident_id_check_digit', 'savings:too_small', 'applicantName:not_applicant'])
    expect(await casesOf(token)).toEqual([])
    // The applicant's own: taken (a name written with a space is the same name).
    const own = minimumLivingApplication(phone, { name: '王 芳' })
    expect((await submit(token, own, 'someone-else-key-0000003')).statusCode).toBe(201)
  })
})

describe('a licence used as a material belongs to the applicant', () => {
  it('refuses another company’s 营业执照 for a company the form names, with both in the words; takes the company’s own', async () => {
    const phone = '13588880003'
    const { token, realName } = await signInCitizen(server.app, phone, '10.88.0.3')
    const shop = (await wallet(token)).find((l) => l.type === '营业执照')!
    // The profile's company is 老王面馆; the wallet's licence is the citizen's own shop.
    await server.app.inject({ method: 'PUT', url: '/api/me/company', payload: { name: '示例市老王面馆有限公司', creditCode: '91110105MA01CK8Q37' }, headers: as(token) })
    const asLaowang = foodLicenceApplication('x', realName!)
    asLaowang.values = { ...asLaowang.values, operatorName: '示例市老王面馆有限公司', creditCode: '91110105MA01CK8Q37', businessLicenceFile: { kind: 'eLicence', licenceId: shop.id } }
    const refused = await submit(token, asLaowang, 'licence-owner-key-000001')
    expect(refused.statusCode).toBe(400)
    expect(refused.json<Problem>().errors).toEqual([{
      path: 'businessLicenceFile', code: 'licence_not_applicants',
      message: `营业执照：这张营业执照是“${shop.holder}”的，与申请表中的统一社会信用代码（91110105MA01CK8Q37）不一致。请选择申请单位的证照，或上传材料`,
    }])
    expect(await casesOf(token)).toEqual([])

    const asShop = { ...asLaowang, values: { ...asLaowang.values, operatorName: shop.holder, creditCode: shop.holderCreditCode } }
    const landed = await submit(token, asShop, 'licence-owner-key-000002')
    expect(landed.statusCode, landed.body).toBe(201)
    expect(landed.json<CaseDetail>().materials).toEqual([{ field: 'businessLicenceFile', label: '营业执照', kind: 'eLicence', title: shop.title, holder: shop.holder }])
  })

  it('refuses another person’s licence where the field wants the applicant’s own (结婚证 of the 公积金 withdrawal)', async () => {
    const phone = '13588880004'
    const { token, account, realName } = await signInCitizen(server.app, phone, '10.88.0.4')
    await wallet(token)
    const hash = (id: string) => server.app.secrets.mac('id-number', id)
    await licencesRepo(server.app.db).insert(account.id, {
      type: '结婚证', title: '结婚证 · 李明', numberMasked: 'J350102-2019-***001', numberEnc: null, holder: '李明',
      holderKind: 'person', holderIdHash: hash(realNameFor('13588889998').idNumber), issuer: '示例市鼓楼区民政局', issuedOn: '2019-10-08', validUntil: null,
    })
    const licences = await wallet(token)
    const theirs = licences.find((l) => l.holder === '李明')!
    const mine = licences.find((l) => l.type === '结婚证' && l.holder === realName!.name)!
    expect([theirs.holderSelf, mine.holderSelf]).toEqual([false, true])
    const spouseId = await uploadAs(server.app, token, '配偶身份证.png', pngBytes(20, 20), 'image/png')
    const withdrawal = (licenceId: string): SubmitCaseBody => ({
      itemCode: 'GJ-0001', formVersion: 1, answers: { reason: 'loan', 'loan-type': 'fund', spouse: 'yes' }, delivery: 'electronic', personalDataConsent: true,
      values: {
        applicantName: realName!.name, idNumber: realName!.idNumber, phone, bank: 'icbc', bankCard: '6222020200112233445', amount: 1000,
        marriageCertFile: { kind: 'eLicence', licenceId }, spouseIdFile: { kind: 'upload', fileId: spouseId.id }, pledge: true,
      },
    })
    const refused = await submit(token, withdrawal(theirs.id), 'person-licence-key-00001')
    expect(refused.json<Problem>().errors).toEqual([{
      path: 'marriageCertFile', code: 'licence_not_applicants', message: '结婚证：这张结婚证是“李明”的，不是申请人本人的。请选择申请人本人的证照，或上传材料',
    }])
    const landed = await submit(token, withdrawal(mine.id), 'person-licence-key-00002')
    expect(landed.statusCode, landed.body).toBe(201)
  })

  it('takes a family member’s 残疾人证 where the 低保 form allows another’s, and flags it 他人证照 for the clerk', async () => {
    const phone = '13588880005'
    const { token, account } = await signInCitizen(server.app, phone, '10.88.0.5')
    await wallet(token)
    await licencesRepo(server.app.db).insert(account.id, {
      type: '残疾人证', title: '残疾人证 · 王小明', numberMasked: '1101**********0013', numberEnc: null, holder: '王小明',
      holderKind: 'person', holderIdHash: server.app.secrets.mac('id-number', realNameFor('13588889997').idNumber),
      issuer: '示例市残疾人联合会', issuedOn: '2020-05-01', validUntil: null,
    })
    const card = (await wallet(token)).find((l) => l.type === '残疾人证')!
    const body = minimumLivingApplication(phone)
    const res = await submit(token, { ...body, answers: { health: ['disabled'] }, values: { ...body.values, disabilityCardFile: { kind: 'eLicence', licenceId: card.id } } }, 'others-licence-key-00001')
    expect(res.statusCode, res.body).toBe(201)
    const c = res.json<CaseDetail>()
    expect(c.materials).toEqual([{ field: 'disabilityCardFile', label: '残疾人证', kind: 'eLicence', title: '残疾人证 · 王小明', holder: '王小明', othersLicence: { holder: '王小明' } }])

    const clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
    const seen = await server.app.inject({ url: `/api/staff/cases/${c.caseNo}`, headers: as(clerk) })
    expect(seen.json<StaffCaseDetail>().materials).toEqual([expect.objectContaining({ field: 'disabilityCardFile', othersLicence: { holder: '王小明' } })])
  })
})
