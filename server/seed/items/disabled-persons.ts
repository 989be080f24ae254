/** 示例市残疾人联合会: 残疾人证. */
import { COMPLAINT_PHONE, CONSULT_PHONE, DEPT } from '../departments'
import { form, hukouBook, idCard, mat, photo, where } from '../helpers'
import type { SeedItem } from '../types'

export const items: SeedItem[] = [
  {
    code: 'CL-0001',
    name: '残疾人证办理',
    kind: 'confirmation',
    aliases: ['残疾证', '办残疾证', '残疾人证换证', '残疾等级评定', '残疾证补办', '残疾证到期', '残疾人证'],
    lifeEvents: ['disability'],
    subjects: ['person'],
    department: DEPT.cl,
    undertaker: '户籍所在地区残疾人联合会；乡镇（街道）、村（社区）残疾人专职委员协助受理',
    ...where({ district: '残联服务窗口', township: '残疾人服务窗口', village: '残疾人专职委员代办点' }),
    legalBasis: [
      { law: '《中华人民共和国残疾人保障法》' },
      { law: '《中华人民共和国残疾人证管理办法》' },
      { law: '《残疾人残疾分类和分级》（GB/T 26341-2010）' },
    ],
    conditions: [
      '户籍在示例市，符合视力、听力、言语、肢体、智力、精神或多重残疾标准',
      '未满十六周岁或无民事行为能力、限制民事行为能力的，由监护人代为申请',
      '残疾人证有效期为10年（未满十六周岁的为5年），期满前90日内可申请换领',
    ],
    materials: [
      form('apply-form', '《中华人民共和国残疾人证申请表》'),
      idCard({ name: '申请人居民身份证' }),
      hukouBook({ forms: ['copy'], notes: '提供户主页和本人页' }),
      photo({ name: '近期2寸免冠白底彩色照片' }),
      mat('old-card', '原残疾人证', {
        requirement: 'conditional',
        condition: '有效期满换领或申请调整残疾类别、等级的',
        source: 'government',
        sourceNote: '县级残疾人联合会核发',
        eLicenceType: '残疾人证',
      }),
      mat('loss-statement', '残疾人证遗失声明（书面说明）', {
        requirement: 'conditional',
        condition: '残疾人证遗失补领的',
        sourceNote: '本人或监护人签字',
      }),
      mat('medical-records', '近期病历及相关检查报告', {
        requirement: 'conditional',
        condition: '申请调整残疾类别、等级的，或申请精神残疾评定的',
        forms: ['copy'],
      }),
      idCard({
        id: 'guardian-id',
        name: '监护人居民身份证',
        requirement: 'conditional',
        condition: '由监护人代为申请的',
      }),
      mat('guardianship-proof', '监护关系证明（户口簿记载或村（居）民委员会、法院出具的证明）', {
        requirement: 'conditional',
        condition: '由监护人代为申请的',
        forms: ['copy'],
      }),
    ],
    situations: [
      {
        id: 'type',
        question: '申请类型',
        options: [
          { value: 'first', label: '首次申领' },
          { value: 'renew', label: '有效期满换领', effects: [{ op: 'add', materialId: 'old-card' }] },
          {
            value: 'adjust',
            label: '残疾类别或等级发生变化，申请重新评定',
            effects: [
              { op: 'add', materialId: 'old-card' },
              { op: 'add', materialId: 'medical-records' },
            ],
          },
          {
            value: 'reissue',
            label: '遗失补领',
            effects: [
              { op: 'add', materialId: 'loss-statement' },
              { op: 'modify', materialId: 'apply-form', note: '补领不需重新评定，残疾信息沿用原评定结果' },
            ],
          },
        ],
      },
      {
        id: 'category',
        question: '残疾类别',
        showIf: { situationId: 'type', values: ['first', 'adjust'] },
        options: [
          { value: 'physical', label: '肢体残疾' },
          { value: 'visual', label: '视力残疾' },
          { value: 'hearing', label: '听力或言语残疾' },
          {
            value: 'intellectual',
            label: '智力残疾',
            effects: [
              { op: 'add', materialId: 'guardian-id' },
              { op: 'add', materialId: 'guardianship-proof' },
            ],
          },
          {
            value: 'mental',
            label: '精神残疾',
            effects: [
              { op: 'add', materialId: 'guardian-id' },
              { op: 'add', materialId: 'guardianship-proof' },
              { op: 'add', materialId: 'medical-records' },
            ],
          },
          { value: 'multiple', label: '多重残疾' },
        ],
      },
      {
        id: 'mobility',
        question: '申请人能否到指定医疗机构参加评定？',
        showIf: { situationId: 'type', values: ['first', 'adjust'] },
        options: [
          { value: 'yes', label: '能到场' },
          {
            value: 'no',
            label: '行动不便，无法到场',
            effects: [{ op: 'modify', materialId: 'apply-form', note: '请在申请表中勾选“上门评定”，由评定医师上门评定' }],
          },
        ],
      },
      {
        id: 'minor',
        question: '申请人是否未满十六周岁？',
        options: [
          { value: 'no', label: '已满十六周岁' },
          {
            value: 'yes',
            label: '未满十六周岁',
            effects: [
              { op: 'add', materialId: 'guardian-id' },
              { op: 'add', materialId: 'guardianship-proof' },
            ],
          },
        ],
      },
    ],
    steps: [
      { name: '申请', description: '通过“示例残联”小程序或全国残疾人证“跨省通办”平台在线申请，也可到村（社区）、乡镇（街道）、区残联窗口申请。' },
      { name: '评定', description: '持申请表到区残联指定的医疗机构进行残疾评定（行动不便的可申请上门评定）。' },
      { name: '审核', description: '区残联自收到评定结果之日起对申请人资格和评定结果进行审核，并公示。' },
      { name: '发证', description: '审核通过的制发第三代智能化残疾人证，可到窗口领取或邮寄。' },
    ],
    handlingType: 'promised',
    statutoryDays: null,
    promisedDays: 15,
    fee: { free: true, items: [] },
    visits: 1,
    onlineDepth: 'pre_review',
    appointment: true,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.cl,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '中华人民共和国残疾人证（第三代智能化）', eLicence: true },
    faq: [
      { q: '残疾评定要交费吗？', a: '示例市残疾评定费用由财政承担，申请人无需缴费。' },
      { q: '对评定结果不服怎么办？', a: '可以按规定向区残联申请复评，由区残联安排其他指定医疗机构的评定医师重新评定。' },
      { q: '残疾人证快到期了怎么办？', a: '在有效期满前90日内申请换领；残疾状况无变化的，一般不需重新评定。' },
    ],
  },
]
