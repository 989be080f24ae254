/**
 * The dispatch bench's SMS provider, in a child process of its own: a real
 * provider is not on the BFF's event loop, so on 2 cores the BFF gets one
 * and the fake (with its signature check) the other. The same fake the
 * tests use (connectors/sms/fake-server.ts).
 *
 * Over IPC: → {url, accessKeyId, accessKeySecret} once listening;
 * ← 'phones' → {phones: string[]} (every accepted message's number, in order).
 */
import { startFakeSmsServer } from '../../server/src/connectors/sms/index'

const fake = await startFakeSmsServer()
process.send!({ url: fake.url, accessKeyId: fake.accessKeyId, accessKeySecret: fake.accessKeySecret })
process.on('message', (m) => {
  if (m === 'phones') process.send!({ phones: fake.messages().map((s) => s.phone) })
})
process.on('disconnect', () => void fake.close().then(() => process.exit(0)))
