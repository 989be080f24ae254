/**
 * The item (事项) model: every element of a published 办事指南, as data.
 * Guides are rows served by the BFF; both shells render them unchanged.
 */
import type { FormSchema } from '../forms/schema'

export type ItemKind = 'licence' | 'confirmation' | 'benefit' | 'public_service' | 'other'
export type HallLevel = 'city' | 'district' | 'township' | 'village'
export type Subject = 'person' | 'company'
export type MaterialForm = 'original' | 'copy' | 'electronic'
export type MaterialRequirement = 'required' | 'conditional' | 'optional'
export type MaterialSource = 'applicant' | 'government' | 'intermediary' | 'other'
/** 办件类型: 即办件 (done on the spot) or 承诺件 (promised time). */
export type HandlingType = 'immediate' | 'promised'
/** 网上办理深度, from "guide only" to "fully online". */
export type OnlineDepth = 'info' | 'download' | 'pre_review' | 'full_online'
export type DeliveryOption = 'self' | 'pickup_materials' | 'deliver_result' | 'both'
export type LifeEvent =
  | 'birth' | 'school' | 'employment' | 'marriage' | 'housing' | 'business'
  | 'retirement' | 'medical' | 'social_security' | 'disability' | 'rural' | 'travel'
  | 'death' | 'identity'

export interface Department {
  code: string
  name: string
}

export interface Hall {
  id: string
  name: string
  level: HallLevel
  /** GB/T 2260 region code of the district / township. */
  regionCode: string
  address: string
  hours: string
  phone: string
  /** WGS-84 coordinates for "navigate there". */
  lat?: number
  lng?: number
}

export interface LegalBasis {
  law: string
  article?: string
  text?: string
}

export interface Material {
  id: string
  name: string
  forms: MaterialForm[]
  copies: number
  paperSize?: string
  requirement: MaterialRequirement
  /** In words, when requirement is 'conditional' or 'optional' (e.g. "委托他人办理的"). */
  condition?: string
  source: MaterialSource
  /** e.g. "公安机关核发", "申请人自备". */
  sourceNote?: string
  /** Where its blank form downloads (a PDF the BFF renders, API.catalogue.blankForm), where the guide promises one (promisesBlankForm). */
  blankFormUrl?: string
  sampleUrl?: string
  /** A 承诺书's commitment, as printed on its blank form (one paragraph per entry). */
  commitment?: string[]
  /** The e-licence type that can replace this paper material, if any. */
  eLicenceType?: string
  notes?: string
}

/** What an answer does to the material list. */
export type MaterialEffect =
  | { op: 'add'; materialId: string }
  | { op: 'remove'; materialId: string }
  | { op: 'modify'; materialId: string; copies?: number; forms?: MaterialForm[]; note?: string }

export interface SituationOption {
  value: string
  label: string
  effects?: MaterialEffect[]
  /** A none-of-these answer (没有): ticking it clears the others, ticking another clears it. */
  exclusive?: boolean
  /** This answer means the citizen needs another item (仅销售预包装食品 → 备案, not 许可): the guide links it and offers no application here. */
  otherItem?: { code: string; name: string }
}

/** A 办事情形 question: its answer changes which materials apply. */
export interface Situation {
  id: string
  question: string
  help?: string
  /** Several options may be picked at once. */
  multiple?: boolean
  options: SituationOption[]
  /** Only asked when an earlier question was answered with one of these values. */
  showIf?: { situationId: string; values: string[] }
}

export interface FeeItem {
  name: string
  /** Amount in words as published, e.g. "20元/证". */
  amount: string
  basis?: string
}

export interface Fee {
  free: boolean
  items: FeeItem[]
}

export interface ProcessStep {
  name: string
  description: string
}

export interface Faq {
  q: string
  a: string
}

export interface ItemLocation {
  hallId: string
  window?: string
}

export interface Item {
  code: string
  name: string
  kind: ItemKind
  aliases: string[]
  lifeEvents: LifeEvent[]
  subjects: Subject[]
  department: Department
  /** 承办机构, when it differs from the deciding department. */
  undertaker?: string
  levels: HallLevel[]
  legalBasis: LegalBasis[]
  conditions: string[]
  materials: Material[]
  situations: Situation[]
  steps: ProcessStep[]
  handlingType: HandlingType
  /** 法定办结时限 in working days; null where the law sets none. */
  statutoryDays: number | null
  /** 承诺办结时限 in working days; 0 for 即办件. */
  promisedDays: number
  fee: Fee
  /** 到现场次数: 0 = fully online, 1 = 最多跑一次. */
  visits: number
  onlineDepth: OnlineDepth
  appointment: boolean
  deliveryOptions: DeliveryOption[]
  locations: ItemLocation[]
  consultPhone: string
  complaintPhone: string
  /** `eLicence`: the result is issued as an electronic licence into 我的证照 (电子证照), so it may be delivered that way. */
  result: { name: string; sampleUrl?: string; eLicence?: boolean }
  faq: Faq[]
  /** The application form (申请表) as data, for items that can be applied for online. */
  form?: FormSchema
  /** ISO timestamp of the last change; drives ETags and "stale" notices. */
  updatedAt: string
}

/** What lists and search need: small enough to cache the whole catalogue. */
export interface ItemSummary {
  code: string
  name: string
  kind: ItemKind
  aliases: string[]
  lifeEvents: LifeEvent[]
  department: Department
  levels: HallLevel[]
  visits: number
  onlineDepth: OnlineDepth
  promisedDays: number
  materialNames: string[]
}

export function toSummary(item: Item): ItemSummary {
  return {
    code: item.code,
    name: item.name,
    kind: item.kind,
    aliases: item.aliases,
    lifeEvents: item.lifeEvents,
    department: item.department,
    levels: item.levels,
    visits: item.visits,
    onlineDepth: item.onlineDepth,
    promisedDays: item.promisedDays,
    materialNames: item.materials.map((m) => m.name),
  }
}
