/**
 * Upload throughput: POST /api/uploads of a 1 MiB JPEG (the size a phone
 * photo is shrunk to) through the real BFF — session check, per-citizen
 * rate limit (raised out of the way) and quota, multipart parsing, SHA-256
 * while streaming to a temporary file, file-type and image-size checks,
 * the disk store, the row insert in PGlite — against a bare Fastify with
 * @fastify/multipart piping the same part to a file. Both in this process,
 * loaded one at a time by autocannon in a child process (10
 * connections, the same pre-built multipart body from a file), a 2 s
 * warm-up each, then alternating rounds of 5 s. Stored files are removed
 * between rounds so the disk does not fill. Printed: MB/s and req/s of
 * each, p50/p99, and BFF/bare.
 */
import { execFile } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import Fastify from 'fastify'
import multipart from '@fastify/multipart'
import { seededPglite, signInCitizen, startTestServer } from '../../server/src/testing'
import { multipartBody, paddedJpeg } from '../../server/src/uploads/fixtures/files'
import { line, ROOT, sleep } from './util'

const B = 'upload'
const CONNECTIONS = 10
const WARMUP_S = 2
const ROUNDS = 2
const ROUND_S = 5
const FILE_BYTES = 1024 * 1024

const run$ = promisify(execFile)

interface Result { requests: number; seconds: number; p50: number; p99: number; bad: number }

/**
 * autocannon's CLI reads `-i` as text, which mangles a binary body; its API
 * takes a Buffer. So the load runs through the API in a child process of
 * its own (still not on the server's event loop or core).
 */
const LOAD_SCRIPT = `
  import autocannon from 'autocannon'
  import { readFileSync } from 'node:fs'
  const [url, seconds, connections, bodyFile, headers] = process.argv.slice(1)
  const r = await autocannon({ url, duration: Number(seconds), connections: Number(connections), method: 'POST', body: readFileSync(bodyFile), headers: JSON.parse(headers) })
  process.stdout.write(JSON.stringify({ ok: r['2xx'], bad: r.non2xx + r.errors + r.timeouts, p50: r.latency.p50, p99: r.latency.p99 }))
`

async function cannon(url: string, seconds: number, bodyFile: string, headers: Record<string, string>): Promise<Result> {
  const { stdout } = await run$(process.execPath, ['--input-type=module', '-e', LOAD_SCRIPT, url, String(seconds), String(CONNECTIONS), bodyFile, JSON.stringify(headers)], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 })
  const r = JSON.parse(stdout) as { ok: number; bad: number; p50: number; p99: number }
  return { requests: r.ok, seconds, p50: r.p50, p99: r.p99, bad: r.bad }
}

function merge(rounds: Result[]): Result {
  return rounds.reduce((a, r) => ({ requests: a.requests + r.requests, seconds: a.seconds + r.seconds, p50: Math.max(a.p50, r.p50), p99: Math.max(a.p99, r.p99), bad: a.bad + r.bad }))
}

const mbps = (r: Result) => (r.requests * FILE_BYTES) / 1024 / 1024 / r.seconds

function print(name: string, r: Result): void {
  const bad = r.bad ? `  (!! ${r.bad} non-2xx/errors/timeouts)` : ''
  line(B, `${name.padEnd(12)} ${mbps(r).toFixed(1).padStart(6)} MB/s  ${(r.requests / r.seconds).toFixed(1).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  (${r.requests} uploads in ${r.seconds} s)${bad}`)
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'tongban-bench-upload-'))
  const bareDir = join(dir, 'bare')
  await mkdir(bareDir, { recursive: true })
  const db = await seededPglite()
  const bff = await startTestServer({ db, checkResponses: false, config: { rateLimitMax: 10_000_000, uploads: { store: 'disk', dir: join(dir, 'bff'), ratePerMinute: 1_000_000, quotaBytes: Number.MAX_SAFE_INTEGER, retentionDays: 30 } } })
  const bare = Fastify()
  try {
    const { token } = await signInCitizen(bff.app, '13800138000', '10.99.0.1')
    const { body, contentType } = multipartBody([{ name: 'materialId', value: 'bench' }, { name: 'file', filename: '现场照片.jpg', type: 'image/jpeg', data: paddedJpeg(FILE_BYTES) }])
    const bodyFile = join(dir, 'body.bin')
    await writeFile(bodyFile, body)

    await bare.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } })
    bare.post('/api/uploads', async (request, reply) => {
      let size = 0
      for await (const part of request.parts()) {
        if (part.type !== 'file') continue
        part.file.on('data', (c: Buffer) => { size += c.length })
        await pipeline(part.file, createWriteStream(join(bareDir, randomBytes(12).toString('hex'))))
      }
      // A body the load generator mangled must not count as an upload.
      return reply.code(size === FILE_BYTES ? 201 : 400).send({ size })
    })
    await bare.listen({ port: 0, host: '127.0.0.1' })

    const targets = {
      BFF: { url: `${bff.url}/api/uploads`, headers: { 'content-type': contentType, authorization: `Bearer ${token}` } },
      'bare fastify': { url: `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/api/uploads`, headers: { 'content-type': contentType } },
    }
    const clean = async () => {
      // Uploads the load generator abandoned at the end of its run may still be finishing.
      await sleep(500)
      await db.query('delete from uploads')
      await rm(join(dir, 'bff', 'files'), { recursive: true, force: true, maxRetries: 5 })
      await rm(bareDir, { recursive: true, force: true, maxRetries: 5 })
      await mkdir(bareDir, { recursive: true })
    }
    line(B, `1 MiB JPEG per request (${body.length} bytes of multipart); autocannon in a child process, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up, then ${ROUNDS} alternating rounds of ${ROUND_S} s per server; disk store, PGlite`)

    for (const t of Object.values(targets)) await cannon(t.url, WARMUP_S, bodyFile, t.headers)
    await clean()
    const rounds: Record<keyof typeof targets, Result[]> = { BFF: [], 'bare fastify': [] }
    for (let i = 0; i < ROUNDS; i++) {
      for (const name of Object.keys(targets) as (keyof typeof targets)[]) {
        rounds[name].push(await cannon(targets[name].url, ROUND_S, bodyFile, targets[name].headers))
        await clean()
      }
    }
    const b = merge(rounds.BFF)
    const f = merge(rounds['bare fastify'])
    print('BFF', b)
    print('bare fastify', f)
    const ratio = mbps(b) / mbps(f)
    // No goal yet: the BFF does work the baseline does not (SHA-256, type and header checks, quota and row in the database).
    line(B, `BFF/bare upload throughput ${(ratio * 100).toFixed(0)} %`)
  } finally {
    await bare.close()
    await bff.close()
    await db.close()
    await rm(dir, { recursive: true, force: true })
  }
}
