/** The outside systems: SMS, WeChat, object storage, the approval system — or their local fakes when not configured. */
import fp from 'fastify-plugin'
import { startConnectors, type Connectors } from '../../connectors/index'
import type { WechatClient } from '../../connectors/wechat/index'
import type { PluginOptions } from '../options'

declare module 'fastify' {
  interface FastifyInstance {
    connectors: Connectors
    wechat: WechatClient
  }
}

export default fp<PluginOptions>(async (app, { config, build }) => {
  const connectors = await startConnectors(config, { sms: build.sms })
  app.addHook('onClose', async () => connectors.close())
  app.decorate('connectors', connectors)
  app.decorate('wechat', connectors.wechat)
}, { name: 'connectors' })
