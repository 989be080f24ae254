/** 示例市住房公积金管理中心: 提取和个人住房贷款. */
import { COMPLAINT_PHONE, CONSULT_PHONE, DEPT } from '../departments'
import { form, hukouBook, idCard, mat, marriageCert, propertyCert, where } from '../helpers'
import type { SeedItem } from '../types'

const GJJ_WINDOWS = {
  city: 'E区 住房公积金窗口（E01-E08）',
  district: '住房公积金服务窗口',
} as const

const REGULATION = '《住房公积金管理条例》'

export const items: SeedItem[] = [
  {
    code: 'GJ-0001',
    name: '住房公积金提取',
    kind: 'public_service',
    aliases: ['公积金', '提取公积金', '取公积金', '公积金提现', '租房提取公积金', '退休提取公积金', '公积金还贷'],
    lifeEvents: ['housing', 'retirement', 'employment'],
    subjects: ['person'],
    department: DEPT.gjj,
    ...where(GJJ_WINDOWS),
    legalBasis: [
      {
        law: REGULATION,
        article: '第二十四条',
        text: '职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额：（一）购买、建造、翻建、大修自住住房的；（二）离休、退休的；（三）完全丧失劳动能力，并与单位终止劳动关系的；（四）出境定居的；（五）偿还购房贷款本息的；（六）房租超出家庭工资收入的规定比例的。',
      },
      {
        law: REGULATION,
        article: '第二十五条',
        text: '住房公积金管理中心应当自受理申请之日起3日内作出准予提取或者不准提取的决定，并通知申请人；准予提取的，由受委托银行办理支付手续。',
      },
    ],
    conditions: [
      '在示例市正常缴存或封存住房公积金的职工',
      '符合购房、租房、偿还住房贷款、退休、离开本市等提取情形之一',
    ],
    materials: [
      idCard({ name: '职工本人居民身份证' }),
      mat('bank-card', '本人名下的银行借记卡（一类账户）', { notes: '提取资金转入该账户' }),
      mat('purchase-contract', '购房合同（已网签备案）或不动产权证书', {
        requirement: 'conditional',
        condition: '购买自住住房提取的',
        eLicenceType: '不动产权证书',
      }),
      mat('purchase-invoice', '购房发票或契税完税凭证', {
        requirement: 'conditional',
        condition: '购买自住住房提取的',
        forms: ['copy'],
      }),
      mat('lease', '已登记备案的房屋租赁合同及租金发票', {
        requirement: 'conditional',
        condition: '按实际租金提取的',
      }),
      mat('retire-proof', '退休证明或基本养老金领取证明', {
        requirement: 'conditional',
        condition: '离休、退休提取且系统无法查询退休信息的',
        source: 'government',
        sourceNote: '人力资源社会保障部门出具',
      }),
      mat('termination', '与单位终止（解除）劳动关系证明', {
        requirement: 'conditional',
        condition: '离开本市提取的',
        source: 'other',
        sourceNote: '原单位出具',
      }),
      hukouBook({
        id: 'hukou-out',
        name: '户口迁出本市证明（迁出后的居民户口簿）',
        requirement: 'conditional',
        condition: '本市户籍职工户口迁出本市后提取的',
      }),
      mat('loan-contract', '商业银行个人住房借款合同', {
        requirement: 'conditional',
        condition: '偿还商业银行个人住房贷款提取的',
        forms: ['copy'],
      }),
      mat('repay-record', '近期还款明细（贷款银行出具）', {
        requirement: 'conditional',
        condition: '偿还商业银行个人住房贷款提取的',
        source: 'other',
      }),
      marriageCert('同时提取配偶住房公积金的'),
      idCard({
        id: 'spouse-id',
        name: '配偶居民身份证',
        requirement: 'conditional',
        condition: '同时提取配偶住房公积金的',
      }),
    ],
    situations: [
      {
        id: 'reason',
        question: '提取原因',
        options: [
          {
            value: 'purchase',
            label: '购买自住住房',
            effects: [
              { op: 'add', materialId: 'purchase-contract' },
              { op: 'add', materialId: 'purchase-invoice' },
            ],
          },
          { value: 'rent', label: '租房' },
          { value: 'retire', label: '离休、退休', effects: [{ op: 'add', materialId: 'retire-proof' }] },
          { value: 'leave', label: '离开本市（与单位终止劳动关系）', effects: [{ op: 'add', materialId: 'termination' }] },
          { value: 'loan', label: '偿还住房贷款' },
        ],
      },
      {
        id: 'rent-basis',
        question: '按什么标准提取租房公积金？',
        showIf: { situationId: 'reason', values: ['rent'] },
        options: [
          { value: 'standard', label: '按本市租房提取限额（无需租赁合同）' },
          { value: 'actual', label: '按实际租金（超过限额的）', effects: [{ op: 'add', materialId: 'lease' }] },
        ],
      },
      {
        id: 'hukou',
        question: '您的户籍情况',
        showIf: { situationId: 'reason', values: ['leave'] },
        options: [
          { value: 'local-moved', label: '原为本市户籍，户口已迁出本市', effects: [{ op: 'add', materialId: 'hukou-out' }] },
          { value: 'nonlocal', label: '非本市户籍' },
        ],
      },
      {
        id: 'loan-type',
        question: '偿还哪种贷款？',
        showIf: { situationId: 'reason', values: ['loan'] },
        options: [
          { value: 'fund', label: '本中心发放的住房公积金贷款（系统可查，无需材料）' },
          {
            value: 'commercial',
            label: '商业银行个人住房贷款',
            effects: [
              { op: 'add', materialId: 'loan-contract' },
              { op: 'add', materialId: 'repay-record' },
            ],
          },
        ],
      },
      {
        id: 'spouse',
        question: '是否同时提取配偶的住房公积金？',
        showIf: { situationId: 'reason', values: ['purchase', 'rent', 'loan'] },
        options: [
          { value: 'no', label: '否' },
          {
            value: 'yes',
            label: '是',
            effects: [
              { op: 'add', materialId: 'marriage-cert' },
              { op: 'add', materialId: 'spouse-id' },
            ],
          },
        ],
      },
    ],
    steps: [
      { name: '申请', description: '通过“示例公积金”APP、微信小程序或公积金窗口申请。' },
      { name: '审核', description: '公积金中心通过不动产、民政、人社等部门共享信息核验提取条件。' },
      { name: '到账', description: '审核通过后资金转入本人银行账户，线上申请一般当日到账。' },
    ],
    handlingType: 'promised',
    statutoryDays: 3,
    promisedDays: 1,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self'],
    consultPhone: CONSULT_PHONE.gjj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '住房公积金提取（资金转入本人银行账户）' },
    faq: [
      { q: '租房提取多久能提一次？', a: '按本市租房提取限额提取的，可按月或按季度提取，每年提取总额不超过年度限额。' },
      { q: '离职后换城市工作，公积金怎么办？', a: '建议在新就业城市开户缴存后办理异地转移接续，账户余额和缴存年限随之转移，不影响今后申请贷款。' },
      { q: '买房提取有时间限制吗？', a: '自购房合同网签或房屋产权登记之日起三年内可申请提取。' },
    ],
  },
  {
    code: 'GJ-0002',
    name: '住房公积金个人住房贷款',
    kind: 'public_service',
    aliases: ['公积金贷款', '公积金买房', '公积金贷款申请', '组合贷款', '公积金', '买房贷款'],
    lifeEvents: ['housing'],
    subjects: ['person'],
    department: DEPT.gjj,
    ...where(GJJ_WINDOWS),
    legalBasis: [
      {
        law: REGULATION,
        article: '第二十六条',
        text: '缴存住房公积金的职工，在购买、建造、翻建、大修自住住房时，可以向住房公积金管理中心申请住房公积金贷款。住房公积金管理中心应当自受理申请之日起15日内作出准予贷款或者不准贷款的决定，并通知申请人；准予贷款的，由受委托银行办理贷款手续。',
      },
    ],
    conditions: [
      '申请前连续足额缴存住房公积金满6个月',
      '购买示例市行政区域内的自住住房，并已支付首付款',
      '具有完全民事行为能力，信用良好，有稳定收入和偿还贷款本息的能力',
    ],
    materials: [
      idCard({ name: '借款人居民身份证' }),
      form('apply-form', '住房公积金个人住房贷款申请表'),
      mat('new-contract', '商品房买卖合同（已网签备案）', {
        requirement: 'conditional',
        condition: '购买新建商品住房的',
      }),
      mat('resale-contract', '存量房买卖合同（已网签）', {
        requirement: 'conditional',
        condition: '购买二手住房的',
      }),
      propertyCert('购买二手住房的（卖方的不动产权证书）', { name: '卖方不动产权证书', forms: ['copy'] }),
      mat('down-payment', '首付款发票或收据', { forms: ['copy'] }),
      marriageCert('借款人已婚的'),
      idCard({ id: 'spouse-id', name: '配偶居民身份证', requirement: 'conditional', condition: '借款人已婚的' }),
      mat('divorce-docs', '离婚证及离婚协议（或人民法院离婚判决书、调解书）', {
        requirement: 'conditional',
        condition: '借款人离异的',
        forms: ['copy'],
      }),
      mat('single-statement', '单身声明', {
        requirement: 'conditional',
        condition: '借款人未婚或丧偶的',
        sourceNote: '借款人签字承诺',
      }),
    ],
    situations: [
      {
        id: 'house',
        question: '购买的住房类型',
        options: [
          { value: 'new', label: '新建商品住房', effects: [{ op: 'add', materialId: 'new-contract' }] },
          {
            value: 'resale',
            label: '二手住房',
            effects: [
              { op: 'add', materialId: 'resale-contract' },
              { op: 'add', materialId: 'property-cert' },
            ],
          },
        ],
      },
      {
        id: 'marital',
        question: '借款人婚姻状况',
        options: [
          {
            value: 'married',
            label: '已婚',
            effects: [
              { op: 'add', materialId: 'marriage-cert' },
              { op: 'add', materialId: 'spouse-id' },
            ],
          },
          { value: 'divorced', label: '离异', effects: [{ op: 'add', materialId: 'divorce-docs' }] },
          { value: 'single', label: '未婚或丧偶', effects: [{ op: 'add', materialId: 'single-statement' }] },
        ],
      },
    ],
    steps: [
      { name: '申请', description: '在“示例公积金”APP在线申请并预审，或由售房方、受托银行协助提交。' },
      { name: '审批', description: '公积金中心审核贷款条件，核定可贷额度和期限。' },
      { name: '面签', description: '借款人（已婚的夫妻双方）到受托银行面签借款合同。' },
      { name: '抵押放款', description: '办理抵押登记后发放贷款。' },
    ],
    handlingType: 'promised',
    statutoryDays: 15,
    promisedDays: 7,
    fee: { free: true, items: [] },
    visits: 1,
    onlineDepth: 'pre_review',
    appointment: true,
    deliveryOptions: ['self'],
    consultPhone: CONSULT_PHONE.gjj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '住房公积金个人住房借款合同' },
    faq: [
      { q: '能贷多少？', a: '按缴存余额、缴存基数、还款能力和房价等因素核定，并不超过本市公布的最高贷款额度。' },
      { q: '公积金贷款收费吗？', a: '住房公积金中心不收取任何手续费；抵押登记费等按规定由相关部门收取。' },
      { q: '在外地缴存的公积金能在示例市贷款吗？', a: '可以，外地缴存职工在本市购房的，可凭缴存地出具的缴存使用证明申请异地贷款。' },
    ],
  },
]
