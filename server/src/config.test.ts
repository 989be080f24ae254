import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

const VAPID = { VAPID_PUBLIC_KEY: 'BKOGkBcaxl7D20szml-nTH0Khl_i8Y5iE_IvK5EKe1rJ7npvhvXH6xWTOzywdw2RsWSqU2_yi2BZff7TbQUar-w', VAPID_PRIVATE_KEY: 'WccfZlgqvwb791AC_eUpGiGNWoEIfIIavFV4pME2efk', VAPID_SUBJECT: 'mailto:ops@tongban.example.gov.cn' }
const PROD_SERVICES = { SMS_BASE_URL: 'https://dysmsapi.aliyuncs.com', WECHAT_API_BASE: 'https://api.weixin.qq.com', PUBLIC_ORIGIN: 'https://tongban.example.gov.cn', ...VAPID }

describe('configuration', () => {
  it('needs nothing for the embedded default', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ port: 8080, production: false, seed: true, databaseUrl: undefined })
    expect(c.sms.baseUrl).toBeUndefined()
    expect(c.uploads).toMatchObject({ store: 'disk', dir: undefined, ratePerMinute: 30 })
    expect(c.staffLogin).toEqual({ ratePerMinute: 30, hashConcurrency: 2, hashQueue: 16 })
  })

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ SECRET_KEY: 'short' }, /SECRET_KEY/],
    [{ DATABASE_SCHEMA: 'Robert"); drop' }, /DATABASE_SCHEMA/],
    [{ NODE_ENV: 'production' }, /SMS_BASE_URL/],
    [{ UPLOAD_STORE: 's4' }, /UPLOAD_STORE/],
    [{ UPLOAD_RATE_LIMIT: '0' }, /UPLOAD_RATE_LIMIT/],
    [{ STAFF_LOGIN_RATE_LIMIT: '0' }, /STAFF_LOGIN_RATE_LIMIT/],
    [{ PASSWORD_HASH_CONCURRENCY: '0' }, /PASSWORD_HASH_CONCURRENCY/],
    [{ NODE_ENV: 'production', SMS_BASE_URL: 'https://dysmsapi.aliyuncs.com' }, /WECHAT_API_BASE/],
    [{ NODE_ENV: 'production', SMS_BASE_URL: 'https://dysmsapi.aliyuncs.com', WECHAT_API_BASE: 'https://api.weixin.qq.com' }, /PUBLIC_ORIGIN/],
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY .*"true" would let any client choose its address/],
    [{ TRUST_PROXY: '1' }, /TRUST_PROXY .*a hop count \("1"\) cannot tell a proxy from a client/],
    [{ TRUST_PROXY: '10.0.0.1,proxy.internal' }, /TRUST_PROXY .*got "proxy.internal"/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY .*got "10.0.0.0\/33"/],
    [{ TRUST_PROXY: '10.0.0.1,' }, /TRUST_PROXY .*got ""/],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, /^REDIS_URL must be a redis:\/\//],
    [{ REDIS_URL: '127.0.0.1:6379' }, /^REDIS_URL must be/],
    [{ REDIS_PREFIX: 'tongban prod' }, /^REDIS_PREFIX must be/],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })

  const PROD = { NODE_ENV: 'production', ...PROD_SERVICES }
  const S3 = { S3_ENDPOINT: 'https://oss-cn-hangzhou.aliyuncs.com', S3_BUCKET: 'tongban-prod', S3_ACCESS_KEY_ID: 'LTAIexample', S3_SECRET_ACCESS_KEY: 'example-secret' }

  it.each([
    [{ ...PROD, UPLOAD_STORE: 's3' }, 'UPLOAD_STORE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY in production'],
    [{ ...PROD, UPLOAD_STORE: 's3', S3_ENDPOINT: S3.S3_ENDPOINT, S3_BUCKET: 'b-1' }, 'UPLOAD_STORE=s3 needs S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY in production'],
    [{ UPLOAD_STORE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000' }, 'UPLOAD_STORE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY when S3_ENDPOINT is set'],
    [{ UPLOAD_STORE: 's3', ...S3, S3_ENDPOINT: 'http://127.0.0.1:9000/tongban-prod' }, /^S3_ENDPOINT must be an http\(s\) URL without a path/],
    [{ UPLOAD_STORE: 's3', ...S3, S3_ENDPOINT: 'ftp://files.example.cn' }, /^S3_ENDPOINT must be/],
    [{ UPLOAD_STORE: 's3', ...S3, S3_ENDPOINT: 'oss-cn-hangzhou.aliyuncs.com' }, /^S3_ENDPOINT must be/],
    [{ UPLOAD_STORE: 's3', ...S3, S3_BUCKET: 'Tongban_Uploads' }, /^S3_BUCKET must be a bucket name/],
    [{ UPLOAD_STORE: 's3', ...S3, S3_REGION: 'cn hangzhou' }, /^S3_REGION must be/],
    [{ UPLOAD_STORE: 's3', ...S3, S3_PREFIX: '/uploads' }, /^S3_PREFIX must be/],
    [{ UPLOAD_STORE: 's3', ...S3, S3_PREFIX: 'a/../b' }, /^S3_PREFIX must be/],
  ])('refuses an incomplete or malformed S3 store: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('takes queue numbers at any hour only outside production (QUEUE_IGNORE_HOURS)', () => {
    expect(loadConfig({ QUEUE_IGNORE_HOURS: '1' }).queue).toEqual({ ignoreHours: true })
    expect(loadConfig({}).queue).toEqual({ ignoreHours: false })
    expect(() => loadConfig({ ...PROD, QUEUE_IGNORE_HOURS: '1' })).toThrow('QUEUE_IGNORE_HOURS is refused with NODE_ENV=production')
  })

  it('UPLOAD_STORE=s3 without S3_ENDPOINT outside production uses the local fake', () => {
    const c = loadConfig({ UPLOAD_STORE: 's3' })
    expect(c.uploads.store).toBe('s3')
    expect(c.s3).toMatchObject({ endpoint: undefined, bucket: 'tongban-uploads', region: 'us-east-1', prefix: '' })
  })

  it('takes a real S3 store, keeping the endpoint\'s origin and ending the prefix with /', () => {
    const c = loadConfig({ ...PROD, ...S3, UPLOAD_STORE: 's3', S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com/', S3_REGION: 'ap-guangzhou', S3_PREFIX: 'tongban/uploads' })
    expect(c.s3).toEqual({
      endpoint: 'https://cos.ap-guangzhou.myqcloud.com', bucket: 'tongban-prod', region: 'ap-guangzhou',
      accessKeyId: 'LTAIexample', secretAccessKey: 'example-secret', prefix: 'tongban/uploads/',
    })
    // S3 settings do not matter to the other stores.
    expect(() => loadConfig({ ...PROD, UPLOAD_STORE: 'disk', S3_BUCKET: 'Not_A_Bucket' })).not.toThrow()
  })

  it.each([
    [undefined, false],
    ['false', false],
    [' 10.0.0.0/8, 192.168.1.7 ,loopback,fd00::/8,::1', ['10.0.0.0/8', '192.168.1.7', 'loopback', 'fd00::/8', '::1']],
  ])('TRUST_PROXY=%j trusts %j', (raw, trusted) => {
    expect(loadConfig(raw === undefined ? {} : { TRUST_PROXY: raw }).trustProxy).toEqual(trusted)
  })

  it('keeps REDIS_URL out of its error message (it may hold the password)', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis//:s3cret@host' })).toThrow(/^((?!s3cret).)*$/)
    expect(loadConfig({ REDIS_URL: 'rediss://:pw@cache.internal:6380/1' }).redisUrl).toBe('rediss://:pw@cache.internal:6380/1')
  })

  it('lists every problem at once, not only the first', () => {
    const env = { NODE_ENV: 'production', PORT: 'eighty', UPLOAD_RATE_LIMIT: '0', TRUST_PROXY: 'true', REDIS_PREFIX: 'a b', APPROVAL_BACKEND: 'http', UPLOAD_STORE: 's3', S3_REGION: 'cn hangzhou' }
    let error: unknown
    try { loadConfig(env) } catch (e) { error = e }
    expect(error).toBeInstanceOf(ConfigError)
    const { problems, message } = error as ConfigError
    expect(problems).toEqual([
      expect.stringMatching(/^PORT must be an integer between 0 and 65535, got "eighty"/),
      expect.stringMatching(/^REDIS_PREFIX must be/),
      expect.stringMatching(/^TRUST_PROXY must list .*"true" would let any client/),
      'UPLOAD_RATE_LIMIT must be an integer between 1 and 1000000, got "0"',
      expect.stringMatching(/^S3_REGION must be a region name/),
      expect.stringMatching(/^WECHAT_API_BASE must be set in production/),
      expect.stringMatching(/^SMS_BASE_URL must be set in production: without it codes would go to the local fake/),
      expect.stringMatching(/^VAPID_PUBLIC_KEY must be set in production: browsers subscribe with it/),
      'VAPID_PRIVATE_KEY must be set in production',
      expect.stringMatching(/^VAPID_SUBJECT must be set in production/),
      expect.stringMatching(/^PUBLIC_ORIGIN must be set in production/),
      'UPLOAD_STORE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY in production',
      'APPROVAL_BACKEND=http needs APPROVAL_BASE_URL, APPROVAL_API_TOKEN, APPROVAL_WEBHOOK_SECRET in production',
    ])
    expect(message).toBe(problems.join('\n'))
  })

  it('checks a variable only where it matters, and a missing one only where it is required', () => {
    expect(() => loadConfig({ UPLOAD_STORE: 'disk', S3_ENDPOINT: 'not a url', S3_PREFIX: '/x' })).not.toThrow()
    expect(() => loadConfig({ APPROVAL_BACKEND: 'http' })).not.toThrow()
    expect(() => loadConfig({ NODE_ENV: 'production', ...PROD_SERVICES, APPROVAL_BACKEND: 'http' })).toThrow(/^APPROVAL_BACKEND=http needs APPROVAL_BASE_URL, APPROVAL_API_TOKEN, APPROVAL_WEBHOOK_SECRET in production$/)
  })

  it.each([
    [{ VAPID_PUBLIC_KEY: VAPID.VAPID_PUBLIC_KEY }, 'VAPID_PRIVATE_KEY must be set when VAPID_PUBLIC_KEY is set'],
    [{ ...VAPID, VAPID_PUBLIC_KEY: VAPID.VAPID_PRIVATE_KEY }, /^VAPID_PUBLIC_KEY must be URL-safe base64 of 65 bytes/],
    [{ ...VAPID, VAPID_PRIVATE_KEY: 'not+base64url' }, /^VAPID_PRIVATE_KEY must be URL-safe base64 of 32 bytes/],
    [{ VAPID_SUBJECT: 'https://localhost' }, /^VAPID_SUBJECT must not be a localhost address/],
    [{ VAPID_SUBJECT: 'ops@example.gov.cn' }, /^VAPID_SUBJECT must be a mailto: address or an https: URL/],
    [{ PUSH_SERVICE_HOSTS: 'fcm.googleapis.com,http://evil.example' }, /^PUSH_SERVICE_HOSTS must list .*got "http:\/\/evil.example"/],
  ])('refuses Web Push settings %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('takes the VAPID keys and push-service hosts from the environment', () => {
    const c = loadConfig({ ...VAPID, PUSH_SERVICE_HOSTS: 'FCM.googleapis.com, *.push.apple.com' })
    expect(c.webPush).toEqual({ publicKey: VAPID.VAPID_PUBLIC_KEY, privateKey: VAPID.VAPID_PRIVATE_KEY, subject: VAPID.VAPID_SUBJECT, serviceHosts: ['fcm.googleapis.com', '*.push.apple.com'] })
    expect(loadConfig({}).webPush).toMatchObject({ publicKey: undefined, serviceHosts: expect.arrayContaining(['fcm.googleapis.com', 'updates.push.services.mozilla.com', '*.push.apple.com']) })
  })

  it('accepts production with the real services configured', () => {
    const c = loadConfig({ NODE_ENV: 'production', ...PROD_SERVICES })
    expect(c.production).toBe(true)
  })

  it('reads the WeChat templates from their slots: demo ones outside production, none in production unless set', () => {
    const demo = loadConfig({}).wechat
    expect(demo.miniprogramState).toBe('formal')
    expect(demo.templates.map((t) => t.id)).toEqual(['DEMO_progress', 'DEMO_supplement', 'DEMO_result', 'DEMO_delivery', 'DEMO_queue'])
    expect(loadConfig({ ...PROD_SERVICES, NODE_ENV: 'production' }).wechat.templates).toEqual([])
    const set = loadConfig({
      WECHAT_MINIPROGRAM_STATE: 'trial',
      WECHAT_TEMPLATE_PROGRESS: 'Ab-12_x;办件进度;accepted,paused;character_string1=caseNo,thing2=itemName',
      WECHAT_TEMPLATE_SUPPLEMENT: '',
    }).wechat
    expect(set.miniprogramState).toBe('trial')
    expect(set.templates[0]).toEqual({
      id: 'Ab-12_x', title: '办件进度', kinds: ['accepted', 'paused'],
      keywords: [{ key: 'character_string1', type: 'character_string', field: 'caseNo' }, { key: 'thing2', type: 'thing', field: 'itemName' }],
    })
    expect(set.templates.map((t) => t.id)).toEqual(['Ab-12_x', 'DEMO_result', 'DEMO_delivery', 'DEMO_queue'])
  })

  it.each([
    [{ WECHAT_TEMPLATE_RESULT: 'x;结果;decided;thing1=itemName' }, /WECHAT_TEMPLATE_RESULT: unknown message kind "decided"/],
    [{ WECHAT_TEMPLATE_RESULT: 'x;结果;accepted;thing1=id' }, /WECHAT_TEMPLATE_RESULT: keyword "thing1": unknown field "id"/],
    [{ WECHAT_TEMPLATE_RESULT: 'same;a;accepted;thing1=itemName', WECHAT_TEMPLATE_QUEUE: 'same;b;queue_called;thing1=itemName' }, /template same is configured twice/],
    [{ WECHAT_MINIPROGRAM_STATE: 'release' }, /WECHAT_MINIPROGRAM_STATE must be formal, trial or developer/],
  ])('refuses the WeChat template setting %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message)
  })
})
