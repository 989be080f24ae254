/**
 * Cases (API.cases): submitting once (Idempotency-Key), by the citizen or
 * by an agent with the resident's consent; 补正 and 撤回; 我的办件 and one
 * case; 办件查询 without signing in. Drafts kept across devices
 * (API.drafts). The staff workbench's cases (API.workbench): the queue, one
 * case with what this person may do now, and doing it.
 */
import { MAX_OPINION_LENGTH } from '../../cases/opinions'
import { staffAccess } from '../../staff/capabilities'
import { defineRoutes } from '../contract/contract'
import { CaseNoParams, Int, ItemCodeParams, List, Obj, Optional } from '../contract/schema'
import { staffCaseEventBodySchema } from './events'
import { MAX_QUEUE_OFFSET, STAFF_QUEUE_PAGE } from './limits'
import { PUBLIC_QUERY_MESSAGES, publicQuerySchema } from './query'
import { CASE_SEARCH_MESSAGE, caseSearchQuerySchema, caseSearchResultSchema } from './search'
import {
  idempotencyHeadersSchema, resubmitCaseBodySchema, SAVE_DRAFT_MESSAGES, saveDraftBodySchema, SUBMIT_MESSAGES, submitCaseBodySchema, withdrawCaseBodySchema,
} from './requests'
import { caseDetailSchema, caseSummarySchema, draftRecordSchema, publicCaseViewSchema, staffCaseDetailSchema, staffCaseSummarySchema } from './views'

export * from './limits'
export * from './labels'
export * from './views'
export * from './requests'
export * from './events'
export * from './query'
export * from './search'

/** A malformed case number in a path names no case. */
const caseNoProblems = { caseNo: 'CASE_NOT_FOUND' } as const
/** Submissions wait longer: the materials are checked and the case written in one go. */
const SUBMIT_TIMEOUT_MS = 30_000

export const casesRoutes = defineRoutes('cases', {
  submit: {
    method: 'POST', path: '/api/cases', access: 'citizen', summary: '提交申请（同一 Idempotency-Key 只生成一个办件）',
    headers: idempotencyHeadersSchema, body: submitCaseBodySchema, response: caseDetailSchema, messages: SUBMIT_MESSAGES,
    cache: 'no-store', timeoutMs: SUBMIT_TIMEOUT_MS,
  },
  agentSubmit: {
    method: 'POST', path: '/api/agent/cases', access: staffAccess('applyForOthers'), summary: '代办员为授权群众提交申请（同一 Idempotency-Key 只生成一个办件）',
    headers: idempotencyHeadersSchema, body: submitCaseBodySchema, response: caseDetailSchema, messages: SUBMIT_MESSAGES,
    cache: 'no-store', timeoutMs: SUBMIT_TIMEOUT_MS,
  },
  resubmit: {
    method: 'POST', path: '/api/cases/:caseNo/resubmit', access: 'citizen', summary: '补正后重新提交（与申请时同一校验）',
    params: CaseNoParams, body: resubmitCaseBodySchema, response: caseDetailSchema,
    messages: { values: '申请表内容格式不正确', version: '请刷新后再提交' }, problems: caseNoProblems, cache: 'none',
  },
  withdraw: {
    method: 'POST', path: '/api/cases/:caseNo/withdraw', access: 'citizen', summary: '受理前撤回申请',
    params: CaseNoParams, body: withdrawCaseBodySchema, response: caseDetailSchema,
    messages: { version: '请刷新后再操作', reason: '撤回原因太长了' }, problems: caseNoProblems, cache: 'none',
  },
  // The BFF also limits it per address and per case number (PUBLIC_QUERY_*).
  publicQuery: {
    method: 'GET', path: '/api/query', access: 'public', summary: '办件查询（办件编号 + 手机号后4位，不含个人信息）',
    query: publicQuerySchema, response: publicCaseViewSchema, messages: PUBLIC_QUERY_MESSAGES, cache: 'no-store',
  },
  mine: {
    method: 'GET', path: '/api/me/cases', access: 'citizen', summary: '我的办件', response: List(caseSummarySchema), cache: 'personal',
  },
  get: {
    method: 'GET', path: '/api/cases/:caseNo', access: 'citizen', summary: '办件详情（按提交时的内容）',
    params: CaseNoParams, response: caseDetailSchema, problems: caseNoProblems, cache: 'personal',
  },
})

export const draftsRoutes = defineRoutes('drafts', {
  list: { method: 'GET', path: '/api/me/drafts', access: 'citizen', summary: '我的草稿（云端）', response: List(draftRecordSchema), cache: 'personal' },
  save: {
    method: 'PUT', path: '/api/me/drafts/:code', access: 'citizen', summary: '保存草稿（较新的一份为准）',
    params: ItemCodeParams, body: saveDraftBodySchema, response: draftRecordSchema,
    messages: SAVE_DRAFT_MESSAGES, problems: { code: 'ITEM_NOT_FOUND' }, cache: 'none',
  },
  remove: {
    method: 'DELETE', path: '/api/me/drafts/:code', access: 'citizen', summary: '删除草稿',
    params: ItemCodeParams, noContent: true, problems: { code: 'ITEM_NOT_FOUND' }, cache: 'none',
  },
})


export const workbenchRoutes = defineRoutes('workbench', {
  // The person's desks, most urgent first, a page at a time.
  cases: {
    method: 'GET', path: '/api/staff/cases', access: staffAccess('workCases'), summary: `工作台：我要办理的办件（按红黄绿灯排序，每页${STAFF_QUEUE_PAGE}件，offset 翻页）`,
    query: Obj({ offset: Optional(Int(0, MAX_QUEUE_OFFSET)) }, { additionalProperties: true }),
    response: List(staffCaseSummarySchema), messages: { offset: '页码不正确' }, cache: 'personal',
  },
  // Exact matches only, each look written to the access log the citizen sees (谁查看了我的信息).
  search: {
    method: 'GET', path: '/api/staff/search', access: staffAccess('workCases'), summary: '工作台：按办件编号、手机号码或姓名查找办件（每次查找留痕，群众可见）',
    query: caseSearchQuerySchema, response: caseSearchResultSchema, messages: { q: CASE_SEARCH_MESSAGE }, cache: 'no-store',
  },
  case: {
    method: 'GET', path: '/api/staff/cases/:caseNo', access: staffAccess('workCases'), summary: '工作台：办件详情与可进行的操作',
    params: CaseNoParams, response: staffCaseDetailSchema, problems: caseNoProblems, cache: 'personal',
  },
  event: {
    method: 'POST', path: '/api/staff/cases/:caseNo/events', access: staffAccess('workCases'),
    summary: '工作台：对办件进行操作（受理、补正、不予受理、承办、审核、审批、暂停、延期、办结）',
    params: CaseNoParams, body: staffCaseEventBodySchema, response: staffCaseDetailSchema,
    messages: { type: '不认识的办理操作', version: '请刷新后再操作', opinion: `意见最多${MAX_OPINION_LENGTH}字`, toApplicant: `告知申请人的内容最多${MAX_OPINION_LENGTH}字` },
    problems: caseNoProblems, cache: 'none',
  },
})
