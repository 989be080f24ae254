/** A small item used by the core's tests: an ID card renewal with situations. */
import type { Item } from './types'

export function idCardItem(): Item {
  return {
    code: 'GA-0001',
    name: '居民身份证换领',
    kind: 'public_service',
    aliases: ['换身份证', '身份证到期'],
    lifeEvents: ['identity'],
    subjects: ['person'],
    department: { code: 'gaj', name: '示例市公安局' },
    levels: ['city', 'district'],
    legalBasis: [{ law: '《中华人民共和国居民身份证法》', article: '第十一条' }],
    conditions: ['居民身份证有效期满、证件损坏或登记项目有误的'],
    materials: [
      { id: 'old-card', name: '原居民身份证', forms: ['original'], copies: 1, requirement: 'required', source: 'government', eLicenceType: 'resident_id' },
      { id: 'hukou', name: '居民户口簿', forms: ['original'], copies: 1, requirement: 'conditional', condition: '未满十六周岁的', source: 'government' },
      { id: 'guardian-id', name: '监护人居民身份证', forms: ['original'], copies: 1, requirement: 'conditional', condition: '未满十六周岁的', source: 'government' },
      { id: 'residence-permit', name: '居住证', forms: ['original'], copies: 1, requirement: 'conditional', condition: '非本市户籍的', source: 'government' },
      { id: 'photo-receipt', name: '数码相片回执', forms: ['original'], copies: 1, requirement: 'required', source: 'intermediary' },
    ],
    situations: [
      {
        id: 'age', question: '申请人年龄', options: [
          { value: 'under16', label: '未满十六周岁', effects: [{ op: 'add', materialId: 'hukou' }, { op: 'add', materialId: 'guardian-id' }] },
          { value: 'adult', label: '十六周岁以上' },
        ],
      },
      {
        id: 'hukou-local', question: '是否本市户籍', options: [
          { value: 'yes', label: '是' },
          { value: 'no', label: '否', effects: [{ op: 'add', materialId: 'residence-permit' }] },
        ],
      },
      {
        id: 'photo', question: '是否已在照相馆拍照', showIf: { situationId: 'hukou-local', values: ['yes'] }, options: [
          { value: 'yes', label: '已拍照' },
          { value: 'no', label: '现场拍照', effects: [{ op: 'remove', materialId: 'photo-receipt' }] },
        ],
      },
    ],
    steps: [{ name: '申请', description: '到受理点提交材料' }],
    handlingType: 'promised',
    statutoryDays: 60,
    promisedDays: 20,
    fee: { free: false, items: [{ name: '换领工本费', amount: '20元/证' }] },
    visits: 1,
    onlineDepth: 'pre_review',
    appointment: true,
    deliveryOptions: ['self', 'deliver_result'],
    locations: [{ hallId: 'city-center' }],
    consultPhone: '0000-00000000',
    complaintPhone: '12345',
    result: { name: '中华人民共和国居民身份证' },
    faq: [],
    updatedAt: '2026-11-01T00:00:00.000Z',
  }
}
