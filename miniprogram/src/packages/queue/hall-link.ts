/**
 * Which hall a take-number page is for, from the options WeChat opens it
 * with: `hallId` (our own links), `q` — the scanned address itself, URL-
 * encoded, when a hall's QR code of `https://<origin>/h/<hallId>` (the
 * PWA's page for the same hall) opens the mini-program (扫普通链接二维码打开
 * 小程序) — or `scene`, a 小程序码's scene string (`<hallId>` or
 * `h=<hallId>`, at most 32 characters). Pages read options decoded once
 * (useRouteParams); `q` and `scene` may come encoded once more.
 */
import { HALL_ID_PATTERN } from '@tongban/core'

const HALL_ID = new RegExp(HALL_ID_PATTERN)
/** The PWA's hall page: /h/<hallId>, optionally with a trailing slash, a query or a fragment. */
const HALL_LINK = /^https?:\/\/[^/?#]+\/h\/([^/?#]+)\/?(?:[?#].*)?$/

function decoded(s: string): string {
  let out = s
  for (let i = 0; i < 2 && /%[0-9a-f]{2}/i.test(out); i++) {
    try {
      out = decodeURIComponent(out)
    } catch {
      break
    }
  }
  return out.trim()
}

const valid = (id: string | undefined): string | null => (id && HALL_ID.test(id) ? id : null)

export function hallIdOf(params: Record<string, string | undefined>): string | null {
  if (params.hallId) return valid(decoded(params.hallId))
  if (params.q) return valid(HALL_LINK.exec(decoded(params.q))?.[1])
  if (params.scene) {
    const scene = decoded(params.scene)
    return valid(/^h=(.+)$/.exec(scene)?.[1] ?? scene)
  }
  return null
}
