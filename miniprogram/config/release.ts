/**
 * What a build is for, from the environment: the BFF's base URL and the
 * mini-program's appid. A development build defaults to the local BFF and
 * WeChat's tourist appid; a release build (`TARO_APP_RELEASE=1`) must name
 * both, and its BFF must be HTTPS (WeChat refuses plain HTTP request domains
 * on a published mini-program, and a token must never travel in clear).
 */
export interface BuildTarget {
  apiBase: string
  appid: string
  release: boolean
}

export const DEV_API_BASE = 'http://localhost:8080'
export const TOURIST_APPID = 'touristappid'

export function buildTarget(env: Record<string, string | undefined>): BuildTarget {
  const release = env.TARO_APP_RELEASE === '1'
  const apiBase = env.TARO_APP_API_BASE?.trim() || (release ? '' : DEV_API_BASE)
  const appid = env.TARO_APP_ID?.trim() || (release ? '' : TOURIST_APPID)
  if (release) {
    const problems: string[] = []
    let url: URL | null = null
    try { url = new URL(apiBase) } catch { /* said below */ }
    if (!url || url.protocol !== 'https:') problems.push(`TARO_APP_API_BASE must be the BFF's https:// address (got "${apiBase}")`)
    if (!/^wx[0-9a-f]{16}$/.test(appid)) problems.push(`TARO_APP_ID must be the mini-program's appid, wx + 16 hex digits (got "${appid}")`)
    if (problems.length) throw new Error(`release build (TARO_APP_RELEASE=1): ${problems.join('; ')}`)
  }
  return { apiBase: apiBase.replace(/\/+$/, ''), appid, release }
}
