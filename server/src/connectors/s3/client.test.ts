import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import aws4 from 'aws4'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createS3Client, S3Error, type S3Client, type S3ClientConfig } from './client'
import { startFakeS3Server, type FakeS3Server, type FakeS3ServerOptions } from './fake-server'
import { canonicalRequest, signature } from './signature'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

let dir: string
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'tongban-s3-test-')) })
afterAll(async () => { await rm(dir, { recursive: true, force: true }) })

async function fake(opts: FakeS3ServerOptions = {}): Promise<FakeS3Server> {
  const server = await startFakeS3Server(opts)
  cleanups.push(() => server.close())
  return server
}

function client(server: { url: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }, over: Partial<S3ClientConfig> = {}): S3Client {
  const c = createS3Client({
    endpoint: server.url, bucket: server.bucket, region: server.region, accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey,
    sleep: async () => {}, ...over,
  })
  cleanups.push(() => c.close())
  return c
}

async function tempFile(data: Buffer): Promise<string> {
  const path = join(dir, randomBytes(6).toString('hex'))
  await writeFile(path, data)
  return path
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

async function s3Failure(p: Promise<unknown>): Promise<S3Error> {
  try {
    await p
  } catch (e) {
    if (e instanceof S3Error) return e
    throw e
  }
  throw new Error('expected an S3Error')
}

/** A server that accepts connections and then does only what `onRequest` does. */
async function rawServer(onRequest: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(onRequest)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections() }))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

describe('Signature Version 4', () => {
  // AWS's worked examples: "Signature Calculations for the Authorization Header:
  // Transferring Payload in a Single Chunk" (Amazon S3 API reference).
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

  it('the fake\'s verifier reproduces AWS\'s GET Object example', () => {
    const canonical = canonicalRequest({
      method: 'GET', path: '/test.txt', query: '',
      headers: {
        host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9',
        'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'x-amz-date': '20130524T000000Z',
      },
      signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'],
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    })
    expect(signature(SECRET, 'us-east-1', '20130524T000000Z', canonical)).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41')
  })

  it('the fake\'s verifier and the client\'s signer (aws4) both reproduce AWS\'s PUT Object example', () => {
    const payloadHash = createHash('sha256').update('Welcome to Amazon S3.').digest('hex')
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072')
    const headers = {
      Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-date': '20130524T000000Z', 'x-amz-storage-class': 'REDUCED_REDUNDANCY', 'x-amz-content-sha256': payloadHash,
    }
    const expected = '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd'
    const canonical = canonicalRequest({
      method: 'PUT', path: '/test%24file.text', query: '',
      headers: { date: headers.Date, host: 'examplebucket.s3.amazonaws.com', 'x-amz-date': headers['x-amz-date'], 'x-amz-storage-class': 'REDUCED_REDUNDANCY', 'x-amz-content-sha256': payloadHash },
      signedHeaders: ['date', 'host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-storage-class'],
      payloadHash,
    })
    expect(signature(SECRET, 'us-east-1', '20130524T000000Z', canonical)).toBe(expected)

    const signed = aws4.sign(
      { service: 's3', region: 'us-east-1', method: 'PUT', host: 'examplebucket.s3.amazonaws.com', path: '/test$file.text', headers: { ...headers } },
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET },
    )
    expect(signed.headers!.Authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
      `SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, Signature=${expected}`,
    )
  })
})

describe('S3 client against the fake S3 server', () => {
  it('puts, gets (streamed) and deletes binary content byte for byte', async () => {
    const server = await fake()
    const s3 = client(server)
    // Every byte value, then random bytes: nothing may be re-encoded on the way.
    const data = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(3 * 1024 * 1024)])
    const path = await tempFile(data)
    await s3.putObject('uploads/ab/Key_with-chars', path, 'image/png')

    const stored = server.objects().get('uploads/ab/Key_with-chars')
    expect(stored?.data.equals(data)).toBe(true)
    expect(stored?.contentType).toBe('image/png')

    const got = await s3.getObject('uploads/ab/Key_with-chars')
    expect(got?.size).toBe(data.length)
    expect((await readAll(got!.stream)).equals(data)).toBe(true)

    await s3.deleteObject('uploads/ab/Key_with-chars')
    expect(server.objects().size).toBe(0)
    expect(await s3.getObject('uploads/ab/Key_with-chars')).toBeNull()
  })

  it('an empty object too, and deleting an absent key is not an error', async () => {
    const server = await fake()
    const s3 = client(server)
    await s3.putObject('empty', await tempFile(Buffer.alloc(0)))
    const got = await s3.getObject('empty')
    expect(got?.size).toBe(0)
    expect((await readAll(got!.stream)).length).toBe(0)
    await s3.deleteObject('never-there')
    expect(server.requests().at(-1)).toEqual({ method: 'DELETE', key: 'never-there', status: 204 })
  })

  it('an absent key → null (NoSuchKey); an absent bucket → an error naming S3_BUCKET', async () => {
    const server = await fake()
    expect(await client(server).getObject('nothing-here')).toBeNull()
    expect(server.requests()).toEqual([{ method: 'GET', key: 'nothing-here', status: 404, code: 'NoSuchKey' }])

    const other = client(server, { bucket: 'someone-elses' })
    const e = await s3Failure(other.getObject('nothing-here'))
    expect(e).toMatchObject({ operation: 'GetObject', code: 'NoSuchBucket', status: 404, retryable: false })
    expect(e.message).toMatch(/^S3 GetObject someone-elses\/nothing-here: NoSuchBucket \(HTTP 404\): The specified bucket does not exist; check S3_BUCKET \[request [0-9A-F]+\]$/)
    expect((await s3Failure(other.putObject('k', await tempFile(Buffer.from('x')))))).toMatchObject({ code: 'NoSuchBucket' })
  })

  it('a wrong secret → SignatureDoesNotMatch, not retried, with a hint and without either secret', async () => {
    const server = await fake()
    const wrong = 'not-the-secret-at-all-0123456789abcdefghij'
    const e = await s3Failure(client(server, { secretAccessKey: wrong }).putObject('k', await tempFile(Buffer.from('data'))))
    expect(e).toMatchObject({ operation: 'PutObject', code: 'SignatureDoesNotMatch', status: 403, retryable: false })
    expect(e.message).toContain('check S3_SECRET_ACCESS_KEY')
    expect(e.message).not.toContain(wrong)
    expect(e.message).not.toContain(server.secretAccessKey)
    expect(server.requests()).toHaveLength(1)
    expect(server.objects().size).toBe(0)
  })

  it('an unknown key id, a wrong region and a skewed clock are refused as S3 refuses them', async () => {
    const server = await fake()
    expect(await s3Failure(client(server, { accessKeyId: 'AKIANOBODY' }).getObject('k'))).toMatchObject({ code: 'InvalidAccessKeyId', status: 403 })
    const region = await s3Failure(client(server, { region: 'cn-north-1' }).getObject('k'))
    expect(region).toMatchObject({ code: 'AuthorizationHeaderMalformed', status: 400 })
    expect(region.message).toContain('check S3_REGION')
    const skewed = await s3Failure(client(server, { now: () => new Date(Date.now() - 20 * 60_000) }).deleteObject('k'))
    expect(skewed).toMatchObject({ code: 'RequestTimeTooSkewed', status: 403 })
  })

  it('a body that differs from the signed hash is refused (XAmzContentSHA256Mismatch)', async () => {
    const server = await fake()
    const url = new URL(server.url)
    const path = `/${server.bucket}/tampered`
    const headers = { 'X-Amz-Content-Sha256': createHash('sha256').update('original').digest('hex'), 'Content-Length': '8' }
    const signed = aws4.sign({ service: 's3', region: server.region, method: 'PUT', host: url.host, path, headers }, server)
    const res = await fetch(`${server.url}${path}`, { method: 'PUT', headers: signed.headers as Record<string, string>, body: 'tampered' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('<Code>XAmzContentSHA256Mismatch</Code>')
    expect(server.objects().size).toBe(0)
    const unsigned = await fetch(`${server.url}${path}`)
    expect(unsigned.status).toBe(403)
    expect(await unsigned.text()).toContain('<Code>AccessDenied</Code>')
  })

  it('503 SlowDown is retried with growing back-off, then goes through', async () => {
    const server = await fake()
    const waits: number[] = []
    const s3 = client(server, { backoffMs: 100, sleep: async (ms) => { waits.push(ms) } })
    server.slowDown(2)
    await s3.putObject('busy', await tempFile(Buffer.from('eventually')))
    expect(server.requests().map((r) => r.code ?? r.status)).toEqual(['SlowDown', 'SlowDown', 200])
    expect(server.objects().get('busy')?.data.toString()).toBe('eventually')
    expect(waits).toHaveLength(2)
    expect(waits[0]).toBeGreaterThanOrEqual(50)
    expect(waits[0]).toBeLessThanOrEqual(100)
    expect(waits[1]).toBeGreaterThanOrEqual(100)
    expect(waits[1]).toBeLessThanOrEqual(200)
  })

  it('gives up after maxAttempts SlowDowns, saying so', async () => {
    const server = await fake()
    server.slowDown(10)
    const e = await s3Failure(client(server, { maxAttempts: 3 }).getObject('k'))
    expect(e).toMatchObject({ code: 'SlowDown', status: 503, retryable: true })
    expect(e.message).toContain('Please reduce your request rate.')
    expect(server.requests()).toHaveLength(3)
  })

  it('a refused connection is retried, then reported with its cause', async () => {
    const server = await startFakeS3Server()
    await server.close()
    const waits: number[] = []
    const e = await s3Failure(client(server, { maxAttempts: 3, sleep: async (ms) => { waits.push(ms) } }).deleteObject('k'))
    expect(e).toMatchObject({ code: 'NetworkError', retryable: true, status: null })
    expect(e.message).toContain('ECONNREFUSED')
    expect(waits).toHaveLength(2)
  })

  it('a store that never answers → Timeout after timeoutMs, not retried', async () => {
    let requests = 0
    const { url } = await rawServer(() => { requests++ })
    const started = Date.now()
    const e = await s3Failure(client({ url, bucket: 'b', region: 'us-east-1', accessKeyId: 'id', secretAccessKey: 'secret' }, { timeoutMs: 200 }).putObject('k', await tempFile(randomBytes(1000))))
    const elapsed = Date.now() - started
    expect(e).toMatchObject({ code: 'Timeout', retryable: false })
    expect(e.message).toBe('S3 PutObject b/k: no answer within 200 ms')
    expect(elapsed).toBeGreaterThanOrEqual(150)
    expect(elapsed).toBeLessThan(3_000)
    expect(requests).toBe(1)
  })

  it('a download that stalls mid-body fails the stream with a Timeout instead of hanging', async () => {
    const { url } = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-length': 100 })
      res.write(Buffer.alloc(10))
    })
    const got = await client({ url, bucket: 'b', region: 'us-east-1', accessKeyId: 'id', secretAccessKey: 'secret' }, { timeoutMs: 200 }).getObject('k')
    expect(got?.size).toBe(100)
    const started = Date.now()
    const err = await readAll(got!.stream).then(() => null, (e: unknown) => e)
    expect(err).toBeInstanceOf(S3Error)
    expect(err).toMatchObject({ code: 'Timeout', message: 'S3 GetObject b/k: no bytes for 200 ms' })
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('an error page that is not S3 XML (a proxy\'s 502) is retried and reported by status', async () => {
    let requests = 0
    const { url } = await rawServer((_req, res) => {
      requests++
      res.writeHead(502, { 'content-type': 'text/html' })
      res.end('<html><body>Bad Gateway</body></html>')
    })
    const e = await s3Failure(client({ url, bucket: 'b', region: 'us-east-1', accessKeyId: 'id', secretAccessKey: 'secret' }, { maxAttempts: 2 }).getObject('k'))
    expect(e).toMatchObject({ code: 'HTTP502', status: 502, retryable: true })
    expect(requests).toBe(2)
  })
})
