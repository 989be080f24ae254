/** 示例市交通运输局: 道路货物运输经营许可. */
import { COMPLAINT_PHONE, CONSULT_PHONE, DEPT } from '../departments'
import { businessLicence, form, idCard, mat, proxyMaterials, proxySituation, where } from '../helpers'
import type { SeedItem } from '../types'

export const items: SeedItem[] = [
  {
    code: 'JT-0001',
    name: '道路运输经营许可（道路普通货物运输）',
    kind: 'licence',
    aliases: ['道路运输证', '道路运输经营许可证', '货运经营许可', '运输许可证', '跑货运', '营运证', '道路运输经营许可'],
    lifeEvents: ['business'],
    subjects: ['company', 'person'],
    department: DEPT.jtj,
    undertaker: '区交通运输局（道路运输管理机构）',
    ...where({ city: 'G区 交通运输窗口', district: '交通运输窗口' }),
    legalBasis: [
      {
        law: '《中华人民共和国道路运输条例》',
        text: '申请从事货运经营的，应当具备下列条件：有与其经营业务相适应并经检测合格的车辆；有符合规定条件的驾驶人员；有健全的安全生产管理制度。使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需申请取得道路运输经营许可证及车辆营运证。',
      },
      { law: '《道路货物运输及站场管理规定》（交通运输部令）' },
    ],
    conditions: [
      '有与其经营业务相适应并经检测合格的车辆（总质量4500千克以上的普通货运车辆）',
      '驾驶人员取得相应的机动车驾驶证，年龄不超过60周岁，经考试合格取得道路货物运输从业资格证',
      '有健全的安全生产管理制度',
    ],
    materials: [
      form('apply-form', '道路货物运输经营申请表'),
      businessLicence({ requirement: 'required', notes: '个体经营者提供营业执照或经营者居民身份证' }),
      idCard({ name: '负责人身份证明' }),
      mat('vehicle-licence', '机动车行驶证及车辆技术等级评定（综合性能检测）报告', {
        requirement: 'conditional',
        condition: '已购置车辆的',
        forms: ['copy'],
      }),
      mat('vehicle-promise', '拟投入运输车辆承诺书（车辆数量、类型、技术性能、总质量、外廓尺寸等）', {
        requirement: 'conditional',
        condition: '车辆尚未购置的',
      }),
      mat('drivers', '聘用或拟聘用驾驶员的机动车驾驶证、从业资格证', { forms: ['copy'] }),
      mat('safety-rules', '安全生产管理制度文本（含安全生产责任制、操作规程、车辆技术管理制度等）'),
      ...proxyMaterials('委托经办人办理的'),
    ],
    situations: [
      {
        id: 'vehicles',
        question: '拟投入运输的车辆是否已购置？',
        options: [
          { value: 'owned', label: '已购置', effects: [{ op: 'add', materialId: 'vehicle-licence' }] },
          { value: 'planned', label: '尚未购置', effects: [{ op: 'add', materialId: 'vehicle-promise' }] },
        ],
      },
      proxySituation('是否委托经办人办理？', '负责人本人办理'),
    ],
    steps: [
      { name: '申请', description: '在线或到交通运输窗口提交申请。' },
      { name: '审查', description: '审查车辆、驾驶人员和安全生产管理制度。' },
      { name: '决定', description: '准予许可的发放道路运输经营许可证；车辆未购置的，购置后凭承诺书核发车辆道路运输证。' },
    ],
    handlingType: 'promised',
    statutoryDays: 20,
    promisedDays: 5,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.jtj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '道路运输经营许可证', eLicence: true },
    faq: [
      { q: '开轻型货车拉货要办道路运输证吗？', a: '使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需办理道路运输经营许可证和车辆营运证。' },
      { q: '个人可以申请吗？', a: '可以。个人办理个体工商户营业执照后，符合车辆、驾驶人员和安全生产管理条件的，可以申请道路普通货物运输经营许可。' },
    ],
  },
]
