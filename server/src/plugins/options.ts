/** What every plugin of the app is registered with: the configuration, and what a test or caller handed buildApp. */
import type { AppConfig } from '../config'
import type { Db } from '../store/db'
import type { SmsProvider } from '../connectors/sms/index'

export interface BuildOptions {
  /** Use this database instead of opening one (tests share one per worker). */
  db?: Db
  logger?: boolean
  /** Use this SMS provider instead of the configured one. */
  sms?: SmsProvider
  /** Write logs here instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream
  /** The time cases are acted on, their clocks read and staff sign-in locks counted at (tests move it on to see yellow and red lights, or a lock end). */
  now?: () => number
  /** Check every contract route's answer against its response schema, and put what does not match here (tests). */
  responseIssues?: import('../routes/check-responses').ResponseIssue[]
}

export interface PluginOptions {
  config: AppConfig
  build: BuildOptions
}
