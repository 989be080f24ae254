/**
 * Small builders shared by the item files, so that the same paper (居民身份证,
 * 授权委托书 …) reads the same everywhere and the item files stay readable.
 */
import type { HallLevel, ItemLocation, Material, Situation } from '@tongban/core'
import { HALL, type HallKey } from './halls'

type MaterialExtra = Partial<Omit<Material, 'id' | 'name'>>

/** A material: by default one original, required, brought by the applicant. */
export function mat(id: string, name: string, extra: MaterialExtra = {}): Material {
  return { id, name, forms: ['original'], copies: 1, requirement: 'required', source: 'applicant', ...extra }
}

/** A form the applicant fills in (blank form and sample available online or at the window). */
export function form(id: string, name: string, extra: MaterialExtra = {}): Material {
  return mat(id, name, {
    source: 'government',
    sourceNote: '窗口领取或网上下载，申请人填写并签字',
    paperSize: 'A4',
    ...extra,
  })
}

export function idCard(extra: MaterialExtra & { id?: string; name?: string } = {}): Material {
  const { id = 'id-card', name = '申请人居民身份证', ...rest } = extra
  return mat(id, name, {
    source: 'government',
    sourceNote: '公安机关核发',
    eLicenceType: '居民身份证',
    ...rest,
  })
}

export function hukouBook(extra: MaterialExtra & { id?: string; name?: string } = {}): Material {
  const { id = 'hukou-book', name = '居民户口簿', ...rest } = extra
  return mat(id, name, {
    source: 'government',
    sourceNote: '公安机关核发',
    eLicenceType: '居民户口簿',
    ...rest,
  })
}

export function businessLicence(extra: MaterialExtra & { id?: string; name?: string } = {}): Material {
  const { id = 'business-licence', name = '营业执照', ...rest } = extra
  return mat(id, name, {
    forms: ['copy'],
    source: 'government',
    sourceNote: '市场监督管理部门核发',
    eLicenceType: '营业执照',
    notes: '已实现信息共享的，窗口可直接调取，无需提交',
    ...rest,
  })
}

/** 授权委托书 and the agent's ID: conditional, brought in by `proxySituation`. */
export function proxyMaterials(condition = '委托他人代为办理的'): Material[] {
  return [
    mat('proxy-letter', '授权委托书', {
      requirement: 'conditional',
      condition,
      sourceNote: '委托人签字；单位委托的加盖单位公章',
      paperSize: 'A4',
    }),
    idCard({ id: 'agent-id', name: '受托人居民身份证', requirement: 'conditional', condition }),
  ]
}

export function proxySituation(question = '是否委托他人代为办理？', selfLabel = '本人办理'): Situation {
  return {
    id: 'proxy',
    question,
    options: [
      { value: 'self', label: selfLabel },
      {
        value: 'agent',
        label: '委托他人代办',
        effects: [
          { op: 'add', materialId: 'proxy-letter' },
          { op: 'add', materialId: 'agent-id' },
        ],
      },
    ],
  }
}

const LEVEL_ORDER: HallLevel[] = ['city', 'district', 'township', 'village']

/**
 * Where an item is handled: every hall of the given levels (optionally only
 * the listed halls), each with the window named for its level.
 * Spread the result into the item: `...where({ district: '公安户政窗口' })`.
 */
export function where(
  windows: Partial<Record<HallLevel, string>>,
  only?: HallKey[],
): { levels: HallLevel[]; locations: ItemLocation[] } {
  const levels = LEVEL_ORDER.filter((l) => windows[l] !== undefined)
  const locations: ItemLocation[] = []
  for (const level of levels) {
    for (const [key, hall] of Object.entries(HALL) as [HallKey, (typeof HALL)[HallKey]][]) {
      if (hall.level !== level) continue
      if (only && !only.includes(key)) continue
      locations.push({ hallId: hall.id, window: windows[level] })
    }
  }
  return { levels, locations }
}

type Named = MaterialExtra & { id?: string; name?: string }

export function photo(extra: Named = {}): Material {
  const { id = 'photo', name = '本人近期免冠彩色照片', ...rest } = extra
  return mat(id, name, {
    forms: ['electronic'],
    source: 'other',
    sourceNote: '窗口现场免费采集，或由具备相片采集资质的照相馆上传',
    ...rest,
  })
}

export function residencePermit(condition: string, extra: Named = {}): Material {
  const { id = 'residence-permit', name = '示例市居住证', ...rest } = extra
  return mat(id, name, {
    requirement: 'conditional',
    condition,
    source: 'government',
    sourceNote: '居住地公安机关核发',
    eLicenceType: '居住证',
    ...rest,
  })
}

export function marriageCert(condition: string, extra: Named = {}): Material {
  const { id = 'marriage-cert', name = '结婚证', ...rest } = extra
  return mat(id, name, {
    requirement: 'conditional',
    condition,
    source: 'government',
    sourceNote: '婚姻登记机关核发',
    eLicenceType: '结婚证',
    ...rest,
  })
}

export function propertyCert(condition: string, extra: Named = {}): Material {
  const { id = 'property-cert', name = '不动产权证书（房屋所有权证）', ...rest } = extra
  return mat(id, name, {
    requirement: 'conditional',
    condition,
    source: 'government',
    sourceNote: '不动产登记机构核发',
    eLicenceType: '不动产权证书',
    ...rest,
  })
}

export function disabilityCard(condition: string, extra: Named = {}): Material {
  const { id = 'disability-card', name = '中华人民共和国残疾人证', ...rest } = extra
  return mat(id, name, {
    requirement: 'conditional',
    condition,
    source: 'government',
    sourceNote: '县级残疾人联合会核发',
    eLicenceType: '残疾人证',
    ...rest,
  })
}
