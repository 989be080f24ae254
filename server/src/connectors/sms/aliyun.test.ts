import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createAliyunSms, mapAliyunResponse, percentEncode, rpcSignature, stringToSign, type AliyunSmsConfig } from './aliyun'
import { startFakeSmsServer, type FakeSmsServer, type FakeSmsServerOptions } from './fake-server'
import type { SmsSendResult } from './provider'

const TEMPLATES = { login_code: 'SMS_LOGIN_CODE', consent_code: 'SMS_CONSENT_CODE' } as const

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function fake(opts: FakeSmsServerOptions = {}): Promise<FakeSmsServer> {
  const server = await startFakeSmsServer(opts)
  cleanups.push(() => server.close())
  return server
}

function client(server: { url: string; accessKeyId: string; accessKeySecret: string }, over: Partial<AliyunSmsConfig> = {}) {
  return createAliyunSms({
    baseUrl: server.url,
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
    signName: '通办',
    templates: { ...TEMPLATES },
    ...over,
  })
}

const login = (phone: string, code = '246810') => ({ phone, template: 'login_code' as const, params: { code } })

function failure(r: SmsSendResult) {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r)}`)
  return r
}

describe('RPC signature v1', () => {
  it('percent-encodes per RFC 3986, including the characters encodeURIComponent leaves alone', () => {
    expect(percentEncode('a b*c~d')).toBe('a%20b%2Ac~d')
    expect(percentEncode("!'()")).toBe('%21%27%28%29')
    expect(percentEncode('-_.~AZaz09')).toBe('-_.~AZaz09')
    expect(percentEncode('通办')).toBe('%E9%80%9A%E5%8A%9E')
    expect(percentEncode('/=&+:')).toBe('%2F%3D%26%2B%3A')
  })

  it('matches the example in Alibaba Cloud\'s RPC signature documentation (DescribeRegions, testid/testsecret)', () => {
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    }
    expect(rpcSignature(params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=')
  })

  it('signs a SendSms request exactly as derived by hand (fixed nonce and clock)', async () => {
    // StringToSign written out by hand from the documented steps; the signature is
    // `printf %s "$STS" | openssl dgst -sha1 -hmac 'testsecret&' -binary | base64`.
    const handStringToSign =
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DSendSms%26Format%3DJSON%26PhoneNumbers%3D13800138000' +
      '%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2580%259A%25E5%258A%259E%26SignatureMethod%3DHMAC-SHA1' +
      '%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_LOGIN_CODE' +
      '%26TemplateParam%3D%257B%2522code%2522%253A%2522123456%2522%257D%26Timestamp%3D2024-05-01T08%253A00%253A00Z' +
      '%26Version%3D2017-05-25'
    const handSignature = 'SWsBsYQiGIxfHdm1iBKRbsZECWc='

    const urls: string[] = []
    const sms = createAliyunSms({
      baseUrl: 'https://dysmsapi.aliyuncs.com',
      accessKeyId: 'testid',
      accessKeySecret: 'testsecret',
      signName: '通办',
      templates: { login_code: 'SMS_LOGIN_CODE', consent_code: 'SMS_CONSENT_CODE' },
      nonce: () => '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      now: () => new Date('2024-05-01T08:00:00.123Z'),
      fetch: async (input) => {
        urls.push(String(input))
        return new Response(JSON.stringify({ Code: 'OK', Message: 'OK', BizId: '123^0', RequestId: 'R' }), { status: 200 })
      },
    })
    expect(await sms.send(login('13800138000', '123456'))).toEqual({ ok: true, providerId: '123^0' })

    expect(urls).toHaveLength(1)
    const url = new URL(urls[0]!)
    expect(`${url.origin}${url.pathname}`).toBe('https://dysmsapi.aliyuncs.com/')
    expect(urls[0]).toContain(`Signature=${encodeURIComponent(handSignature)}`)
    expect(urls[0]).not.toContain('testsecret')
    const sent = Object.fromEntries(url.searchParams)
    expect(sent.Signature).toBe(handSignature)
    const { Signature: _, ...signed } = sent
    expect(stringToSign(signed)).toBe(handStringToSign)
  })
})

describe('mapAliyunResponse', () => {
  it('maps codes, 5xx and unreadable bodies', () => {
    expect(mapAliyunResponse(200, { Code: 'OK', BizId: 'b^0' })).toEqual({ ok: true, providerId: 'b^0' })
    expect(failure(mapAliyunResponse(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: 'x' }))).toMatchObject({ code: 'rate_limited', retryable: false })
    expect(failure(mapAliyunResponse(503, { Code: 'ServiceUnavailable' }))).toMatchObject({ code: 'provider_busy', retryable: true })
    expect(failure(mapAliyunResponse(502, undefined))).toMatchObject({ code: 'provider_busy', retryable: true, message: 'HTTP 502, unreadable body' })
    expect(failure(mapAliyunResponse(200, { Code: 'isv.AMOUNT_NOT_ENOUGH', Message: '账户余额不足' }))).toEqual({
      ok: false, code: 'unknown', retryable: false, message: 'isv.AMOUNT_NOT_ENOUGH: 账户余额不足',
    })
    // OK without a BizId is not a success we can track.
    expect(failure(mapAliyunResponse(200, { Code: 'OK' })).code).toBe('unknown')
  })

  it('never hands the secret back, even if a provider echoes it', async () => {
    const secret = 'S3cr3t-key-value'
    const sms = createAliyunSms({
      baseUrl: 'http://127.0.0.1:1', accessKeyId: 'id', accessKeySecret: secret, signName: '通办', templates: { ...TEMPLATES },
      fetch: async () => new Response(JSON.stringify({ Code: 'Odd', Message: `your key ${secret} is odd` }), { status: 400 }),
    })
    const r = failure(await sms.send(login('13800138000')))
    expect(r.message).toBe('Odd: your key *** is odd')
  })
})

describe('Aliyun SMS client against the fake provider', () => {
  it('sends a login code: recorded and rendered with the code', async () => {
    const server = await fake()
    const r = await client(server).send(login('13800138000', '246810'))
    if (!r.ok) throw new Error(r.message)
    const [m, ...rest] = server.messages()
    expect(rest).toHaveLength(0)
    expect(m).toMatchObject({ phone: '13800138000', templateCode: 'SMS_LOGIN_CODE', params: { code: '246810' }, signName: '通办', bizId: r.providerId })
    expect(m!.text).toBe('【通办】您的验证码为246810，5分钟内有效。请勿泄露给他人。')
    expect(m!.at).toBeInstanceOf(Date)
  })

  it('signs parameters with characters encodeURIComponent leaves alone, and normalises +86 numbers', async () => {
    const server = await fake()
    const item = "护照(补办) it's *urgent*! ~ok"
    const r = await client(server).send({ phone: '+86 139-0013-9000', template: 'consent_code', params: { agent: '李四', item, code: '135790' } })
    expect(r.ok).toBe(true)
    expect(server.messages()[0]).toMatchObject({ phone: '13900139000', text: `【通办】李四正在为您代办“${item}”，确认请将验证码135790告知代办员，5分钟内有效。` })
  })

  it('wrong secret → auth_failed (SignatureDoesNotMatch); unknown key id → auth_failed', async () => {
    const server = await fake()
    const wrongSecret = 'definitely-not-the-secret'
    const bad = failure(await client(server, { accessKeySecret: wrongSecret }).send(login('13800138000')))
    expect(bad).toMatchObject({ code: 'auth_failed', retryable: false })
    expect(bad.message).toMatch(/^SignatureDoesNotMatch: /)
    expect(bad.message).not.toContain(wrongSecret)
    expect(bad.message).not.toContain(server.accessKeySecret)
    const unknown = failure(await client(server, { accessKeyId: 'LTAInobody' }).send(login('13800138000')))
    expect(unknown).toMatchObject({ code: 'auth_failed', retryable: false })
    expect(unknown.message).toMatch(/^InvalidAccessKeyId\.NotFound/)
    expect(server.messages()).toHaveLength(0)
  })

  it('unknown template → template_invalid; a missing parameter too', async () => {
    const server = await fake()
    const r = failure(await client(server, { templates: { ...TEMPLATES, login_code: 'SMS_000000' } }).send(login('13800138000')))
    expect(r).toMatchObject({ code: 'template_invalid', retryable: false })
    expect(r.message).toMatch(/^isv\.SMS_TEMPLATE_ILLEGAL/)
    const missing = failure(await client(server).send({ phone: '13800138000', template: 'consent_code', params: { agent: '李四', code: '1' } }))
    expect(missing).toMatchObject({ code: 'template_invalid', message: expect.stringMatching(/^isv\.TEMPLATE_MISSING_PARAMETERS.*item/) })
    expect(server.messages()).toHaveLength(0)
  })

  it('invalid phone → invalid_phone; a list of numbers never leaves the client', async () => {
    const server = await fake()
    const sms = client(server)
    for (const phone of ['1380013800', '12800138000', '138001380001']) {
      const r = failure(await sms.send(login(phone)))
      expect(r, phone).toMatchObject({ code: 'invalid_phone', retryable: false, message: expect.stringMatching(/^isv\.MOBILE_NUMBER_ILLEGAL/) })
    }
    expect(failure(await sms.send(login('13800138000,13900139000')))).toMatchObject({ code: 'invalid_phone', message: 'phone must be digits only' })
    expect(server.messages()).toHaveLength(0)
  })

  it('two sends to one phone within 30 s → rate_limited (not retryable); fine again after 30 s', async () => {
    let clock = Date.now()
    const server = await fake({ now: () => clock })
    const sms = client(server)
    expect((await sms.send(login('13800138000', '111111'))).ok).toBe(true)
    clock += 29_000
    const r = failure(await sms.send(login('13800138000', '222222')))
    expect(r).toMatchObject({ code: 'rate_limited', retryable: false })
    expect(r.message).toMatch(/^isv\.BUSINESS_LIMIT_CONTROL/)
    expect((await sms.send(login('13900139000'))).ok).toBe(true)
    clock += 1_000
    expect((await sms.send(login('13800138000', '333333'))).ok).toBe(true)
    expect(server.messages().map((m) => m.params.code)).toEqual(['111111', '246810', '333333'])
  })

  it('holds codes, not notifications, to the per-minute flow control: a progress message may follow a code at once', async () => {
    const server = await fake()
    const sms = client(server, { templates: { login_code: 'SMS_LOGIN_CODE', accepted: 'SMS_MSG_ACCEPTED' } })
    expect((await sms.send(login('13800138000'))).ok).toBe(true)
    const notice = { phone: '13800138000', template: 'accepted' as const, params: { no: 'MZ-0001-20261207-0001', item: '最低生活保障', next: '等待办理结果' } }
    expect((await sms.send(notice)).ok).toBe(true)
    expect((await sms.send(notice)).ok).toBe(true)
    expect(failure(await sms.send(login('13800138000', '222222')))).toMatchObject({ code: 'rate_limited' })
    expect(server.messages().map((m) => m.templateCode)).toEqual(['SMS_LOGIN_CODE', 'SMS_MSG_ACCEPTED', 'SMS_MSG_ACCEPTED'])
  })

  it('pushes delivery reports as HTTP 批量推送 does, and again until the receiver answers {code: 0}', async () => {
    const answers = [{ status: 500, body: 'busy' }, { status: 200, body: JSON.stringify({ code: 0, msg: '接收成功' }) }]
    const received: unknown[][] = []
    const receiver = createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => { body += c.toString('utf8') })
      req.on('end', () => {
        received.push(JSON.parse(body) as unknown[])
        const a = answers.shift()!
        res.writeHead(a.status, { 'content-type': 'application/json' }).end(a.body)
      })
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
    cleanups.push(() => new Promise((r) => receiver.close(() => r())))
    // 2026-12-07 02:00:00 UTC: 10:00 in Beijing, the reports' own time zone.
    const server = await fake({ reportUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/r`, reportDelayMs: 60_000, now: () => Date.parse('2026-12-07T02:00:00Z') })
    const sms = client(server, { now: () => new Date('2026-12-07T02:00:00Z') })
    server.undeliverable('13800138001')
    const sent = [await sms.send(login('13800138000')), await sms.send(login('13800138001'))]
    await server.flushReports()
    await server.flushReports()
    expect(received).toHaveLength(2)
    expect(received[1]).toEqual(received[0])
    expect(received[0]).toEqual([
      { phone_number: '13800138000', send_time: '2026-12-07 10:00:00', report_time: '2026-12-07 10:00:00', success: true, err_code: 'DELIVERED', err_msg: '用户接收成功', sms_size: '1', biz_id: sent[0]!.ok && sent[0]!.providerId, out_id: '' },
      { phone_number: '13800138001', send_time: '2026-12-07 10:00:00', report_time: '2026-12-07 10:00:00', success: false, err_code: 'MOBILE_NOT_ON_SERVICE', err_msg: expect.stringContaining('停机'), sms_size: '1', biz_id: sent[1]!.ok && sent[1]!.providerId, out_id: '' },
    ])
    // Answered: nothing is left to push.
    await server.flushReports()
    expect(received).toHaveLength(2)
    expect(server.reportPushes().map((p) => p.status)).toEqual([500, 200])
  })

  it('failNext(1) → provider_busy (retryable), then the retry goes through', async () => {
    const server = await fake()
    const sms = client(server)
    server.failNext(1)
    const r = failure(await sms.send(login('13800138000')))
    expect(r).toMatchObject({ code: 'provider_busy', retryable: true })
    expect(r.message).toMatch(/^isp\.SYSTEM_ERROR/)
    expect((await sms.send(login('13800138000'))).ok).toBe(true)
    expect(server.messages()).toHaveLength(1)
  })

  it('refuses a replayed nonce and a stale timestamp like the real gateway', async () => {
    const server = await fake()
    const replay = client(server, { nonce: () => 'same-nonce' })
    expect((await replay.send(login('13800138000'))).ok).toBe(true)
    expect(failure(await replay.send(login('13900139000'))).message).toMatch(/^SignatureNonceUsed/)
    const stale = client(server, { now: () => new Date(Date.now() - 20 * 60_000) })
    expect(failure(await stale.send(login('13700137000'))).message).toMatch(/^InvalidTimeStamp\.Expired/)
    expect(server.messages()).toHaveLength(1)
  })

  it('a closed server → network (retryable)', async () => {
    const server = await startFakeSmsServer()
    await server.close()
    const r = failure(await client(server).send(login('13800138000')))
    expect(r).toMatchObject({ code: 'network', retryable: true })
    expect(r.message).toContain('ECONNREFUSED')
  })

  it('a server that never answers → network after timeoutMs', async () => {
    const hanging = createServer(() => { /* never answers */ })
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => { hanging.close(() => resolve()); hanging.closeAllConnections() }))
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`
    const started = Date.now()
    const r = failure(await client({ url, accessKeyId: 'id', accessKeySecret: 'secret' }, { timeoutMs: 200 }).send(login('13800138000')))
    const elapsed = Date.now() - started
    expect(r).toEqual({ ok: false, code: 'network', retryable: true, message: 'no answer within 200 ms' })
    expect(elapsed).toBeGreaterThanOrEqual(150)
    expect(elapsed).toBeLessThan(3_000)
  })
})
