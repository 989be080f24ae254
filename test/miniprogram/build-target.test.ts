/** The release build's configuration (miniprogram/config/release.ts): nothing of the local demo reaches a published mini-program. */
import { describe, expect, it } from 'vitest'
import { buildTarget, DEV_API_BASE, TOURIST_APPID } from '../../miniprogram/config/release'

describe('buildTarget', () => {
  it('defaults a development build to the local BFF and the tourist appid', () => {
    expect(buildTarget({})).toEqual({ apiBase: DEV_API_BASE, appid: TOURIST_APPID, release: false })
    expect(buildTarget({ TARO_APP_API_BASE: 'http://192.168.1.5:8080/' }).apiBase).toBe('http://192.168.1.5:8080')
  })

  it('takes a release build’s HTTPS BFF and appid from the environment', () => {
    expect(buildTarget({ TARO_APP_RELEASE: '1', TARO_APP_API_BASE: 'https://tongban.example.gov.cn', TARO_APP_ID: 'wx0123456789abcdef' }))
      .toEqual({ apiBase: 'https://tongban.example.gov.cn', appid: 'wx0123456789abcdef', release: true })
  })

  it('refuses a release build with the demo’s defaults, plain HTTP or no real appid', () => {
    expect(() => buildTarget({ TARO_APP_RELEASE: '1' })).toThrow(/TARO_APP_API_BASE must be the BFF's https:\/\/ address.*TARO_APP_ID must be/)
    expect(() => buildTarget({ TARO_APP_RELEASE: '1', TARO_APP_API_BASE: 'http://tongban.example.gov.cn', TARO_APP_ID: 'wx0123456789abcdef' })).toThrow(/https/)
    expect(() => buildTarget({ TARO_APP_RELEASE: '1', TARO_APP_API_BASE: 'https://tongban.example.gov.cn', TARO_APP_ID: TOURIST_APPID })).toThrow(/TARO_APP_ID/)
  })
})
