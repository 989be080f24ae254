/** `npm start`: the BFF with the built PWA on one port, embedded database unless DATABASE_URL is set. */
import { networkInterfaces } from 'node:os'
import { buildApp } from './app'
import { ConfigError, loadConfig } from './config'

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`配置错误 (configuration error), ${e.problems.length} to fix:\n${e.problems.map((p) => `  - ${p}`).join('\n')}`)
      process.exit(2)
    }
    throw e
  }
  const app = await buildApp(config)
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down')
    await app.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void close('SIGINT'))
  process.once('SIGTERM', () => void close('SIGTERM'))
  await app.listen({ port: config.port, host: config.host })
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host
  app.log.info(`通办 is running at http://${shown}:${config.port}/ (database: ${app.db.kind}${config.databaseUrl ? '' : `, ${config.dataDir}`})`)
  if (!config.production && config.host === '0.0.0.0') {
    // A phone on the same Wi-Fi can open the PWA; the dev pages (sign-in codes) answer this computer only.
    const lan = Object.values(networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4' && !a.internal).map((a) => `http://${a!.address}:${config.port}/`)
    if (lan.length) app.log.info(`from a phone on the same network: ${lan.join(' ')} — sign-in codes show at http://localhost:${config.port}/dev/inbox on this computer only`)
  }
}

void main()
