/**
 * A small catalogue built from the core's types, for the local fake BFF:
 * 居民身份证换领 with its situations, and two more items.
 */
import { toSummary, type CatalogueSnapshot, type Department, type Hall, type Item } from '@tongban/core'

const police: Department = { code: 'gaj', name: '市公安局' }
const hrss: Department = { code: 'rsj', name: '市人力资源和社会保障局' }

export const HALLS: Hall[] = [
  {
    id: 'hall-city', name: '市政务服务中心', level: 'city', regionCode: '330100',
    address: '市民中心B座一楼', hours: '工作日 9:00-17:00', phone: '0571-12345678', lat: 30.25, lng: 120.21,
  },
]

export const ID_CARD_RENEWAL: Item = {
  code: 'GA-SFZ-002',
  name: '居民身份证换领',
  kind: 'public_service',
  aliases: ['身份证到期换证', '换身份证'],
  lifeEvents: ['identity'],
  subjects: ['person'],
  department: police,
  levels: ['district', 'township'],
  legalBasis: [{ law: '中华人民共和国居民身份证法', article: '第五条', text: '居民身份证有效期届满应当换领。' }],
  conditions: ['居民身份证有效期满或临近期满（三个月内）'],
  materials: [
    { id: 'old-card', name: '原居民身份证', forms: ['original'], copies: 1, requirement: 'required', source: 'government', sourceNote: '公安机关核发' },
    { id: 'photo', name: '数码相片回执', forms: ['original'], copies: 1, requirement: 'required', source: 'intermediary' },
    { id: 'hukou', name: '居民户口簿', forms: ['original'], copies: 1, requirement: 'conditional', condition: '户籍不在本市的', source: 'government' },
    { id: 'proxy', name: '委托书', forms: ['original'], copies: 1, requirement: 'conditional', condition: '委托他人代办的', source: 'applicant' },
  ],
  situations: [
    {
      id: 'residence', question: '您的户籍在本市吗？',
      options: [
        { value: 'local', label: '是，本市户籍' },
        { value: 'other', label: '不是，外地户籍', effects: [{ op: 'add', materialId: 'hukou' }] },
      ],
    },
    {
      id: 'who', question: '谁来办理？',
      options: [
        { value: 'self', label: '本人办理' },
        { value: 'proxy', label: '委托他人代办', effects: [{ op: 'add', materialId: 'proxy' }] },
      ],
    },
  ],
  steps: [{ name: '受理', description: '窗口核验材料，采集指纹' }, { name: '制证', description: '公安机关制作证件' }],
  handlingType: 'promised',
  statutoryDays: 60,
  promisedDays: 20,
  fee: { free: false, items: [{ name: '工本费', amount: '20元/证', basis: '价格主管部门核定' }] },
  visits: 1,
  onlineDepth: 'pre_review',
  appointment: true,
  deliveryOptions: ['self', 'deliver_result'],
  locations: [{ hallId: 'hall-city', window: '公安综合窗口' }],
  consultPhone: '0571-87000000',
  complaintPhone: '12345',
  result: { name: '中华人民共和国居民身份证' },
  faq: [{ q: '换证期间怎么办？', a: '可申领临时居民身份证。' }],
  updatedAt: '2026-01-05T08:00:00.000Z',
}

const SOCIAL_CARD: Item = {
  ...ID_CARD_RENEWAL,
  code: 'RS-SBK-001',
  name: '社会保障卡申领',
  aliases: ['社保卡'],
  lifeEvents: ['social_security'],
  department: hrss,
  materials: [ID_CARD_RENEWAL.materials[0]!],
  situations: [],
}

export const ITEMS: Item[] = [ID_CARD_RENEWAL, SOCIAL_CARD]

export function snapshot(): CatalogueSnapshot {
  return { items: ITEMS.map(toSummary), departments: [police, hrss], halls: HALLS, version: 'fixture-1' }
}
