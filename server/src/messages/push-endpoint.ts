/**
 * Which Web Push endpoints the BFF will post to. An endpoint comes from the
 * browser, so it is user input: without this check a client could make the
 * BFF send requests to any address (SSRF). Only the push services of the
 * browsers we know (or those configured in PUSH_SERVICE_HOSTS) are taken,
 * over https; outside production also http on loopback (web-push-testing).
 */

/** Chrome / Edge / Opera / Samsung (FCM, and its legacy GCM host), Firefox (autopush), Safari, Windows (WNS). */
export const DEFAULT_PUSH_SERVICE_HOSTS = [
  'fcm.googleapis.com',
  'android.googleapis.com',
  'updates.push.services.mozilla.com',
  '*.push.apple.com',
  '*.notify.windows.com',
] as const

/** The longest endpoint taken (FCM's are ~190 characters; Apple's and WNS's longer, well below this). */
export const MAX_PUSH_ENDPOINT_LENGTH = 1024

export type EndpointRefusal = 'malformed' | 'not_https' | 'unknown_service'

export interface EndpointRule {
  serviceHosts: readonly string[]
  production: boolean
}

function hostAllowed(host: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.startsWith('*.') ? host.endsWith(p.slice(1)) && host.length > p.length - 1 : host === p))
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
}

/** Why an endpoint is refused, or null when the BFF may post to it. */
export function refuseEndpoint(endpoint: string, rule: EndpointRule): EndpointRefusal | null {
  let url: URL
  try { url = new URL(endpoint) } catch { return 'malformed' }
  if (url.username || url.password || url.hash || endpoint.length > MAX_PUSH_ENDPOINT_LENGTH) return 'malformed'
  const host = url.hostname.toLowerCase()
  if (!rule.production && isLoopback(host) && (url.protocol === 'http:' || url.protocol === 'https:')) return null
  if (url.protocol !== 'https:') return url.protocol === 'http:' ? 'not_https' : 'malformed'
  if (url.port && url.port !== '443') return 'unknown_service'
  return hostAllowed(host, rule.serviceHosts) ? null : 'unknown_service'
}
