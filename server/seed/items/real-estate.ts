/** 示例市不动产登记中心: 不动产登记、登记资料查询. */
import { COMPLAINT_PHONE, CONSULT_PHONE, DEPT } from '../departments'
import { form, idCard, mat, marriageCert, propertyCert, proxyMaterials, proxySituation, where } from '../helpers'
import type { SeedItem } from '../types'

const BDC_WINDOWS = {
  city: 'H区 不动产登记窗口（H01-H20）',
  district: '不动产登记分中心窗口',
} as const

const REGULATION = '《不动产登记暂行条例》'
const FEE_BASIS = '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）'

export const items: SeedItem[] = [
  {
    code: 'BDC-0001',
    name: '不动产登记',
    kind: 'confirmation',
    aliases: ['房产证', '不动产权证', '不动产权证书', '办房产证', '过户', '房屋过户', '抵押登记', '不动产证', '土地证'],
    lifeEvents: ['housing'],
    subjects: ['person', 'company'],
    department: DEPT.bdc,
    ...where(BDC_WINDOWS),
    legalBasis: [
      {
        law: REGULATION,
        article: '第十四条',
        text: '因买卖、设定抵押权等申请不动产登记的，应当由当事人双方共同申请。',
      },
      {
        law: REGULATION,
        article: '第十六条',
        text: '申请人应当提交下列材料，并对申请材料的真实性负责：（一）登记申请书；（二）申请人、代理人身份证明材料、授权委托书；（三）相关的不动产权属来源证明材料、登记原因证明文件、不动产权属证书；（四）不动产界址、空间界限、面积等材料；（五）与他人利害关系的说明材料；（六）法律、行政法规以及本条例实施细则规定的其他材料。',
      },
      {
        law: REGULATION,
        article: '第二十条',
        text: '不动产登记机构应当自受理登记申请之日起30个工作日内办结不动产登记手续，法律另有规定的除外。',
      },
      { law: '《不动产登记暂行条例实施细则》' },
    ],
    conditions: [
      '申请登记的不动产权属清楚、界址清楚、面积准确',
      '因买卖、设定抵押权等申请登记的，由当事人双方共同申请',
      '已依法缴纳相关税费',
    ],
    materials: [
      form('apply-form', '不动产登记申请书'),
      idCard({ name: '申请人身份证明（自然人为居民身份证，单位为营业执照）' }),
      propertyCert('转移、抵押、变更登记的', { name: '不动产权证书（原件）' }),
      mat('land-source', '土地权属来源材料（土地出让合同及价款缴清凭证等）', {
        requirement: 'conditional',
        condition: '国有土地上房屋首次登记的',
        forms: ['copy'],
      }),
      mat('planning-check', '建设工程符合规划的材料（规划核实证明）', {
        requirement: 'conditional',
        condition: '国有土地上房屋首次登记的',
        source: 'government',
        sourceNote: '自然资源和规划部门出具',
      }),
      mat('completion', '房屋已经竣工的材料（竣工验收备案证明）', {
        requirement: 'conditional',
        condition: '国有土地上房屋首次登记的',
        source: 'government',
      }),
      mat('survey', '房屋测绘报告', {
        requirement: 'conditional',
        condition: '首次登记的',
        source: 'intermediary',
        sourceNote: '具备资质的测绘机构出具',
      }),
      mat('homestead-approval', '农村宅基地批准书及乡村建设规划许可证', {
        requirement: 'conditional',
        condition: '宅基地使用权及农房所有权首次登记的',
        source: 'government',
        sourceNote: '乡（镇）人民政府核发',
      }),
      mat('sale-contract', '不动产买卖合同（已网签备案）', {
        requirement: 'conditional',
        condition: '因买卖转移登记的',
      }),
      mat('tax-receipt', '契税等税费完税凭证', {
        requirement: 'conditional',
        condition: '因买卖、赠与转移登记的',
        notes: '已实现税务信息共享的免交',
      }),
      mat('inheritance-doc', '继承（遗赠）证明材料（公证书或人民法院生效法律文书，或全体继承人到场的继承声明）', {
        requirement: 'conditional',
        condition: '因继承、受遗赠转移登记的',
      }),
      mat('death-proof', '被继承人死亡证明', {
        requirement: 'conditional',
        condition: '因继承、受遗赠转移登记的',
        forms: ['copy'],
      }),
      mat('gift-contract', '赠与合同', { requirement: 'conditional', condition: '因赠与转移登记的' }),
      mat('divorce-agreement', '离婚协议或人民法院生效法律文书，及离婚证', {
        requirement: 'conditional',
        condition: '因离婚析产转移登记的',
      }),
      mat('loan-contract', '主债权合同（借款合同）', { requirement: 'conditional', condition: '抵押登记的' }),
      mat('mortgage-contract', '抵押合同', { requirement: 'conditional', condition: '抵押登记的' }),
      mat('change-proof', '变更事项证明材料（姓名变更证明、门牌地址变更证明等）', {
        requirement: 'conditional',
        condition: '变更登记的',
        source: 'government',
        sourceNote: '公安、民政等部门出具',
      }),
      marriageCert('不动产为夫妻共有或需证明婚姻关系的'),
      ...proxyMaterials('委托代理人办理的'),
    ],
    situations: [
      {
        id: 'type',
        question: '登记类型',
        options: [
          { value: 'first', label: '首次登记（新建房屋、宅基地农房）', effects: [{ op: 'add', materialId: 'survey' }] },
          { value: 'transfer', label: '转移登记（买卖、继承、赠与、离婚析产等过户）', effects: [{ op: 'add', materialId: 'property-cert' }] },
          {
            value: 'mortgage',
            label: '抵押登记',
            effects: [
              { op: 'add', materialId: 'property-cert' },
              { op: 'add', materialId: 'loan-contract' },
              { op: 'add', materialId: 'mortgage-contract' },
            ],
          },
          {
            value: 'change',
            label: '变更登记（权利人姓名、地址、用途等变化）',
            effects: [
              { op: 'add', materialId: 'property-cert' },
              { op: 'add', materialId: 'change-proof' },
            ],
          },
        ],
      },
      {
        id: 'first-kind',
        question: '首次登记的不动产类型',
        showIf: { situationId: 'type', values: ['first'] },
        options: [
          {
            value: 'state-land',
            label: '国有土地上的房屋',
            effects: [
              { op: 'add', materialId: 'land-source' },
              { op: 'add', materialId: 'planning-check' },
              { op: 'add', materialId: 'completion' },
            ],
          },
          { value: 'homestead', label: '农村宅基地及农房', effects: [{ op: 'add', materialId: 'homestead-approval' }] },
        ],
      },
      {
        id: 'transfer-cause',
        question: '转移原因',
        showIf: { situationId: 'type', values: ['transfer'] },
        options: [
          {
            value: 'sale',
            label: '买卖',
            effects: [
              { op: 'add', materialId: 'sale-contract' },
              { op: 'add', materialId: 'tax-receipt' },
            ],
          },
          {
            value: 'inherit',
            label: '继承、受遗赠',
            effects: [
              { op: 'add', materialId: 'inheritance-doc' },
              { op: 'add', materialId: 'death-proof' },
            ],
          },
          {
            value: 'gift',
            label: '赠与',
            effects: [
              { op: 'add', materialId: 'gift-contract' },
              { op: 'add', materialId: 'tax-receipt' },
            ],
          },
          { value: 'divorce', label: '离婚析产', effects: [{ op: 'add', materialId: 'divorce-agreement' }] },
        ],
      },
      {
        id: 'joint',
        question: '不动产是否为夫妻共有？',
        options: [
          { value: 'no', label: '否' },
          { value: 'yes', label: '是', effects: [{ op: 'add', materialId: 'marriage-cert' }] },
        ],
      },
      proxySituation('是否委托代理人办理？', '权利人（双方当事人）本人办理'),
    ],
    steps: [
      { name: '预约申请', description: '通过“示例不动产”小程序预约并预审材料；买卖过户可在“一窗受理”窗口同时办理交易、缴税和登记。' },
      { name: '受理', description: '登记机构查验申请人身份和材料，询问当事人。' },
      { name: '审核登簿', description: '审核权属状况，必要时实地查看；符合条件的记载于不动产登记簿。' },
      { name: '发证', description: '核发不动产权证书或不动产登记证明，同步生成电子证照，可选择邮寄。' },
    ],
    handlingType: 'promised',
    statutoryDays: 30,
    promisedDays: 5,
    fee: {
      free: false,
      items: [
        { name: '住宅类不动产登记费', amount: '80元/件', basis: FEE_BASIS },
        { name: '非住宅类不动产登记费', amount: '550元/件', basis: FEE_BASIS },
        { name: '不动产权属证书工本费（第一本证书免收）', amount: '10元/本', basis: FEE_BASIS },
        {
          name: '小微企业（含个体工商户）申请不动产抵押登记',
          amount: '免收登记费',
          basis: '《财政部 国家发展改革委关于减免部分行政事业性收费有关政策的通知》（财税〔2019〕45号）',
        },
      ],
    },
    visits: 1,
    onlineDepth: 'pre_review',
    appointment: true,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.bdc,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '不动产权证书 / 不动产登记证明', eLicence: true },
    faq: [
      { q: '买二手房过户要跑几次？', a: '在“一窗受理”窗口，交易、缴税、登记一次提交，买卖双方到场一次即可，证书可邮寄。' },
      { q: '继承房产一定要去公证吗？', a: '不一定。全体继承人可到登记机构现场签署继承声明并接受询问，登记机构按规定公示后办理。' },
      { q: '电子证照和纸质证书效力一样吗？', a: '一样。不动产权电子证照可在办理落户、入学、公积金提取等业务时替代纸质证书。' },
    ],
  },
  {
    code: 'BDC-0002',
    name: '不动产登记资料查询',
    kind: 'public_service',
    aliases: ['查房产', '房产查询', '查档', '产权查询', '有无房产证明', '无房证明', '房产信息查询'],
    lifeEvents: ['housing'],
    subjects: ['person', 'company'],
    department: DEPT.bdc,
    ...where(BDC_WINDOWS),
    legalBasis: [
      {
        law: REGULATION,
        article: '第二十七条',
        text: '权利人、利害关系人可以依法查询、复制不动产登记资料，不动产登记机构应当提供。',
      },
      { law: '《不动产登记资料查询暂行办法》' },
    ],
    conditions: ['权利人查询本人名下不动产登记资料，或利害关系人、受委托律师依法查询'],
    materials: [
      form('apply-form', '不动产登记资料查询申请书'),
      idCard({ name: '查询人身份证明' }),
      mat('interest-proof', '存在利害关系的证明材料（如买卖意向合同、人民法院受理案件通知书等）', {
        requirement: 'conditional',
        condition: '利害关系人查询的',
        forms: ['copy'],
      }),
      mat('lawyer-docs', '律师执业证及律师事务所出具的证明', {
        requirement: 'conditional',
        condition: '受委托律师查询的',
        forms: ['copy'],
      }),
      ...proxyMaterials('权利人委托他人查询的'),
    ],
    situations: [
      {
        id: 'role',
        question: '查询人身份',
        options: [
          { value: 'owner', label: '权利人本人' },
          { value: 'interested', label: '利害关系人', effects: [{ op: 'add', materialId: 'interest-proof' }] },
          { value: 'lawyer', label: '受委托律师', effects: [{ op: 'add', materialId: 'lawyer-docs' }] },
        ],
      },
      {
        ...proxySituation('权利人是否委托他人查询？', '本人查询'),
        showIf: { situationId: 'role', values: ['owner'] },
      },
    ],
    steps: [
      { name: '申请', description: '通过“示例不动产”小程序人脸识别后在线查询，或到窗口或自助查询机查询。' },
      { name: '查询', description: '登记机构当场查询。' },
      { name: '出具结果', description: '出具查询结果证明（电子证明附二维码可验真）。' },
    ],
    handlingType: 'immediate',
    statutoryDays: null,
    promisedDays: 0,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self'],
    consultPhone: CONSULT_PHONE.bdc,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '不动产登记资料查询结果证明' },
    faq: [
      { q: '“无房证明”怎么开？', a: '本人在线申请查询名下不动产登记信息，查无记录的出具查询结果证明即可作为无房证明使用。' },
      { q: '可以查别人的房子吗？', a: '不能随意查询。利害关系人只能查询与其利害关系相关的登记结果，且须提交利害关系证明。' },
    ],
  },
]
