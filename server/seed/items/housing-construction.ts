/** 示例市住房和城乡建设局: 建筑工程施工许可、公共租赁住房. */
import { COMPLAINT_PHONE, CONSULT_PHONE, DEPT } from '../departments'
import {
  form, hukouBook, idCard, mat, marriageCert, proxyMaterials, proxySituation, residencePermit, where,
} from '../helpers'
import type { SeedItem } from '../types'

export const items: SeedItem[] = [
  {
    code: 'ZJ-0001',
    name: '建设工程施工许可',
    kind: 'licence',
    aliases: ['施工许可证', '开工许可', '建筑工程施工许可证', '施工证', '工程开工证'],
    lifeEvents: ['business'],
    subjects: ['company'],
    department: DEPT.zjj,
    undertaker: '工程所在地区住房和城乡建设局',
    ...where({ city: 'G区 工程建设项目审批窗口', district: '工程建设项目综合窗口' }),
    legalBasis: [
      {
        law: '《中华人民共和国建筑法》',
        article: '第七条',
        text: '建筑工程开工前，建设单位应当按照国家有关规定向工程所在地县级以上人民政府建设行政主管部门申请领取施工许可证；但是，国务院建设行政主管部门确定的限额以下的小型工程除外。',
      },
      {
        law: '《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）',
        article: '第二条',
        text: '工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证。省、自治区、直辖市人民政府住房城乡建设主管部门可以根据当地的实际情况，对限额进行调整。',
      },
      { law: '《建筑工程施工许可管理办法》', article: '第四条' },
    ],
    conditions: [
      '依法应当办理用地批准手续的，已经办理该建筑工程用地批准手续',
      '依法应当办理建设工程规划许可证的，已经取得建设工程规划许可证',
      '施工场地已经基本具备施工条件，需要征收房屋的，其进度符合施工要求',
      '已经确定施工企业',
      '有满足施工需要的资金安排、施工图纸及技术资料，建设单位已提供建设资金已经落实承诺书，施工图设计文件已按规定审查合格',
      '有保证工程质量和安全的具体措施',
    ],
    materials: [
      form('apply-form', '建筑工程施工许可证申请表'),
      mat('land-approval', '用地批准手续（不动产权证书或建设用地批准书）', {
        forms: ['copy'],
        source: 'government',
        sourceNote: '自然资源和规划部门、不动产登记机构核发',
        eLicenceType: '不动产权证书',
      }),
      mat('planning-permit', '建设工程规划许可证', {
        forms: ['copy'],
        source: 'government',
        sourceNote: '自然资源和规划部门核发',
        eLicenceType: '建设工程规划许可证',
      }),
      mat('construction-contract', '施工合同（依法必须招标的附中标通知书）', { forms: ['copy'] }),
      mat('funds-promise', '建设资金已经落实承诺书', { sourceNote: '建设单位盖章' }),
      mat('drawing-review', '施工图设计文件审查合格书', {
        source: 'intermediary',
        sourceNote: '施工图审查机构出具；已纳入联合审图系统的无需提交',
      }),
      mat('quality-safety', '保证工程质量和安全的具体措施（含危险性较大的分部分项工程清单）'),
      mat('supervision-contract', '工程监理合同', {
        requirement: 'conditional',
        condition: '依法应当实行监理的工程',
        forms: ['copy'],
      }),
      mat('expropriation-proof', '房屋征收进度符合施工要求的证明', {
        requirement: 'conditional',
        condition: '需要征收房屋的',
        source: 'government',
        sourceNote: '房屋征收部门出具',
      }),
      ...proxyMaterials('委托代理人办理的'),
    ],
    situations: [
      {
        id: 'project',
        question: '项目类型',
        options: [
          { value: 'general', label: '一般房屋建筑和市政基础设施工程' },
          {
            value: 'low-risk',
            label: '社会投资简易低风险工程',
            effects: [
              { op: 'remove', materialId: 'drawing-review' },
              { op: 'modify', materialId: 'apply-form', note: '简易低风险工程可与工程规划许可合并办理，施工图审查改为告知承诺' },
            ],
          },
        ],
      },
      {
        id: 'supervision',
        question: '是否属于依法应当实行监理的工程？',
        help: '国家重点建设工程、大中型公用事业工程、成片开发建设的住宅小区工程、利用外国政府或国际组织贷款援助资金的工程等应当实行监理。',
        options: [
          { value: 'yes', label: '是', effects: [{ op: 'add', materialId: 'supervision-contract' }] },
          { value: 'no', label: '否' },
        ],
      },
      {
        id: 'expropriation',
        question: '是否涉及房屋征收？',
        options: [
          { value: 'no', label: '否' },
          { value: 'yes', label: '是', effects: [{ op: 'add', materialId: 'expropriation-proof' }] },
        ],
      },
      proxySituation('是否委托代理人办理？', '建设单位经办人办理'),
    ],
    steps: [
      { name: '申请', description: '通过示例市工程建设项目审批管理系统在线申请。' },
      { name: '受理', description: '材料齐全的受理；不齐全的当场或5日内一次告知需要补正的全部内容。' },
      { name: '审查决定', description: '对符合条件的颁发施工许可证（电子证照）。' },
    ],
    handlingType: 'promised',
    statutoryDays: 7,
    promisedDays: 3,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self'],
    consultPhone: CONSULT_PHONE.zjj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '建筑工程施工许可证', eLicence: true },
    faq: [
      { q: '小工程也要办施工许可证吗？', a: '工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证（以本省调整后的限额为准）。' },
      { q: '领证后多久必须开工？', a: '应当自领取施工许可证之日起三个月内开工；因故不能按期开工的，应在期满前申请延期，延期以两次为限，每次不超过三个月。' },
      { q: '农民自建低层住宅要办吗？', a: '农民自建两层以下（含两层）住宅工程不适用建筑工程施工许可管理办法，按农村村民建房审批办理。' },
    ],
  },
  {
    code: 'ZJ-0002',
    name: '公共租赁住房申请',
    kind: 'benefit',
    aliases: ['公租房', '申请公租房', '廉租房', '保障房', '住房保障', '租政府的房子'],
    lifeEvents: ['housing'],
    subjects: ['person'],
    department: DEPT.zjj,
    undertaker: '区住房保障部门；乡镇（街道）受理初审',
    ...where({ district: '住房保障窗口', township: '住房保障受理窗口' }),
    legalBasis: [
      {
        law: '《公共租赁住房管理办法》（住房和城乡建设部令第11号）',
        article: '第七条',
        text: '申请公共租赁住房，应当符合以下条件：（一）在本地无住房或者住房面积低于规定标准；（二）收入、财产低于规定标准；（三）申请人为外来务工人员的，在本地稳定就业达到规定年限。',
      },
    ],
    conditions: [
      '在本市无住房或者住房面积低于规定标准',
      '家庭收入、财产低于示例市公布的标准',
      '外来务工人员在本市稳定就业并连续缴纳社会保险达到规定年限',
    ],
    materials: [
      form('apply-form', '公共租赁住房申请表'),
      idCard({ name: '申请人及共同申请家庭成员的居民身份证' }),
      mat('economic-auth', '家庭住房、收入和财产状况核对授权书', { sourceNote: '申请人及共同申请家庭成员签字' }),
      hukouBook({ requirement: 'conditional', condition: '本市户籍家庭申请的' }),
      mat('labour-contract', '劳动合同', {
        requirement: 'conditional',
        condition: '新就业无房职工、外来务工人员申请的',
        forms: ['copy'],
      }),
      mat('graduation-cert', '毕业证书', {
        requirement: 'conditional',
        condition: '新就业无房职工申请的',
        forms: ['copy'],
      }),
      residencePermit('外来务工人员申请的'),
      marriageCert('申请人已婚的', { forms: ['copy'] }),
      mat('divorce-docs', '离婚证及离婚协议（或法院判决书）', {
        requirement: 'conditional',
        condition: '申请人离异的',
        forms: ['copy'],
      }),
    ],
    situations: [
      {
        id: 'group',
        question: '申请人类型',
        options: [
          { value: 'local', label: '本市城镇中等偏下收入住房困难家庭', effects: [{ op: 'add', materialId: 'hukou-book' }] },
          {
            value: 'graduate',
            label: '新就业无房职工',
            effects: [
              { op: 'add', materialId: 'labour-contract' },
              { op: 'add', materialId: 'graduation-cert' },
            ],
          },
          {
            value: 'migrant',
            label: '在本市稳定就业的外来务工人员',
            effects: [
              { op: 'add', materialId: 'labour-contract' },
              { op: 'add', materialId: 'residence-permit' },
            ],
          },
        ],
      },
      {
        id: 'marital',
        question: '申请人婚姻状况',
        options: [
          { value: 'single', label: '未婚' },
          { value: 'married', label: '已婚', effects: [{ op: 'add', materialId: 'marriage-cert' }] },
          { value: 'divorced', label: '离异', effects: [{ op: 'add', materialId: 'divorce-docs' }] },
        ],
      },
    ],
    steps: [
      { name: '申请', description: '向户籍地或工作地乡镇（街道）、区住房保障窗口提出申请，也可在线申请。' },
      { name: '审核', description: '通过信息核对审核住房、收入、财产情况。' },
      { name: '公示', description: '审核结果公示，无异议的登记为轮候对象。' },
      { name: '配租', description: '按轮候顺序摇号或选房，签订租赁合同。' },
    ],
    handlingType: 'promised',
    statutoryDays: null,
    promisedDays: 20,
    fee: { free: true, items: [] },
    visits: 1,
    onlineDepth: 'pre_review',
    appointment: false,
    deliveryOptions: ['self'],
    consultPhone: CONSULT_PHONE.zjj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '公共租赁住房资格确认（轮候登记）' },
    faq: [
      { q: '公租房租金多少？', a: '按略低于同地段市场租金水平确定，符合条件的困难家庭可申请租赁补贴。' },
      { q: '租期多长？', a: '租赁合同期限一般不超过5年，期满后仍符合条件的可申请续租。' },
    ],
  },
]
