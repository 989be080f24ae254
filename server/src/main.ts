/** `npm start`: the BFF with the built PWA on one port, embedded database unless DATABASE_URL is set. */
import { buildApp } from './app'
import { ConfigError, loadConfig } from './config'

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`配置错误 (configuration error): ${e.message}`)
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
}

void main()
