/**
 * Material uploads through the BFF, on each file store: the disk store, the
 * table store and the S3 store (against the local fake S3 server) on
 * PGlite, and the table store on the local PostgreSQL (skipped with a
 * notice when it is absent, unless REQUIRE_SERVICES=1). Every refusal is
 * problem+json and leaves no row, no stored file or object and no temporary
 * file behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_CASE_UPLOAD_BYTES, PROBLEM_CONTENT_TYPE, type Problem, type UploadedFile } from '@tongban/core'
import { postgresAvailable, postgresDb, seededPglite, signInCitizen, startTestServer, type TestServer } from '../../testing'
import type { Db } from '../../store/db'
import { createS3Client, startFakeS3Server, type FakeS3Server } from '../../connectors/s3/index'
import type { S3Config } from '../../config'
import { uploadsRepo } from '../../store/uploads'
import { multipartBody, objectStream, paddedJpeg, pdfBytes, PHOTO_JPEG, pngBytes, pngWithText } from '../../uploads/fixtures/files'
import { contentDisposition } from './stored-files'

const pgUrl = await postgresAvailable()
const problemJson = new RegExp(`^${PROBLEM_CONTENT_TYPE.replace('+', '\\+')}\\b`)

type FilePart = { name: string; filename: string; type: string; data: Buffer }
const file = (filename: string, data: Buffer, type = 'application/octet-stream'): FilePart => ({ name: 'file', filename, type, data })

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

interface Variant {
  label: string
  store: 'disk' | 'postgres' | 's3'
  open(): Promise<{ db: Db; close(): Promise<void> }>
}

const variants: Variant[] = [
  { label: 'disk store on PGlite', store: 'disk', open: async () => { const db = await seededPglite(); return { db, close: () => db.close() } } },
  { label: 'table store on PGlite', store: 'postgres', open: async () => { const db = await seededPglite(); return { db, close: () => db.close() } } },
  { label: 'S3 store (fake S3 server) on PGlite', store: 's3', open: async () => { const db = await seededPglite(); return { db, close: () => db.close() } } },
]
if (pgUrl) variants.push({ label: 'table store on PostgreSQL', store: 'postgres', open: async () => { const pg = await postgresDb(pgUrl); return { db: pg.db, close: () => pg.drop() } } })

describe.each(variants)('uploads: $label', (variant) => {
  let server: TestServer
  let database: { db: Db; close(): Promise<void> }
  let dir: string
  /** The S3 variant's object store; its objects count as stored files. */
  let fakeS3: FakeS3Server | null = null
  let s3Config: S3Config | undefined
  let alice: string
  let bob: string
  let phone = 13_700_000_000 + Math.floor(Math.random() * 1_000_000)

  const signIn = async () => (await signInCitizen(server.app, String(++phone), `10.70.${phone % 250}.${phone % 200}`)).token
  const auth = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {})
  const upload = (token: string | undefined, parts: Parameters<typeof multipartBody>[0]) => {
    const { body, contentType } = multipartBody(parts)
    return server.app.inject({ method: 'POST', url: '/api/uploads', payload: body, headers: { 'content-type': contentType, ...auth(token) } })
  }
  async function leftovers() {
    const [rows] = await database.db.query<{ n: number }>('select count(*)::int as n from uploads')
    const [blobs] = await database.db.query<{ n: number }>('select count(*)::int as n from upload_blobs')
    return {
      rows: rows!.n, blobs: blobs!.n, objects: fakeS3?.objects().size ?? 0,
      files: (await filesUnder(join(dir, 'files'))).length, incoming: (await filesUnder(join(dir, 'incoming'))).length,
    }
  }
  const storedCount = (l: Awaited<ReturnType<typeof leftovers>>) => l.files + l.blobs + l.objects
  let baseline: Awaited<ReturnType<typeof leftovers>>
  const expectNothingLeft = async () => expect(await leftovers()).toEqual(baseline)

  beforeAll(async () => {
    database = await variant.open()
    dir = await mkdtemp(join(tmpdir(), 'tongban-upload-test-'))
    if (variant.store === 's3') {
      fakeS3 = await startFakeS3Server({ bucket: 'tongban-upload-test', region: 'cn-test-1' })
      const { url: endpoint, bucket, region, accessKeyId, secretAccessKey } = fakeS3
      s3Config = { endpoint, bucket, region, accessKeyId, secretAccessKey, prefix: 'tongban/uploads/' }
    }
    server = await startTestServer({
      db: database.db,
      config: { uploads: { store: variant.store, dir, ratePerMinute: 1000, quotaBytes: 2 * MAX_CASE_UPLOAD_BYTES, retentionDays: 30 }, ...(s3Config ? { s3: s3Config } : {}) },
    })
    alice = await signIn()
    bob = await signIn()
  })
  afterAll(async () => {
    await server?.close()
    await database?.close()
    await fakeS3?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it.each([
    ['证件照.jpg', PHOTO_JPEG, 'image/jpeg', { width: 64, height: 48 }],
    ['户型图.PNG', pngBytes(40, 30), 'image/png', { width: 40, height: 30 }],
    ['营业执照扫描件.pdf', pdfBytes(), 'application/pdf', {}],
  ])('accepts %s and gives it back to its owner only', async (name, data, mime, dims) => {
    const res = await upload(alice, [{ name: 'materialId', value: 'business-licence' }, file(name, data), { name: 'itemCode', value: 'SJ-0001' }])
    expect(res.statusCode, res.body).toBe(201)
    const up = res.json<UploadedFile>()
    expect(up).toMatchObject({ name, mime, size: data.length, ...dims })
    expect(up.sha256).toMatch(/^[0-9a-f]{64}$/)

    const own = await server.app.inject({ url: `/api/uploads/${up.id}`, headers: auth(alice) })
    expect(own.statusCode).toBe(200)
    expect(own.rawPayload.equals(data)).toBe(true)
    expect(own.headers).toMatchObject({
      'content-type': mime, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff',
      'content-disposition': contentDisposition(mime === 'application/pdf' ? 'attachment' : 'inline', name),
      // Opened as a page of its own, it is an opaque origin that runs nothing.
      'content-security-policy': expect.stringMatching(/^sandbox; default-src 'none'/),
    })
    const other = await server.app.inject({ url: `/api/uploads/${up.id}`, headers: auth(bob) })
    const absent = await server.app.inject({ url: '/api/uploads/00000000-0000-4000-8000-000000000000', headers: auth(bob) })
    expect(other.statusCode).toBe(404)
    expect(other.headers['content-type']).toMatch(problemJson)
    // The same answer whether the file exists or not.
    expect(other.json<Problem>()).toEqual({ ...absent.json<Problem>(), instance: other.json<Problem>().instance })
    expect(other.json<Problem>().code).toBe('UPLOAD_NOT_FOUND')
  })

  it('accepts what only looks like the above: a PDF opening on its first page, a bare <svg> by chance deep in a photo, 《》 in a name', async () => {
    const middle = paddedJpeg(300_000)
    const parts = [
      file('申请书.pdf', pdfBytes({ catalog: '/OpenAction [3 0 R /Fit] /PageMode /UseNone' })),
      // Compressed data holds any 5 bytes somewhere now and then: a bare tag in the middle of a file is not a page.
      file('照片.jpg', Buffer.concat([middle.subarray(0, 150_000), Buffer.from('<svg>'), middle.subarray(150_000)])),
      file('《营业执照》（副本）.png', pngBytes()),
    ]
    for (const part of parts) expect((await upload(alice, [part])).statusCode, part.filename).toBe(201)
  })

  it('takes the text fields before or after the file, and names a file without extension by its content', async () => {
    const res = await upload(alice, [file('IMG_0001', PHOTO_JPEG), { name: 'itemCode', value: 'SJ-0001' }])
    expect(res.statusCode).toBe(201)
    expect(res.json<UploadedFile>().name).toBe('IMG_0001.jpg')
    const [row] = await database.db.query<{ item_code: string }>('select item_code from uploads where id = $1', [res.json<UploadedFile>().id])
    expect(row!.item_code).toBe('SJ-0001')
  })

  it('names the file as the citizen chose it when the shell sends that name as a field (the mini-program)', async () => {
    const res = await upload(alice, [file('tmp_3f9a0c1e.jpg', PHOTO_JPEG), { name: 'fileName', value: '营业执照照片.jpg' }])
    expect(res.statusCode).toBe(201)
    expect(res.json<UploadedFile>().name).toBe('营业执照照片.jpg')
    const traversal = await upload(alice, [file('tmp_1.jpg', PHOTO_JPEG), { name: 'fileName', value: '../../etc/passwd.jpg' }])
    expect(traversal.json<Problem>().code).toBe('FILE_NAME_INVALID')
    const mismatch = await upload(alice, [file('tmp_2.jpg', PHOTO_JPEG), { name: 'fileName', value: '申请书.pdf' }])
    expect(mismatch.json<Problem>().code).toBe('FILE_TYPE_MISMATCH')
  })

  it('removes uploads no case took once the retention has passed, bytes and row, and keeps the rest', async () => {
    const old = (await upload(alice, [file('old.png', pngBytes())])).json<UploadedFile>()
    const fresh = (await upload(alice, [file('fresh.png', pngBytes())])).json<UploadedFile>()
    await database.db.query('update uploads set created_at = $2 where id = $1', [old.id, new Date(Date.now() - 40 * 86_400_000)])
    const { sweepAbandonedUploads } = await import('../../uploads/sweep')
    const { openUploadSpace } = await import('../../store/file-store')
    const { loadConfig } = await import('../../config')
    const base = loadConfig({})
    const s3 = s3Config ? createS3Client({ ...s3Config, endpoint: s3Config.endpoint! }) : null
    const space = await openUploadSpace({
      ...base, dataDir: 'memory://', uploads: { store: variant.store, dir, ratePerMinute: 1, quotaBytes: 1, retentionDays: 30 }, s3: s3Config ?? base.s3,
    }, database.db, s3)
    const before = await leftovers()
    expect(await sweepAbandonedUploads(database.db, space.store, new Date(Date.now() - 30 * 86_400_000))).toBe(1)
    s3?.close()
    const after = await leftovers()
    expect(after.rows).toBe(before.rows - 1)
    expect(storedCount(after)).toBe(storedCount(before) - 1)
    expect((await server.app.inject({ url: `/api/uploads/${old.id}`, headers: auth(alice) })).statusCode).toBe(404)
    expect((await server.app.inject({ url: `/api/uploads/${fresh.id}`, headers: auth(alice) })).statusCode).toBe(200)
  })

  // Only where there is an object store (registered, not skipped, elsewhere).
  if (variant.store === 's3') {
    it('keeps the bytes as an object under S3_PREFIX in the configured bucket', async () => {
      const data = pngBytes(33, 22)
      const up = (await upload(alice, [file('平面图.png', data)])).json<UploadedFile>()
      const [row] = await database.db.query<{ storage_key: string }>('select storage_key from uploads where id = $1', [up.id])
      const object = fakeS3!.objects().get(`tongban/uploads/${row!.storage_key}`)
      expect(object?.data.equals(data)).toBe(true)
      expect(fakeS3!.requests().at(-1)).toMatchObject({ method: 'PUT', key: `tongban/uploads/${row!.storage_key}`, status: 200 })
    })

    it('an object store that keeps answering SlowDown → 503 problem+json, and the refused upload leaves nothing', async () => {
      const before = await leftovers()
      fakeS3!.slowDown(4) // every try of the PutObject
      const res = await upload(alice, [file('a.png', pngBytes())])
      expect(res.statusCode).toBe(503)
      expect(res.headers['content-type']).toMatch(problemJson)
      expect(res.json<Problem>()).toMatchObject({ code: 'FILE_STORE_UNAVAILABLE', title: expect.stringMatching(/[\u4e00-\u9fff]/) })
      expect(await leftovers()).toEqual(before)

      const up = (await upload(alice, [file('b.png', pngBytes())])).json<UploadedFile>()
      fakeS3!.slowDown(4)
      const download = await server.app.inject({ url: `/api/uploads/${up.id}`, headers: auth(alice) })
      expect(download.statusCode).toBe(503)
      expect(download.json<Problem>().code).toBe('FILE_STORE_UNAVAILABLE')
      expect((await server.app.inject({ url: `/api/uploads/${up.id}`, headers: auth(alice) })).statusCode).toBe(200)
    })
  }

  describe('refusals leave nothing behind', () => {
    beforeAll(async () => { baseline = await leftovers() })

    it.each([
      ['a PDF name with PNG bytes', file('申请书.pdf', pngBytes()), 415, 'FILE_TYPE_MISMATCH'],
      ['a JPEG name with PDF bytes', file('photo.jpeg', pdfBytes()), 415, 'FILE_TYPE_MISMATCH'],
      ['a text file', file('说明.txt', Buffer.from('只是文字')), 415, 'FILE_TYPE_NOT_ALLOWED'],
      ['a GIF named .png', file('动图.png', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')), 415, 'FILE_TYPE_NOT_ALLOWED'],
      ['an empty file', file('空.pdf', Buffer.alloc(0)), 400, 'FILE_EMPTY'],
      ['a decompression bomb (tiny PNG declaring 100000×100000 pixels)', file('bomb.png', pngBytes(1, 1, { width: 100_000, height: 100_000 })), 413, 'IMAGE_TOO_LARGE'],
      // 36 MP, 144 MB decoded: under the old 40 MP cap, over the 25 MP one (MAX_IMAGE_PIXELS).
      ['a real 6000×6000 PNG', file('扫描件.png', pngBytes(6000, 6000)), 413, 'IMAGE_TOO_LARGE'],
      ['a PNG just over 25 MP (5001×5000)', file('扫描件.png', pngBytes(1, 1, { width: 5001, height: 5000 })), 413, 'IMAGE_TOO_LARGE'],
      ['a path-traversal name', file('../../etc/passwd.png', pngBytes()), 400, 'FILE_NAME_INVALID'],
      ['a Windows path', file('C:\\Users\\a\\photo.png', pngBytes()), 400, 'FILE_NAME_INVALID'],
      ['a control character in the name', file('photo\u0007.png', pngBytes()), 400, 'FILE_NAME_INVALID'],
      ['a right-to-left override in the name', file('photo\u202egnp.exe', pngBytes()), 400, 'FILE_NAME_INVALID'],
      ['a name of 121 characters', file(`${'名'.repeat(117)}.png`, pngBytes()), 400, 'FILE_NAME_INVALID'],
    ])('refuses %s', async (_label, part, status, code) => {
      const res = await upload(alice, [part])
      expect(res.statusCode, res.body).toBe(status)
      expect(res.headers['content-type']).toMatch(problemJson)
      expect(res.json<Problem>()).toMatchObject({ code, status, title: expect.stringMatching(/[\u4e00-\u9fff]/) })
      await expectNothingLeft()
    })

    // Every name the core's rule refuses: 400, field `file`, a Chinese message naming the problem.
    it.each([
      ['a full-width slash (U+FF0F)', '证件／照片.png', 'slash', /斜杠/],
      ['a division slash (U+2215)', '证件∕照片.png', 'slash', /斜杠/],
      ['a zero-width space (U+200B)', '身份\u200b证.png', 'invisible', /零宽/],
      ['an Arabic letter mark (U+061C)', 'photo\u061c.png', 'bidi', /方向/],
      ['a line separator (U+2028)', 'a\u2028b.png', 'line_break', /换行/],
      ['a right-to-left override (U+202E)', 'photo\u202egnp.exe.png', 'bidi', /方向/],
      ['markup', '<script>alert(1).png', 'markup', /尖括号/],
    ])('refuses a name with %s, saying so for the field file', async (_label, name, issue, words) => {
      for (const parts of [[file(name, pngBytes())], [file('tmp_1.png', pngBytes()), { name: 'fileName', value: name }]]) {
        const res = await upload(alice, parts)
        expect(res.statusCode, res.body).toBe(400)
        expect(res.headers['content-type']).toMatch(problemJson)
        const p = res.json<Problem>()
        expect(p).toMatchObject({ code: 'FILE_NAME_INVALID', errors: [{ path: 'file', code: issue, message: expect.stringMatching(words) }] })
      }
      await expectNothingLeft()
    })

    // Polyglots: an image or a PDF that is also a web page, and PDFs that would run something when opened.
    it.each([
      ['a PNG with a web page in a text chunk', file('户型图.png', pngWithText('Comment', '<!DOCTYPE html><p>hi')), 'FILE_HAS_MARKUP', 'html'],
      ['a PNG with a script after its end (IEND)', file('户型图.png', Buffer.concat([pngBytes(), Buffer.from('<script>alert(document.cookie)</script>')])), 'FILE_HAS_MARKUP', 'script'],
      ['a PNG with a bare <svg> in its first KBs', file('户型图.png', pngWithText('XML:com.adobe.xmp', '<svg><animate onbegin=alert(1) attributeName=x></svg>')), 'FILE_HAS_MARKUP', 'svg'],
      ['a JPEG with <svg onload=…> deep inside', file('证件照.jpg', Buffer.concat([paddedJpeg(300_000).subarray(0, 150_000), Buffer.from('<svg/onload=alert(1)>'), paddedJpeg(300_000).subarray(150_000)])), 'FILE_HAS_MARKUP', 'svg'],
      ['a JPEG with an <html> page deep inside', file('证件照.jpg', Buffer.concat([paddedJpeg(300_000).subarray(0, 150_000), Buffer.from('<HTML>\n<body>'), paddedJpeg(300_000).subarray(150_000)])), 'FILE_HAS_MARKUP', 'html'],
      ['a JPEG with an <iframe>', file('证件照.jpg', Buffer.concat([PHOTO_JPEG, Buffer.from('<iframe src=//evil.example>')])), 'FILE_HAS_MARKUP', 'iframe'],
      ['a PDF with a web page after %%EOF', file('申请书.pdf', pdfBytes({ tail: '<html><body onload=alert(1)>' })), 'FILE_HAS_MARKUP', 'html'],
      ['a PDF with a javascript: link', file('申请书.pdf', pdfBytes({ objects: ['4 0 obj << /Type /Action /S /URI /URI (javascript:alert\\(1\\)) >> endobj'] })), 'FILE_HAS_MARKUP', 'javascript_url'],
      ['a PDF running JavaScript on opening (/OpenAction)', file('申请书.pdf', pdfBytes({ catalog: '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>' })), 'PDF_ACTIVE_CONTENT', 'javascript'],
      ['a PDF hiding /JavaScript as /J#61vaScript', file('申请书.pdf', pdfBytes({ catalog: '/OpenAction 4 0 R', objects: ['4 0 obj << /S /J#61vaScript /J#53 5 0 R >> endobj'] })), 'PDF_ACTIVE_CONTENT', 'javascript'],
      ['a PDF with a document-level script (/Names /JavaScript)', file('申请书.pdf', pdfBytes({ catalog: '/Names << /JavaScript 4 0 R >>' })), 'PDF_ACTIVE_CONTENT', 'javascript'],
      ['a PDF whose script sits in a compressed object stream', file('申请书.pdf', pdfBytes({ catalog: '/OpenAction 100 0 R', objects: [objectStream(5, ['<< /S /JavaScript /JS (app.alert\\(1\\)) >>'])] })), 'PDF_ACTIVE_CONTENT', 'javascript'],
      ['a PDF launching a program (/Launch)', file('申请书.pdf', pdfBytes({ catalog: '/OpenAction << /S /Launch /F (cmd.exe) >>' })), 'PDF_ACTIVE_CONTENT', 'launch'],
      ['a PDF with an attachment (/EmbeddedFiles)', file('申请书.pdf', pdfBytes({ catalog: '/Names << /EmbeddedFiles 4 0 R >>', objects: [Buffer.concat([Buffer.from('4 0 obj << /Type /EmbeddedFile /Length 2 >>\nstream\n'), Buffer.from('MZ'), Buffer.from('\nendstream endobj')])] })), 'PDF_ACTIVE_CONTENT', 'embedded_file'],
      ['a PDF with additional actions (/AA)', file('申请书.pdf', pdfBytes({ catalog: '/AA << /WC 4 0 R >>' })), 'PDF_ACTIVE_CONTENT', 'additional_actions'],
      ['a PDF with Flash (/RichMedia)', file('申请书.pdf', pdfBytes({ objects: ['4 0 obj << /Type /Annot /Subtype /RichMedia >> endobj'] })), 'PDF_ACTIVE_CONTENT', 'rich_media'],
      ['a PDF with an XFA form', file('申请书.pdf', pdfBytes({ catalog: '/AcroForm << /Fields [] /XFA 4 0 R >>' })), 'PDF_ACTIVE_CONTENT', 'xfa'],
      ['a PDF with an object stream that cannot be read', file('申请书.pdf', pdfBytes({ objects: [Buffer.concat([Buffer.from('5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n'), Buffer.from('not deflate at all'), Buffer.from('\nendstream endobj')])] })), 'PDF_ACTIVE_CONTENT', 'unreadable'],
    ])('refuses %s', async (_label, part, code, finding) => {
      const res = await upload(alice, [part])
      expect(res.statusCode, res.body).toBe(415)
      expect(res.headers['content-type']).toMatch(problemJson)
      expect(res.json<Problem>()).toMatchObject({ code, title: expect.stringMatching(/[\u4e00-\u9fff]/), errors: [{ path: 'file', code: finding, message: expect.stringMatching(/[\u4e00-\u9fff]/) }] })
      await expectNothingLeft()
    })

    it('refuses a 50 MB file with 413 problem+json', async () => {
      const res = await upload(alice, [file('扫描件.pdf', Buffer.concat([pdfBytes(), Buffer.alloc(50 * 1024 * 1024, 0x20)]))])
      expect(res.statusCode).toBe(413)
      expect(res.headers['content-type']).toMatch(problemJson)
      expect(res.json<Problem>().code).toBe('FILE_TOO_LARGE')
      await expectNothingLeft()
    })

    it('stops reading a too-large upload early and closes the connection', async () => {
      const url = new URL(server.url)
      const { contentType } = multipartBody([])
      const boundary = contentType.split('boundary=')[1]
      const outcome = await new Promise<{ status: number; written: number; body: string }>((resolve, reject) => {
        let written = 0
        const req = httpRequest({ host: url.hostname, port: url.port, method: 'POST', path: '/api/uploads', headers: { 'content-type': contentType, ...auth(alice) } })
        req.on('response', (res) => {
          let body = ''
          res.on('data', (c: Buffer) => { body += c.toString() })
          res.on('end', () => resolve({ status: res.statusCode!, written, body }))
        })
        req.on('error', reject)
        req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`)
        const chunk = Buffer.alloc(256 * 1024, 0x20)
        const pump = () => {
          while (written < 50 * 1024 * 1024) {
            if (req.destroyed || req.socket?.destroyed) return
            written += chunk.length
            if (!req.write(chunk)) return void req.once('drain', pump)
          }
          req.end()
        }
        pump()
      })
      expect(outcome.status).toBe(413)
      expect(JSON.parse(outcome.body)).toMatchObject({ code: 'FILE_TOO_LARGE' })
      expect(outcome.written).toBeLessThan(50 * 1024 * 1024)
      await expectNothingLeft()
    })

    it('leaves nothing when the client goes away in the middle of an upload', async () => {
      const url = new URL(server.url)
      const { contentType } = multipartBody([])
      const boundary = contentType.split('boundary=')[1]
      const req = httpRequest({ host: url.hostname, port: url.port, method: 'POST', path: '/api/uploads', headers: { 'content-type': contentType, ...auth(alice) } })
      req.on('error', () => {})
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`)
      req.write(paddedJpeg(2 * 1024 * 1024))
      // Wait until the BFF has started writing the temporary file, then hang up.
      for (let i = 0; i < 200 && !(await filesUnder(join(dir, 'incoming'))).length; i++) await new Promise((r) => setTimeout(r, 10))
      req.destroy()
      for (let i = 0; i < 200 && (await leftovers()).incoming > baseline.incoming; i++) await new Promise((r) => setTimeout(r, 10))
      await expectNothingLeft()
    })

    it('refuses without a session, with 401', async () => {
      const res = await upload(undefined, [file('a.png', pngBytes())])
      expect(res.statusCode).toBe(401)
      expect(res.json<Problem>().code).toBe('UNAUTHENTICATED')
      await expectNothingLeft()
    })

    it('refuses a request without a file part, a second file, and a malformed item code', async () => {
      expect((await upload(alice, [{ name: 'materialId', value: 'x' }])).json<Problem>()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'file', message: '请选择要上传的文件' }] })
      expect((await upload(alice, [file('a.png', pngBytes()), file('b.png', pngBytes())])).statusCode).toBe(400)
      expect((await upload(alice, [file('a.png', pngBytes()), { name: 'itemCode', value: '../x' }])).json<Problem>()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'itemCode' }] })
      const notMultipart = await server.app.inject({ method: 'POST', url: '/api/uploads', payload: { file: 'x' }, headers: auth(alice) })
      expect(notMultipart.json<Problem>().code).toBe('UNSUPPORTED_MEDIA_TYPE')
      await expectNothingLeft()
    })
  })

  it('deletes an upload for its owner only, and not once a case uses it', async () => {
    const up = (await upload(alice, [file('a.png', pngBytes())])).json<UploadedFile>()
    const before = await leftovers()
    const byBob = await server.app.inject({ method: 'DELETE', url: `/api/uploads/${up.id}`, headers: auth(bob) })
    expect(byBob.statusCode).toBe(404)
    expect(byBob.json<Problem>().code).toBe('UPLOAD_NOT_FOUND')
    expect(await leftovers()).toEqual(before)

    const mine = await server.app.inject({ method: 'DELETE', url: `/api/uploads/${up.id}`, headers: auth(alice) })
    expect(mine.statusCode).toBe(204)
    expect((await server.app.inject({ url: `/api/uploads/${up.id}`, headers: auth(alice) })).statusCode).toBe(404)
    const after = await leftovers()
    expect(after.rows).toBe(before.rows - 1)
    expect(storedCount(after)).toBe(storedCount(before) - 1)

    const used = (await upload(alice, [file('b.png', pngBytes())])).json<UploadedFile>()
    const accountId = (await server.app.inject({ url: '/api/me', headers: auth(alice) })).json<{ id: string }>().id
    await database.db.transaction(async (tx) => {
      const [{ id: caseId }] = await tx.query<{ id: string }>(
        `insert into cases (case_no, item_code, account_id, form_version, form, form_values, answers, materials, delivery)
         values ($1, 'SJ-0001', $2, 1, '{}', '{}', '{}', '[]', 'pickup') returning id`, [`SJ-0001-20261123-${Date.now() % 1e8}`, accountId],
      ) as [{ id: string }]
      expect((await uploadsRepo(tx).ownedBy(accountId, [used.id, up.id, 'not-a-uuid'])).map((r) => r.id)).toEqual([used.id])
      expect(await uploadsRepo(tx).attachToCase(accountId, [used.id], caseId)).toBe(1)
      expect(await uploadsRepo(tx).attachToCase(accountId, [used.id], caseId)).toBe(0)
    })
    const refused = await server.app.inject({ method: 'DELETE', url: `/api/uploads/${used.id}`, headers: auth(alice) })
    expect(refused.statusCode).toBe(409)
    expect(refused.json<Problem>().code).toBe('UPLOAD_IN_USE')
  })
})

describe('UPLOAD_STORE=s3 without S3_ENDPOINT (embedded default)', () => {
  it('starts a local fake S3 server and keeps the files there', async () => {
    const { loadConfig } = await import('../../config')
    const server = await startTestServer({ config: { uploads: { ...loadConfig({}).uploads, store: 's3', ratePerMinute: 1000 }, s3: loadConfig({ UPLOAD_STORE: 's3' }).s3 } })
    try {
      const { token } = await signInCitizen(server.app, '13911110009', '10.71.0.9')
      const { body, contentType } = multipartBody([file('p.jpg', PHOTO_JPEG)])
      const res = await server.app.inject({ method: 'POST', url: '/api/uploads', payload: body, headers: { 'content-type': contentType, authorization: `Bearer ${token}` } })
      expect(res.statusCode).toBe(201)
      const got = await server.app.inject({ url: `/api/uploads/${res.json<UploadedFile>().id}`, headers: { authorization: `Bearer ${token}` } })
      expect(got.rawPayload.equals(PHOTO_JPEG)).toBe(true)
    } finally {
      await server.close()
    }
  })
})

describe('upload limits per citizen', () => {
  let server: TestServer
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tongban-upload-limits-'))
    server = await startTestServer({ config: { uploads: { store: 'disk', dir, ratePerMinute: 3, quotaBytes: 2_500, retentionDays: 30 } } })
  })
  afterAll(async () => {
    await server?.close()
    await rm(dir, { recursive: true, force: true })
  })
  const upload = (token: string) => {
    const { body, contentType } = multipartBody([file('p.jpg', PHOTO_JPEG)])
    return server.app.inject({ method: 'POST', url: '/api/uploads', payload: body, headers: { 'content-type': contentType, authorization: `Bearer ${token}` } })
  }

  it('refuses uploads past the quota of not-yet-submitted files, keeping nothing of the refused one', async () => {
    const { token } = await signInCitizen(server.app, '13911110001', '10.71.0.1')
    expect((await upload(token)).statusCode).toBe(201)
    expect((await upload(token)).statusCode).toBe(201)
    const third = await upload(token)
    expect(third.statusCode).toBe(413)
    expect(third.json<Problem>().code).toBe('UPLOADS_QUOTA_EXCEEDED')
    expect(await filesUnder(join(dir, 'files'))).toHaveLength(2)
    expect(await filesUnder(join(dir, 'incoming'))).toHaveLength(0)
  })

  it('limits the number of uploads a minute per citizen, not per address', async () => {
    const a = await signInCitizen(server.app, '13911110002', '10.71.0.2')
    const b = await signInCitizen(server.app, '13911110003', '10.71.0.2')
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await upload(a.token)).statusCode)
    // a's quota allows two; the third is over quota, the fourth over the rate.
    expect(statuses).toEqual([201, 201, 413, 429])
    expect((await upload(b.token)).statusCode).toBe(201)
  })
})
