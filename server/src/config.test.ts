import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

describe('configuration', () => {
  it('needs nothing for the embedded default', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ port: 8080, production: false, seed: true, databaseUrl: undefined })
    expect(c.sms.baseUrl).toBeUndefined()
    expect(c.uploads).toMatchObject({ store: 'disk', dir: undefined, ratePerMinute: 30 })
  })

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ SECRET_KEY: 'short' }, /SECRET_KEY/],
    [{ DATABASE_SCHEMA: 'Robert"); drop' }, /DATABASE_SCHEMA/],
    [{ NODE_ENV: 'production' }, /SMS_BASE_URL/],
    [{ UPLOAD_STORE: 's4' }, /UPLOAD_STORE/],
    [{ UPLOAD_RATE_LIMIT: '0' }, /UPLOAD_RATE_LIMIT/],
    [{ NODE_ENV: 'production', SMS_BASE_URL: 'https://dysmsapi.aliyuncs.com' }, /WECHAT_API_BASE/],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('accepts production with the real services configured', () => {
    const c = loadConfig({ NODE_ENV: 'production', SMS_BASE_URL: 'https://dysmsapi.aliyuncs.com', WECHAT_API_BASE: 'https://api.weixin.qq.com' })
    expect(c.production).toBe(true)
  })
})
