// Chromium behind a Playwright browser server, in a process of its own on the real clock (started by
// test/e2e/support.ts when the tests run under faketime: Chromium dies under libfaketime, and Playwright's own
// side — its cookie jar, its request context — must count time by the same clock as the browser).
// Prints the server's WebSocket endpoint, then closes it when its standard input ends.
import { chromium } from 'playwright-core'

const server = await chromium.launchServer({ executablePath: process.env.TB_CHROMIUM, args: JSON.parse(process.env.TB_CHROMIUM_ARGS ?? '[]') })
process.stdout.write(`${server.wsEndpoint()}\n`)
process.stdin.on('end', () => void server.close().then(() => process.exit(0)))
process.stdin.resume()
