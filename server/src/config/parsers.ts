/**
 * Parsers for the variables whose values have a shape of their own
 * (addresses, origins, key prefixes). Each takes the raw value and returns
 * what the config holds, or throws Invalid with a message naming the
 * variable and saying what would be right.
 */
import { isIP } from 'node:net'
import { Invalid } from './declare'

/** proxy-addr's names for address ranges, allowed beside addresses and CIDRs. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function proxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true
  const [ip, bits, ...rest] = entry.split('/')
  const family = isIP(ip ?? '')
  if (!family || rest.length) return false
  if (bits === undefined) return true
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)
}

/**
 * TRUST_PROXY: the proxies whose X-Forwarded-For names the client. Not `true` (any client
 * could pick its address, and so a fresh rate limit, per request) and not a hop count
 * (it cannot tell a proxy from a client that reached the BFF directly; Fastify 5 trusts
 * nobody for one, so it would silently do nothing).
 */
export function trustProxy(raw: string): false | string[] {
  const value = raw.trim()
  if (value === '' || value === 'false') return false
  const help = 'TRUST_PROXY must list the addresses or CIDRs of the proxies in front of the BFF, comma-separated (e.g. 10.0.0.0/8,loopback)'
  if (value === 'true') throw new Invalid(`${help}; "true" would let any client choose its address and escape rate limits`)
  if (/^\d+$/.test(value)) throw new Invalid(`${help}; a hop count ("${value}") cannot tell a proxy from a client that connects directly`)
  const entries = value.split(',').map((e) => e.trim())
  const bad = entries.find((e) => !proxyAddress(e))
  if (bad !== undefined) throw new Invalid(`${help}, got "${bad}"`)
  return entries
}

export function redisUrl(raw: string): string {
  let url: URL | null = null
  try { url = new URL(raw) } catch { /* reported below */ }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
    // Not echoed: the address may carry the Redis password.
    throw new Invalid('REDIS_URL must be a redis:// or rediss:// address such as redis://127.0.0.1:6379')
  }
  return raw
}

/** An http(s) origin (scheme + host + port) from a URL. */
export function origin(name: string, raw: string): string {
  let url: URL
  try { url = new URL(raw) } catch { throw new Invalid(`${name} must be a URL such as https://tongban.example.gov.cn, got "${raw}"`) }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Invalid(`${name} must be an http(s) address, got "${raw}"`)
  return url.origin
}

/** A regular expression check, with the message when it fails. */
export function matching(pattern: RegExp, message: (raw: string) => string): (raw: string) => string {
  return (raw) => {
    if (!pattern.test(raw)) throw new Invalid(message(raw))
    return raw
  }
}

export function secretKey(raw: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(raw)) throw new Invalid('SECRET_KEY must be 64 hex characters (32 bytes)')
  return raw.toLowerCase()
}

/** S3_ENDPOINT: an http(s) origin without a path (requests are path-style: the bucket is added to it). */
export function s3Endpoint(raw: string): string {
  let url: URL | null = null
  try {
    url = new URL(raw)
  } catch { /* reported below */ }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new Invalid(`S3_ENDPOINT must be an http(s) URL without a path (the bucket is added to it), e.g. https://oss-cn-hangzhou.aliyuncs.com, got "${raw}"`)
  }
  return url.origin
}

/** S3_PREFIX: '' or a relative key prefix, ending in '/'. */
export function s3Prefix(raw: string): string {
  if (raw && (!/^[A-Za-z0-9._/-]{1,200}$/.test(raw) || raw.startsWith('/') || raw.includes('//') || raw.split('/').some((seg) => seg === '.' || seg === '..'))) {
    throw new Invalid(`S3_PREFIX must be a relative key prefix of letters, digits and . _ - / (e.g. tongban/uploads/), got "${raw}"`)
  }
  return raw && !raw.endsWith('/') ? `${raw}/` : raw
}

/** A VAPID key: URL-safe base64 of `bytes` bytes (65 for the public point, 32 for the private scalar). */
export function vapidKey(name: string, raw: string, bytes: number): string {
  const value = raw.trim()
  const decoded = /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, 'base64url') : null
  if (!decoded || decoded.length !== bytes || (bytes === 65 && decoded[0] !== 4)) {
    throw new Invalid(`${name} must be URL-safe base64 of ${bytes} bytes (${Math.ceil((bytes * 4) / 3)} characters), as \`npx web-push generate-vapid-keys\` prints it`)
  }
  return value
}

/** VAPID_SUBJECT: how a push service reaches the sender (RFC 8292 §2.1). */
export function vapidSubject(raw: string): string {
  let url: URL | null = null
  try { url = new URL(raw) } catch { /* reported below */ }
  if (!url || (url.protocol !== 'mailto:' && url.protocol !== 'https:') || (url.protocol === 'mailto:' && !/^[^@\s]+@[^@\s]+$/.test(url.pathname))) {
    throw new Invalid(`VAPID_SUBJECT must be a mailto: address or an https: URL, e.g. mailto:ops@example.gov.cn, got "${raw}"`)
  }
  if (url.protocol === 'https:' && (url.hostname === 'localhost' || url.hostname.endsWith('.localhost'))) {
    throw new Invalid('VAPID_SUBJECT must not be a localhost address: Apple\'s push service refuses it (BadJwtToken)')
  }
  return raw
}

/** PUSH_SERVICE_HOSTS: host names, `*.` for every sub-domain, lower-cased. */
export function pushServiceHosts(raw: string): string[] {
  const hosts = raw.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)
  const bad = hosts.find((h) => !/^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/.test(h))
  if (!hosts.length || bad !== undefined) {
    throw new Invalid(`PUSH_SERVICE_HOSTS must list push service host names, comma-separated (e.g. fcm.googleapis.com,*.push.apple.com)${bad === undefined ? '' : `, got "${bad}"`}`)
  }
  return hosts
}
