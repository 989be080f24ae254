/** 示例市自然资源和规划局: 建设工程规划许可. */
import { COMPLAINT_PHONE, CONSULT_PHONE, DEPT } from '../departments'
import { form, mat, proxyMaterials, proxySituation, where } from '../helpers'
import type { SeedItem } from '../types'

export const items: SeedItem[] = [
  {
    code: 'ZR-0001',
    name: '建设工程规划许可证核发',
    kind: 'licence',
    aliases: ['规划许可证', '工程规划许可', '建设工程规划许可证', '规划证', '工规证'],
    lifeEvents: ['business'],
    subjects: ['company'],
    department: DEPT.zrzy,
    undertaker: '示例市自然资源和规划局（区分局受理）',
    ...where({ city: 'G区 工程建设项目审批窗口', district: '工程建设项目综合窗口' }),
    legalBasis: [
      {
        law: '《中华人民共和国城乡规划法》',
        article: '第四十条',
        text: '在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位或者个人应当向城市、县人民政府城乡规划主管部门或者省、自治区、直辖市人民政府确定的镇人民政府申请办理建设工程规划许可证。申请办理建设工程规划许可证，应当提交使用土地的有关证明文件、建设工程设计方案等材料。需要建设单位编制修建性详细规划的建设项目，还应当提交修建性详细规划。',
      },
      { law: '《中华人民共和国行政许可法》' },
    ],
    conditions: [
      '已取得使用土地的有关证明文件',
      '建设工程设计方案符合控制性详细规划和规划条件',
    ],
    materials: [
      form('apply-form', '建设工程规划许可证申请表'),
      mat('land-docs', '使用土地的有关证明文件（不动产权证书或建设用地批准书）', {
        forms: ['copy'],
        source: 'government',
        eLicenceType: '不动产权证书',
      }),
      mat('design', '建设工程设计方案（总平面图、各层平面图、立面图、剖面图及电子报批文件）', {
        source: 'intermediary',
        sourceNote: '具备资质的设计单位编制',
        paperSize: 'A1',
      }),
      mat('detailed-plan', '修建性详细规划', {
        requirement: 'conditional',
        condition: '需要建设单位编制修建性详细规划的建设项目',
        source: 'intermediary',
      }),
      ...proxyMaterials('委托代理人办理的'),
    ],
    situations: [
      {
        id: 'detailed-plan',
        question: '是否需要编制修建性详细规划？',
        help: '成片开发的居住区、大型公共建筑群等项目，一般须由建设单位编制修建性详细规划。',
        options: [
          { value: 'no', label: '不需要' },
          { value: 'yes', label: '需要', effects: [{ op: 'add', materialId: 'detailed-plan' }] },
        ],
      },
      proxySituation('是否委托代理人办理？', '建设单位经办人办理'),
    ],
    steps: [
      { name: '申请', description: '通过示例市工程建设项目审批管理系统在线申请。' },
      { name: '审查', description: '审查设计方案是否符合规划条件，必要时组织专家论证并公示（时间不计入审查时限）。' },
      { name: '决定发证', description: '符合条件的核发建设工程规划许可证（电子证照）。' },
    ],
    handlingType: 'promised',
    statutoryDays: 20,
    promisedDays: 10,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self'],
    consultPhone: CONSULT_PHONE.zrzy,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '建设工程规划许可证', eLicence: true },
    faq: [
      { q: '设计方案要公示吗？', a: '涉及公众利益的建设工程设计方案，审批前在项目现场和网站公示，公示时间不计入审批时限。' },
      { q: '领证后可以修改设计吗？', a: '确需变更的，应当向原发证机关申请变更，未经批准不得擅自变更。' },
    ],
  },
]
