/** Chinese labels for the catalogue's code words: one table, used by both shells and the BFF. */
import type {
  DeliveryOption, HallLevel, HandlingType, ItemKind, LifeEvent, MaterialForm,
  MaterialSource, OnlineDepth, Subject,
} from './types'
import type { ItemPage } from '../api/catalogue/contracts'

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  licence: '行政许可',
  confirmation: '行政确认',
  benefit: '行政给付',
  public_service: '公共服务',
  other: '其他',
}

export const HALL_LEVEL_LABELS: Record<HallLevel, string> = {
  city: '市级',
  district: '区县级',
  township: '乡镇（街道）',
  village: '村（社区）',
}

export const HALL_LEVELS: HallLevel[] = ['city', 'district', 'township', 'village']

export const SUBJECT_LABELS: Record<Subject, string> = {
  person: '自然人',
  company: '法人',
}

export const MATERIAL_FORM_LABELS: Record<MaterialForm, string> = {
  original: '原件',
  copy: '复印件',
  electronic: '电子件',
}

export const MATERIAL_SOURCE_LABELS: Record<MaterialSource, string> = {
  applicant: '申请人自备',
  government: '政府部门核发',
  intermediary: '中介机构出具',
  other: '其他',
}

export const HANDLING_TYPE_LABELS: Record<HandlingType, string> = {
  immediate: '即办件',
  promised: '承诺件',
}

export const ONLINE_DEPTH_LABELS: Record<OnlineDepth, string> = {
  info: '网上咨询（仅提供办事指南）',
  download: '网上下载表格',
  pre_review: '网上预审，到现场一次',
  full_online: '全程网办',
}

export const DELIVERY_OPTION_LABELS: Record<DeliveryOption, string> = {
  self: '窗口自取',
  pickup_materials: 'EMS上门收取材料',
  deliver_result: 'EMS寄送办理结果',
  both: '材料收取和结果寄送',
}

export const LIFE_EVENT_LABELS: Record<LifeEvent, string> = {
  birth: '生育收养',
  school: '上学教育',
  employment: '就业创业',
  marriage: '婚姻登记',
  housing: '住房保障',
  business: '开办企业',
  retirement: '退休养老',
  medical: '医疗卫生',
  social_security: '社会保障',
  disability: '残疾人服务',
  rural: '农村事务',
  travel: '出行证件',
  death: '身后事',
  identity: '户籍身份',
}

export const LIFE_EVENTS = Object.keys(LIFE_EVENT_LABELS) as LifeEvent[]

export function visitsLabel(visits: number): string {
  if (visits === 0) return '零跑动（全程网办）'
  if (visits === 1) return '最多跑一次'
  return `到现场${visits}次`
}

/**
 * What applying online spares the citizen, beside the guide's 在线申请
 * button: the same visits as the guide's own 到现场次数 (visitsLabel), so
 * the button never says 不用跑窗口 where the guide says 最多跑一次.
 */
export function applyOnlineText(visits: number): string {
  if (visits === 0) return '在网上填写申请表、上传材料并提交，全程网办，不用跑窗口。'
  return `先在网上填写申请表并提交，窗口预审通过后${visitsLabel(visits)}，递交需要当面查验的原件。`
}

/**
 * A law's name as a guide prints it: in 《》 once. Names are published with
 * or without their 《》, some with a note after them (《…实施细则》（原卫生部令第80号）):
 * those already open with 《 are left as they are.
 */
export function lawTitle(law: string): string {
  const name = law.trim()
  return name.startsWith('《') ? name : `《${name}》`
}

/** A guide asked for with no network and no copy on the phone: say why, and what makes it readable offline. */
export const GUIDE_NOT_SAVED = '没有网络，这个事项的指南还没有保存到本机。联网后打开一次，以后没有网络也能看'

/** Why a search result matched (the query's hit in the item's text), as the list gives it. */
export type SearchMatch = NonNullable<ItemPage['matches']>[string]

const MATCH_FIELD_LABELS = { department: '部门', material: '所需材料' } as const

/**
 * The line under a search result that matched elsewhere than its own name:
 * `所需材料含“居民身份证”`, so a material's match is not taken for the item
 * itself. A match on the name or an alias needs no word (null).
 */
export function matchReason(match: SearchMatch | undefined): string | null {
  if (!match || (match.field !== 'department' && match.field !== 'material')) return null
  return `${MATCH_FIELD_LABELS[match.field]}含“${match.text}”`
}
