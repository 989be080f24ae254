/**
 * /dev/inbox: the text messages the local fake SMS provider accepted, so a
 * new user can sign in with no SMS account. Only registered when the fake
 * provider is in use and NODE_ENV is not production.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ProblemError } from '../errors'
import type { ProductClock } from '../clock'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

/**
 * /dev/* answers this computer only: a request straight from a loopback
 * address, not forwarded by a proxy. The inbox shows every sign-in code, so
 * anyone else on the network (the embedded default listens on all
 * interfaces) could otherwise sign in as anyone. The socket's address is
 * checked, not `request.ip`, which a trusted proxy may set.
 */
export function fromThisComputer(request: FastifyRequest): boolean {
  const h = request.headers
  return LOOPBACK.test(request.socket.remoteAddress ?? '') && !h['x-forwarded-for'] && !h.forwarded && !h['x-real-ip']
}

/** Registers the dev routes inside one scope whose every request must come from this computer (else 404, as if absent). */
export function devOnly(register: (app: FastifyInstance) => Promise<void>) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request) => {
      if (!fromThisComputer(request)) throw new ProblemError('NOT_FOUND', { instance: request.url.split('?')[0] })
    })
    await register(app)
  }
}

export interface InboxMessage {
  phone: string
  text: string
  at: string
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function devRoutes(messages: () => InboxMessage[]) {
  return devOnly(async (app: FastifyInstance) => {
    app.get('/dev/inbox.json', { schema: { hide: true } }, async () => messages().slice().reverse())
    app.get('/dev/inbox', { schema: { hide: true } }, async (_request, reply) => {
      const rows = messages().slice().reverse().slice(0, 50)
      const items = rows.map((m) => `<li><p class="meta">${escape(m.phone)} · ${escape(new Date(m.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }))}</p><p>${escape(m.text)}</p></li>`).join('')
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5"><title>开发用短信收件箱 — 通办</title>
<style>body{font:16px/1.6 system-ui,sans-serif;margin:0 auto;max-width:640px;padding:16px;color:#1f2329}
h1{font-size:20px}li{list-style:none;border-bottom:1px solid #ddd;padding:8px 0}.meta{color:#4e5560;margin:0;font-size:14px}
p{margin:4px 0}.note{background:#fff5e6;color:#7a4100;padding:8px 12px}</style></head><body>
<h1>开发用短信收件箱</h1><p class="note">这里显示本地模拟短信服务收到的短信（仅开发环境，每5秒刷新）。生产环境请配置 SMS_BASE_URL 等短信服务参数。</p>
<ul>${items || '<li>还没有短信。在通办里输入手机号并点击“获取验证码”后，验证码会出现在这里。</li>'}</ul></body></html>`
    })
  })
}

/**
 * /dev/wechat/login-code?openid=… and /dev/wechat/phone-code?phone=…: codes the
 * local fake WeChat API accepts once, standing in for wx.login and
 * getPhoneNumber in the simulator and the demo. /dev/wechat/messages.json:
 * the subscribe messages it accepted, newest last, as
 * `[{touser, template_id, page, data, at}]`.
 */
export function devWechatRoutes(fake: {
  issueLoginCode(openid: string, unionid?: string): string
  issuePhoneCode(phone: string): string
  sentMessages(): { touser: string; template_id: string; page: string | null; data: Record<string, { value: string }>; at: string }[]
}) {
  return devOnly(async (app: FastifyInstance) => {
    app.get('/dev/wechat/messages.json', { schema: { hide: true } }, async (_request, reply) => {
      reply.header('cache-control', 'no-store')
      return fake.sentMessages().map(({ touser, template_id, page, data, at }) => ({ touser, template_id, page, data, at }))
    })
    app.get<{ Querystring: { openid?: string } }>('/dev/wechat/login-code', { schema: { hide: true } }, async (request) => {
      const openid = request.query.openid && /^[\w-]{1,64}$/.test(request.query.openid) ? request.query.openid : `dev-${Date.now().toString(36)}`
      return { code: fake.issueLoginCode(openid), openid }
    })
    app.get<{ Querystring: { phone?: string } }>('/dev/wechat/phone-code', { schema: { hide: true } }, async (request, reply) => {
      const phone = request.query.phone ?? ''
      if (!/^1[3-9]\d{9}$/.test(phone)) {
        throw new ProblemError('VALIDATION', { errors: [{ path: 'phone', code: 'mobile', message: '请输入11位中国大陆手机号码' }] })
      }
      return { code: fake.issuePhoneCode(phone) }
    })
  })
}

/**
 * /dev/clock: moves the running product to another moment — `{ "at": "2026-03-02T10:00:00+08:00" }`,
 * the clock runs on from there — or back to real time (`{ "at": null }`), so a browser test or a demo
 * sees deadlines come and pass as the product would. GET tells the time the product reads now.
 */
export function devClockRoutes(clock: ProductClock) {
  return devOnly(async (app: FastifyInstance) => {
    const view = () => ({ now: new Date(clock.now()).toISOString(), moved: clock.moved })
    app.get('/dev/clock', { schema: { hide: true } }, async (_request, reply) => {
      reply.header('cache-control', 'no-store')
      return view()
    })
    app.post<{ Body: { at: string | null } }>('/dev/clock', {
      schema: {
        hide: true,
        body: { type: 'object', required: ['at'], additionalProperties: false, properties: { at: { type: ['string', 'null'], maxLength: 40 } } },
      },
      config: { fieldMessages: { at: '请给出带时区的时刻，例如 2026-03-02T10:00:00+08:00，或 null 回到真实时间' } },
    }, async (request) => {
      const { at } = request.body
      const ms = at === null ? null : Date.parse(at)
      if (ms !== null && (!/(Z|[+-]\d\d:\d\d)$/.test(at ?? '') || Number.isNaN(ms))) {
        throw new ProblemError('VALIDATION', { errors: [{ path: 'at', code: 'format', message: '请给出带时区的时刻，例如 2026-03-02T10:00:00+08:00，或 null 回到真实时间' }] })
      }
      clock.moveTo(ms)
      return view()
    })
  })
}

