/**
 * The approval-system contract as OpenAPI 3.1, built from the same schemas
 * the code uses, and kept in server/openapi/approval-backend.json (a test
 * fails when the file and the code disagree; `node --import tsx
 * server/src/backend/http/openapi.ts` rewrites it).
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DOWNLOAD_TTL_SECONDS, REPLAY_WINDOW_SECONDS, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookEventSchema } from './contract'

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const

export const handoverCaseSchema = {
  type: 'object',
  required: ['caseNo', 'itemCode', 'itemName', 'departments', 'acceptedAt', 'acceptedDay', 'decisionDeadline', 'promisedDays', 'statutoryDays', 'form', 'materials'],
  properties: {
    caseNo: { type: 'string', description: '办件编号 <item>-<YYYYMMDD>-<seq>; also the Idempotency-Key' },
    itemCode: { type: 'string' },
    itemName: { type: 'string' },
    departments: {
      type: 'array', minItems: 1, description: 'Departments that handle it; more than one is joint handling (Art. 26)',
      items: { type: 'object', required: ['code', 'name'], properties: { code: { type: 'string' }, name: { type: 'string' } } },
    },
    acceptedAt: { type: 'string', format: 'date-time' },
    acceptedDay: { ...day, description: 'Asia/Shanghai date the decision clock started' },
    decisionDeadline: { anyOf: [day, { type: 'null' }], description: 'The working-day deadline our clock computed' },
    promisedDays: { type: 'integer', minimum: 0 },
    statutoryDays: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }] },
    form: { type: 'object', required: ['version', 'values'], properties: { version: { type: 'integer' }, values: { type: 'object' } } },
    materials: {
      type: 'array',
      items: {
        type: 'object', required: ['field', 'label', 'kind', 'title'],
        properties: {
          field: { type: 'string' }, label: { type: 'string' }, kind: { enum: ['upload', 'eLicence'] }, title: { type: 'string' },
          download: {
            type: 'object', required: ['url', 'expiresAt'], description: 'Uploads only: GET the url (no other credentials) before expiresAt; 403 DOWNLOAD_EXPIRED after',
            properties: { url: { type: 'string', format: 'uri' }, expiresAt: { type: 'string', format: 'date-time' } },
          },
        },
      },
    },
  },
} as const

const problem = { $ref: '#/components/schemas/Problem' }
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problem } } })

export function approvalOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: '通办 ⇄ 审批系统 接口约定 (Tongban approval-system contract)',
      version: '1.0.0',
      description: [
        'Tongban hands an accepted case (受理) to an existing approval system and learns of its departments\' work by webhook.',
        `Webhooks are signed: \`${TIMESTAMP_HEADER}\` is Unix seconds, \`${SIGNATURE_HEADER}\` is \`v1=\` + hex HMAC-SHA256(secret, timestamp + "." + raw body).`,
        `A timestamp more than ${REPLAY_WINDOW_SECONDS} s from Tongban's clock is refused; an event id already acted on is answered 200 with duplicate=true and changes nothing.`,
        'Statuses are absolute: a branch is moved forward to the reported status (a skipped step is filled in, a status already passed adds nothing).',
        'A handover is tried again after 408, 429, 5xx or no answer, with back-off, up to 8 times; other 4xx are final and shown to staff.',
        `Each uploaded material has download.url: GET /api/backend/files/{caseNo}/{fileId}?expires=&signature= on Tongban, signature = hex HMAC-SHA256(webhook secret, "download." + caseNo + "." + fileId + "." + expires), valid ${DOWNLOAD_TTL_SECONDS / 86400} days from the handover being sent (a retried handover carries fresh links).`,
      ].join('\n\n'),
    },
    servers: [{ url: '{approvalBaseUrl}', variables: { approvalBaseUrl: { default: 'https://approval.example.gov.cn/api' } } }],
    paths: {
      '/cases': {
        post: {
          operationId: 'handoverCase',
          summary: '接收已受理的办件 (implemented by the approval system)',
          security: [{ bearer: [] }],
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' }, description: 'The case number; a second delivery answers 200 with the same externalId' }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/HandoverCase' } } } },
          responses: {
            201: { description: 'Taken', content: { 'application/json': { schema: { $ref: '#/components/schemas/HandoverReceipt' } } } },
            200: { description: 'Already held (same externalId)', content: { 'application/json': { schema: { $ref: '#/components/schemas/HandoverReceipt' } } } },
            400: problemResponse('Malformed request or Idempotency-Key not the case number (final)'),
            401: problemResponse('Bad token (final)'),
            422: problemResponse('Incomplete case (final)'),
            429: problemResponse('Slow down (tried again)'),
            503: problemResponse('Unavailable (tried again)'),
          },
        },
      },
    },
    webhooks: {
      caseProgress: {
        post: {
          operationId: 'caseProgressWebhook',
          summary: '办理进度回调 — POST /api/backend/webhook on Tongban',
          parameters: [
            { name: TIMESTAMP_HEADER, in: 'header', required: true, schema: { type: 'string', pattern: '^\\d{1,12}$' } },
            { name: SIGNATURE_HEADER, in: 'header', required: true, schema: { type: 'string', pattern: '^v1=[0-9a-f]{64}$' } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookEvent' } } } },
          responses: {
            200: { description: 'Acted on, or seen before (duplicate=true)', content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookReceipt' } } } },
            400: problemResponse('Body not valid, or a department the case does not have'),
            401: problemResponse('WEBHOOK_UNSIGNED, WEBHOOK_FORGED or WEBHOOK_STALE'),
            403: problemResponse('Not allowed for that department'),
            404: problemResponse('CASE_NOT_FOUND (or WEBHOOK_NOT_ENABLED when Tongban runs the builtin backend)'),
            409: problemResponse('ILLEGAL_TRANSITION: the case is not in a state for it (e.g. not accepted, already decided)'),
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'APPROVAL_API_TOKEN' } },
      schemas: {
        HandoverCase: handoverCaseSchema,
        HandoverReceipt: { type: 'object', required: ['externalId'], properties: { externalId: { type: 'string', minLength: 1 } } },
        WebhookEvent: {
          ...webhookEventSchema,
          description: 'type branch.status needs department and status (denied also opinion and basis; suspended also procedure, reason and expectedEnd); case.extended needs days and reason',
        },
        WebhookReceipt: {
          type: 'object', required: ['id', 'duplicate', 'applied', 'status'],
          properties: { id: { type: 'string' }, duplicate: { type: 'boolean' }, applied: { type: 'array', items: { type: 'string' } }, status: { type: 'string' } },
        },
        Problem: {
          type: 'object', required: ['type', 'title', 'status'],
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' }, detail: { type: 'string' } },
        },
      },
    },
  }
}

export const OPENAPI_FILE = fileURLToPath(new URL('../../../openapi/approval-backend.json', import.meta.url))

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_FILE, `${JSON.stringify(approvalOpenApi(), null, 2)}\n`)
  console.log(`wrote ${OPENAPI_FILE}`)
}
