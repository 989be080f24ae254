/**
 * The catalogue's routes: search and filter items, one guide (办事指南),
 * the whole snapshot for offline search, halls, departments, and checking
 * a draft of an item's form with the same rules the phone runs.
 */
import { HALL_LEVELS, LIFE_EVENTS } from '../../catalogue/labels'
import type { Item, ItemKind, OnlineDepth } from '../../catalogue/types'
import type { FormIssue } from '../../forms/validate'
import type { FormValues } from '../../forms/schema'
import { defineRoutes } from '../contract/contract'
import { Bool, Dict, Enum, Int, ItemCode, ItemCodeParams, Json, List, Num, Obj, Optional, Str, Unsafe, type Static } from '../contract/schema'
import { MATERIAL_ID_PATTERN } from '../contract/patterns'

import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, MAX_SEARCH_LENGTH } from './limits'

export * from './limits'

export const itemListQuerySchema = Obj({
  q: Optional(Str({ maxLength: MAX_SEARCH_LENGTH })),
  level: Optional(Enum(HALL_LEVELS)),
  department: Optional(Str({ pattern: '^[A-Za-z0-9_-]{1,32}$' })),
  lifeEvent: Optional(Enum(LIFE_EVENTS)),
  // The BFF fills in what the caller left out.
  page: Optional(Int(1, MAX_PAGE, { default: 1 })),
  pageSize: Optional(Int(1, MAX_PAGE_SIZE, { default: DEFAULT_PAGE_SIZE })),
})
export type ItemListQuery = Static<typeof itemListQuerySchema>

/** Chinese messages per query field, used when a value fails the schema. */
export const ITEM_QUERY_MESSAGES: Record<keyof ItemListQuery, string> = {
  q: `搜索内容不能超过${MAX_SEARCH_LENGTH}个字`,
  level: '层级只能是市级、区县级、乡镇（街道）或村（社区）',
  department: '部门编码格式不正确',
  lifeEvent: '没有这个生活事件分类',
  page: `页码必须是1到${MAX_PAGE}之间的整数`,
  pageSize: `每页条数必须是1到${MAX_PAGE_SIZE}之间的整数`,
}

const ITEM_KINDS = ['licence', 'confirmation', 'benefit', 'public_service', 'other'] as const satisfies readonly ItemKind[]
const ONLINE_DEPTHS = ['info', 'download', 'pre_review', 'full_online'] as const satisfies readonly OnlineDepth[]

export const departmentSchema = Obj({ code: Str(), name: Str() })
export const hallSchema = Obj({
  id: Str(), name: Str(), level: Enum(HALL_LEVELS), regionCode: Str(), address: Str(), hours: Str(), phone: Str(),
  lat: Optional(Num(-90, 90)), lng: Optional(Num(-180, 180)),
})

export const itemSummarySchema = Obj({
  code: Str(), name: Str(), kind: Enum(ITEM_KINDS), aliases: List(Str()), lifeEvents: List(Enum(LIFE_EVENTS)),
  department: departmentSchema, levels: List(Enum(HALL_LEVELS)), visits: Int(0, 99), onlineDepth: Enum(ONLINE_DEPTHS),
  promisedDays: Int(0, 9999), materialNames: List(Str()),
})

export const itemPageSchema = Obj({
  items: List(itemSummarySchema),
  total: Int(0, 1_000_000),
  page: Int(1, MAX_PAGE),
  pageSize: Int(1, MAX_PAGE_SIZE),
  /** With a search: why each listed item matched (field and the text that matched). */
  matches: Optional(Dict(Obj({ field: Enum(['name', 'alias', 'department', 'material']), text: Str() }))),
})
export type ItemPage = Static<typeof itemPageSchema>

export const catalogueSnapshotSchema = Obj({
  items: List(itemSummarySchema),
  departments: List(departmentSchema),
  halls: List(hallSchema),
  /** Changes whenever any item changes; clients key their cache on it. */
  version: Str(),
})
export type CatalogueSnapshot = Static<typeof catalogueSnapshotSchema>

export type ItemGuide = Item

/** A draft of an item's application form, checked by the BFF with the same validateForm. */
export const checkFormBodySchema = Obj({
  values: Json<FormValues>('申请表的填写内容'),
  answers: Optional(Json<Record<string, string | string[]>>('办事情形的回答')),
})

const formIssueSchema = Obj({
  path: Str(), code: Unsafe<FormIssue['code']>({ type: 'string' }), message: Str(),
  params: Optional(Dict(Unsafe<string | number>({ type: ['string', 'number'] }))),
})

/** The verdict on a draft, as validateForm gives it. */
export const formResultSchema = Obj({
  ok: Bool(),
  issues: List(formIssueSchema),
  values: Json<FormValues>('规范化后的可见字段'),
  visible: List(Str()),
  required: List(Str()),
  /** The fields that must hold the applicant's own 实名 now (identity/applicant.ts). */
  applicant: List(Obj({ path: Str(), key: Enum(['name', 'idNumber']), label: Str() })),
})

/** One material of one item: whose blank form to download. */
const blankFormParams = Obj({ code: ItemCode(), materialId: Str({ pattern: MATERIAL_ID_PATTERN }) }, { additionalProperties: true })

export const catalogueRoutes = defineRoutes('catalogue', {
  listItems: {
    method: 'GET', path: '/api/items', access: 'public', summary: '搜索和筛选事项',
    query: itemListQuerySchema, response: itemPageSchema, messages: ITEM_QUERY_MESSAGES, problems: { q: 'QUERY_TOO_LONG' }, cache: 'none',
  },
  snapshot: {
    method: 'GET', path: '/api/catalogue', access: 'public', summary: '全部事项摘要、部门和大厅（供离线搜索）',
    response: catalogueSnapshotSchema, cache: 'guide',
  },
  guide: {
    method: 'GET', path: '/api/items/:code', access: 'public', summary: '办事指南',
    params: ItemCodeParams, response: Json<ItemGuide>('事项的全部要素'), messages: { code: '事项编码格式不正确' }, problems: { code: 'ITEM_NOT_FOUND' }, cache: 'guide',
  },
  // The blank form a guide promises (网上下载): a PDF rendered from the guide, as public and as cacheable as the guide itself (ETag per version).
  blankForm: {
    method: 'GET', path: '/api/items/:code/blank-forms/:materialId', access: 'public', summary: '下载空白表格（PDF，A4，打印后填写）',
    params: blankFormParams, binary: 'application/pdf', messages: { code: '事项编码格式不正确', materialId: '材料编号格式不正确' },
    problems: { code: 'ITEM_NOT_FOUND', materialId: 'BLANK_FORM_NOT_FOUND' }, cache: 'guide',
  },
  halls: { method: 'GET', path: '/api/halls', access: 'public', summary: '服务大厅', response: List(hallSchema), cache: 'none' },
  departments: { method: 'GET', path: '/api/departments', access: 'public', summary: '实施部门', response: List(departmentSchema), cache: 'none' },
  checkForm: {
    method: 'POST', path: '/api/items/:code/form/check', access: 'citizen', summary: '检查申请表（与手机端同一校验规则）',
    params: ItemCodeParams, body: checkFormBodySchema,
    response: formResultSchema,
    messages: { code: '事项编码格式不正确', values: '申请表内容格式不正确' }, problems: { code: 'ITEM_NOT_FOUND' }, cache: 'no-store',
  },
})

