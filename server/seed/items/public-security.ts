/** 示例市公安局: 居民身份证、户籍、居住证、犯罪记录查询、养犬登记. */
import { COMPLAINT_PHONE, CONSULT_PHONE, DEPT } from '../departments'
import {
  form, hukouBook, idCard, mat, marriageCert, photo, propertyCert, proxyMaterials, proxySituation,
  residencePermit, where,
} from '../helpers'
import type { SeedItem } from '../types'

const ID_CARD_FEE_BASIS =
  '《中华人民共和国居民身份证法》第二十条；《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）'

const ID_CARD_LAW_ART12 = {
  law: '《中华人民共和国居民身份证法》',
  article: '第十二条',
  text: '公民申请领取、换领、补领居民身份证，公安机关应当按照规定及时予以办理。公安机关应当自公民提交《居民身份证申领登记表》之日起六十日内发放居民身份证；交通不便的地区，办理时间可以适当延长，但延长的时间不得超过三十日。',
}

const HUKOU_WINDOWS = {
  city: 'B区 公安户政窗口（B01-B06）',
  district: '公安户政综合窗口',
  township: '派出所户政窗口',
} as const

/** Questions shared by 换领 and 补领. */
const residenceQuestion = {
  id: 'residence',
  question: '您的户口是否在示例市？',
  help: '居民身份证可在全国范围内异地换领、补领，不必回户籍地。',
  options: [
    { value: 'local', label: '是，本市户籍' },
    { value: 'nonlocal', label: '否，外地户籍在本市办理', effects: [{ op: 'add' as const, materialId: 'residence-permit' }] },
  ],
}

const ageQuestion = {
  id: 'age',
  question: '申请人年龄',
  help: '未满十六周岁的公民，由监护人代为申请，本人须到场采集相片和指纹。',
  options: [
    { value: 'adult', label: '已满十六周岁（本人亲自办理）' },
    {
      value: 'minor',
      label: '未满十六周岁（由监护人陪同代为申请）',
      effects: [
        { op: 'add' as const, materialId: 'guardian-id' },
        { op: 'add' as const, materialId: 'hukou-book' },
      ],
    },
  ],
}

const pickupQuestion = {
  id: 'pickup',
  question: '新证如何领取？',
  options: [
    { value: 'window', label: '到受理窗口领取' },
    { value: 'mail', label: 'EMS邮寄到家', effects: [{ op: 'add' as const, materialId: 'mail-form' }] },
  ],
}

const idCardCommonMaterials = (hukouCondition: string) => [
  photo({ notes: '本人须到场，现场采集相片和指纹信息' }),
  form('apply-form', '《居民身份证申领登记表》', { sourceNote: '窗口现场打印，申请人核对无误后签字' }),
  hukouBook({ requirement: 'conditional' as const, condition: hukouCondition }),
  idCard({
    id: 'guardian-id',
    name: '监护人居民身份证',
    requirement: 'conditional' as const,
    condition: '未满十六周岁由监护人代为申请的',
    notes: '监护人须陪同到场',
  }),
  residencePermit('户籍不在本市、在本市异地办理的', {
    notes: '示例市受理点用于核验现居住地址；尚未办理居住证的，可凭已登记的居住信息办理',
  }),
  form('mail-form', '居民身份证邮寄送达登记单', {
    requirement: 'conditional' as const,
    condition: '选择EMS邮寄送达的',
    sourceNote: '窗口现场填写收件人、地址和电话',
    notes: '本市范围内邮寄费用由公安机关承担',
  }),
]

export const items: SeedItem[] = [
  {
    code: 'GA-0001',
    name: '居民身份证换领',
    kind: 'confirmation',
    aliases: ['换身份证', '身份证到期', '身份证过期', '身份证换证', '身份证损坏', '改名换身份证'],
    lifeEvents: ['identity', 'travel'],
    subjects: ['person'],
    department: DEPT.gaj,
    undertaker: '户籍所在地或现居住地公安派出所、公安户政窗口',
    ...where(HUKOU_WINDOWS),
    legalBasis: [
      {
        law: '《中华人民共和国居民身份证法》',
        article: '第十一条',
        text: '居民身份证有效期满、公民姓名变更或者证件严重损坏不能辨认的，应当申请换领新证；居民身份证登记项目出现错误的，公安机关应当及时更正，换发新证；领取新证时，必须交回原证。居民身份证丢失的，应当申请补领。',
      },
      ID_CARD_LAW_ART12,
      { law: '《中华人民共和国居民身份证法》', article: '第七条', text: '未满十六周岁的公民，由监护人代为申请领取居民身份证。' },
    ],
    conditions: [
      '居民身份证有效期满（可在有效期满前三个月内申请）、公民姓名变更或者证件严重损坏不能辨认的',
      '本市户籍居民，或户籍在外地、现居住在本市的居民（全国范围内可异地换领）',
      '本人须到场采集相片和指纹；未满十六周岁的，由监护人陪同代为申请',
    ],
    materials: [
      mat('old-card', '原居民身份证', {
        source: 'government',
        sourceNote: '公安机关核发',
        eLicenceType: '居民身份证',
        notes: '领取新证时交回原证',
      }),
      ...idCardCommonMaterials('未满十六周岁由监护人代为申请的，或因姓名等登记项目变更换领的'),
    ],
    situations: [
      {
        id: 'reason',
        question: '换领原因',
        options: [
          { value: 'expiry', label: '有效期满或即将期满' },
          {
            value: 'damaged',
            label: '证件严重损坏不能辨认',
            effects: [{ op: 'modify', materialId: 'old-card', note: '损坏换领按每证40元收取工本费，损坏的原证也须交回' }],
          },
          {
            value: 'name-change',
            label: '姓名等登记项目已变更',
            effects: [{ op: 'add', materialId: 'hukou-book' }],
          },
        ],
      },
      residenceQuestion,
      ageQuestion,
      pickupQuestion,
    ],
    steps: [
      { name: '预约', description: '可通过“示例市政务服务”小程序预约受理点和时段，也可直接到窗口取号。' },
      { name: '申请', description: '本人到受理窗口，现场采集相片和指纹，核对并签署《居民身份证申领登记表》。' },
      { name: '受理缴费', description: '窗口审核材料，当场受理并收取工本费，出具领证凭证。' },
      { name: '审核签发', description: '户籍所在地县级公安机关审核签发，交付制证。' },
      { name: '领证', description: '凭领证凭证到窗口领取新证并交回原证，或由EMS邮寄到家。' },
    ],
    handlingType: 'promised',
    statutoryDays: 60,
    promisedDays: 15,
    fee: {
      free: false,
      items: [
        { name: '居民身份证工本费（有效期满、登记项目变更换领）', amount: '20元/证', basis: ID_CARD_FEE_BASIS },
        { name: '居民身份证工本费（损坏换领）', amount: '40元/证', basis: ID_CARD_FEE_BASIS },
      ],
    },
    visits: 1,
    onlineDepth: 'pre_review',
    appointment: true,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.gaj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '中华人民共和国居民身份证' },
    faq: [
      { q: '身份证还没到期，可以提前换吗？', a: '可以在有效期满前三个月内申请换领；到期后原证失效，请尽早办理。' },
      { q: '换证期间急需用身份证怎么办？', a: '可以当场申请临时居民身份证（工本费10元/证，有效期三个月）；乘坐火车、飞机还可在车站、机场办理临时乘车（乘机）身份证明。' },
      { q: '我是外地户口，可以在示例市换领吗？', a: '可以。居民身份证已实行全国异地受理，到本市任一公安户政窗口即可办理，制证时间一般比本地户籍稍长。' },
      { q: '低保户换领身份证要交钱吗？', a: '城市领取最低生活保障金的居民、农村有特殊生活困难的居民，初次申领和换领居民身份证免收工本费，请携带相关证明。' },
    ],
  },
  {
    code: 'GA-0002',
    name: '居民身份证补领',
    kind: 'confirmation',
    aliases: ['身份证丢了', '身份证丢失', '补办身份证', '身份证被偷', '身份证掉了', '补身份证'],
    lifeEvents: ['identity', 'travel'],
    subjects: ['person'],
    department: DEPT.gaj,
    undertaker: '户籍所在地或现居住地公安派出所、公安户政窗口',
    ...where(HUKOU_WINDOWS),
    legalBasis: [
      { law: '《中华人民共和国居民身份证法》', article: '第十一条', text: '居民身份证丢失的，应当申请补领。' },
      ID_CARD_LAW_ART12,
    ],
    conditions: [
      '居民身份证丢失、被盗的',
      '本市户籍居民，或户籍在外地、现居住在本市的居民（全国范围内可异地补领）',
      '本人须到场采集相片和指纹；未满十六周岁的，由监护人陪同代为申请',
    ],
    materials: idCardCommonMaterials('未满十六周岁由监护人代为申请的'),
    situations: [
      residenceQuestion,
      ageQuestion,
      {
        id: 'reported',
        question: '是否已挂失原证？',
        help: '补领受理时会同时办理挂失；已通过“示例市政务服务”或拨打派出所电话挂失的，窗口可直接查询。',
        options: [
          { value: 'yes', label: '已挂失' },
          {
            value: 'no',
            label: '尚未挂失',
            effects: [{ op: 'modify', materialId: 'apply-form', note: '窗口受理时将同步办理原证挂失申报' }],
          },
        ],
      },
      pickupQuestion,
    ],
    steps: [
      { name: '挂失', description: '发现丢失后尽快通过线上渠道或公安派出所办理挂失申报，防止被冒用。' },
      { name: '申请', description: '本人到受理窗口，现场采集相片和指纹，核对并签署《居民身份证申领登记表》。' },
      { name: '受理缴费', description: '窗口当场受理，收取工本费并出具领证凭证。' },
      { name: '审核签发', description: '户籍所在地县级公安机关审核签发，交付制证。' },
      { name: '领证', description: '凭领证凭证到窗口领取，或由EMS邮寄到家。' },
    ],
    handlingType: 'promised',
    statutoryDays: 60,
    promisedDays: 15,
    fee: {
      free: false,
      items: [{ name: '居民身份证工本费（丢失补领）', amount: '40元/证', basis: ID_CARD_FEE_BASIS }],
    },
    visits: 1,
    onlineDepth: 'pre_review',
    appointment: true,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.gaj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '中华人民共和国居民身份证' },
    faq: [
      { q: '补领身份证需要登报声明吗？', a: '不需要。办理挂失申报后原证即在全国失效，无需登报。' },
      { q: '补领后原来的身份证找到了还能用吗？', a: '不能。补领新证后原证作废，找回的原证请交回公安机关。' },
      { q: '补领期间坐火车、坐飞机怎么办？', a: '可申请临时居民身份证，或在车站、机场的公安制证窗口办理临时乘车（乘机）身份证明。' },
    ],
  },
  {
    code: 'GA-0003',
    name: '户口迁移',
    kind: 'confirmation',
    aliases: ['迁户口', '落户', '户口迁入', '投靠落户', '买房落户', '准迁证', '户口转移'],
    lifeEvents: ['identity', 'housing', 'marriage', 'employment', 'school'],
    subjects: ['person'],
    department: DEPT.gaj,
    undertaker: '迁入地公安派出所、公安户政窗口',
    ...where({ city: HUKOU_WINDOWS.city, district: HUKOU_WINDOWS.district, township: HUKOU_WINDOWS.township }),
    legalBasis: [
      {
        law: '《中华人民共和国户口登记条例》',
        article: '第十条',
        text: '公民迁出本户口管辖区，由本人或者户主在迁出前向户口登记机关申报迁出登记，领取迁移证件，注销户口。',
      },
      {
        law: '《中华人民共和国户口登记条例》',
        article: '第十三条',
        text: '公民迁移，从到达迁入地的时候起，城市在三日以内，农村在十日以内，由本人或者户主持迁移证件向户口登记机关申报迁入登记，缴销迁移证件。',
      },
      { law: '《国务院关于进一步推进户籍制度改革的意见》（国发〔2014〕25号）' },
    ],
    conditions: [
      '符合示例市户口迁入条件：夫妻投靠、父母子女投靠、在本市购买合法稳定住所、工作调动或人才引进、大中专院校录取等',
      '工作调动、大中专院校录取、夫妻投靠、父母投靠子女、子女投靠父母五类户口迁移，已实行“跨省通办”，只需在迁入地办理',
    ],
    materials: [
      form('apply-form', '《户口迁移申请表》'),
      idCard({ name: '迁移人居民身份证' }),
      hukouBook({ name: '迁移人居民户口簿', notes: '跨省通办的，迁出地户籍信息由公安机关网上核验' }),
      hukouBook({
        id: 'host-book',
        name: '被投靠人（或迁入地）居民户口簿',
        requirement: 'conditional',
        condition: '投靠亲属落户的',
      }),
      marriageCert('夫妻投靠落户的'),
      mat('relation-proof', '亲属关系证明（出生医学证明、户口簿记载或公证的亲属关系证明）', {
        requirement: 'conditional',
        condition: '父母子女相互投靠落户的',
      }),
      propertyCert('购房落户的', { notes: '须为在本市取得的合法住宅产权' }),
      mat('transfer-proof', '工作调动或人才引进证明（调动审批表、行政介绍信或劳动合同）', {
        requirement: 'conditional',
        condition: '因工作调动、人才引进迁入的',
        source: 'other',
        sourceNote: '调入单位及组织人事部门出具',
      }),
      mat('admission-letter', '录取通知书', {
        requirement: 'conditional',
        condition: '大中专院校新生迁入学校集体户的',
        source: 'other',
        sourceNote: '录取院校出具',
      }),
      mat('owner-consent', '户主同意入户的书面意见', {
        requirement: 'conditional',
        condition: '投靠落户且被投靠人不是户主的',
        sourceNote: '户主签字',
      }),
      mat('co-owner-consent', '其他房屋共有人同意落户的书面意见', {
        requirement: 'conditional',
        condition: '购房落户且房屋有其他共有人的',
        sourceNote: '全体共有人签字',
      }),
      mat('child-birth-cert', '随迁未成年子女的《出生医学证明》', {
        requirement: 'conditional',
        condition: '有未成年子女随迁的',
        source: 'government',
        sourceNote: '助产医疗机构签发',
        eLicenceType: '出生医学证明',
      }),
    ],
    situations: [
      {
        id: 'reason',
        question: '户口迁移原因',
        options: [
          {
            value: 'spouse',
            label: '夫妻投靠',
            effects: [
              { op: 'add', materialId: 'marriage-cert' },
              { op: 'add', materialId: 'host-book' },
            ],
          },
          {
            value: 'parent',
            label: '父母子女相互投靠',
            effects: [
              { op: 'add', materialId: 'relation-proof' },
              { op: 'add', materialId: 'host-book' },
            ],
          },
          { value: 'purchase', label: '在本市购房', effects: [{ op: 'add', materialId: 'property-cert' }] },
          { value: 'job', label: '工作调动或人才引进', effects: [{ op: 'add', materialId: 'transfer-proof' }] },
          {
            value: 'student',
            label: '大中专院校录取',
            effects: [
              { op: 'add', materialId: 'admission-letter' },
              { op: 'modify', materialId: 'hukou-book', note: '学生迁往学校集体户，户口簿仅需出示本人页' },
            ],
          },
        ],
      },
      {
        id: 'host-is-owner',
        question: '被投靠人是不是户口簿上的户主？',
        showIf: { situationId: 'reason', values: ['spouse', 'parent'] },
        options: [
          { value: 'yes', label: '是户主' },
          { value: 'no', label: '不是户主', effects: [{ op: 'add', materialId: 'owner-consent' }] },
        ],
      },
      {
        id: 'co-owned',
        question: '所购房屋是否有其他共有人？',
        showIf: { situationId: 'reason', values: ['purchase'] },
        options: [
          { value: 'no', label: '没有，本人单独所有（或仅与配偶共有）' },
          { value: 'yes', label: '有其他共有人', effects: [{ op: 'add', materialId: 'co-owner-consent' }] },
        ],
      },
      {
        id: 'children',
        question: '是否有未成年子女随迁？',
        showIf: { situationId: 'reason', values: ['spouse', 'parent', 'purchase', 'job'] },
        options: [
          { value: 'no', label: '没有' },
          { value: 'yes', label: '有', effects: [{ op: 'add', materialId: 'child-birth-cert' }] },
        ],
      },
    ],
    steps: [
      { name: '申请', description: '向迁入地户籍窗口提交申请，可在“示例市政务服务”上预审材料。' },
      { name: '审核', description: '迁入地公安机关审核迁入条件，跨省迁移的与迁出地公安机关网上协同核验。' },
      { name: '迁入登记', description: '审批通过后办理迁入登记，迁出地户口同步注销，无需回迁出地开具迁移证。' },
      { name: '领取户口簿', description: '到窗口领取新的居民户口簿（或户口簿本人页），随后可换领居民身份证。' },
    ],
    handlingType: 'promised',
    statutoryDays: null,
    promisedDays: 10,
    fee: { free: true, items: [] },
    visits: 1,
    onlineDepth: 'pre_review',
    appointment: true,
    deliveryOptions: ['self'],
    consultPhone: CONSULT_PHONE.gaj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '户口迁入登记（居民户口簿）' },
    faq: [
      { q: '从外省迁来，还要回老家开迁移证吗？', a: '工作调动、大中专院校录取、夫妻投靠、父母投靠子女、子女投靠父母五类情形已实行跨省“一地办理”，只需在示例市申请。其他情形按迁出地公安机关要求办理。' },
      { q: '户口迁过来以后身份证要换吗？', a: '住址变化后原证仍在有效期内可继续使用；如需证件地址与户口一致，可申请换领。' },
      { q: '购房落户对面积有要求吗？', a: '以示例市当期公布的落户政策为准，窗口将按受理时的政策审核。' },
    ],
  },
  {
    code: 'GA-0004',
    name: '出生登记',
    kind: 'confirmation',
    aliases: ['新生儿上户口', '报户口', '宝宝落户', '小孩上户口', '出生上户口', '新生儿落户'],
    lifeEvents: ['birth', 'identity'],
    subjects: ['person'],
    department: DEPT.gaj,
    undertaker: '父亲或母亲常住户口所在地公安派出所',
    ...where(HUKOU_WINDOWS),
    legalBasis: [
      {
        law: '《中华人民共和国户口登记条例》',
        article: '第七条',
        text: '婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。',
      },
      {
        law: '《国务院办公厅关于解决无户口人员登记户口问题的意见》（国办发〔2015〕96号）',
        text: '政策外生育、非婚生育的无户口人员，本人或者其监护人可以凭《出生医学证明》和父亲或者母亲的居民户口簿、非婚生育说明，按照随父随母落户自愿的政策，申请办理常住户口登记。申请随父落户的非婚生育无户口人员，需一并提供具有资质的鉴定机构出具的亲子鉴定证明。',
      },
    ],
    conditions: [
      '婴儿出生后一个月内申报（逾期仍可办理）',
      '父亲或母亲一方为示例市常住户口',
      '按照随父随母落户自愿的原则，落户到父亲或母亲户口所在户',
    ],
    materials: [
      mat('birth-cert', '《出生医学证明》', {
        source: 'government',
        sourceNote: '助产医疗机构签发',
        eLicenceType: '出生医学证明',
      }),
      idCard({ id: 'parent-ids', name: '父母双方居民身份证' }),
      hukouBook({ name: '落户方（父亲或母亲）的居民户口簿' }),
      marriageCert('父母为婚内生育的'),
      mat('non-marital-statement', '非婚生育说明', {
        requirement: 'conditional',
        condition: '非婚生育的',
        sourceNote: '申报人签字',
      }),
      mat('paternity-test', '亲子鉴定证明', {
        requirement: 'conditional',
        condition: '非婚生育且申请随父落户的',
        source: 'intermediary',
        sourceNote: '具有资质的司法鉴定机构出具',
      }),
      mat('foreign-birth-cert', '境外出生证明（经公证、认证或附官方中文译本）', {
        requirement: 'conditional',
        condition: '在境外出生的',
        source: 'other',
      }),
      mat('travel-document', '婴儿的中华人民共和国护照或旅行证', {
        requirement: 'conditional',
        condition: '在境外出生的',
        source: 'government',
        sourceNote: '出入境管理部门或驻外使领馆签发',
        notes: '须含入境记录',
      }),
    ],
    situations: [
      {
        id: 'marriage',
        question: '父母婚姻状况',
        options: [
          { value: 'married', label: '已登记结婚（婚内生育）', effects: [{ op: 'add', materialId: 'marriage-cert' }] },
          { value: 'unmarried', label: '未登记结婚（非婚生育）', effects: [{ op: 'add', materialId: 'non-marital-statement' }] },
        ],
      },
      {
        id: 'follow',
        question: '孩子随父亲还是随母亲落户？',
        showIf: { situationId: 'marriage', values: ['unmarried'] },
        options: [
          { value: 'mother', label: '随母亲落户' },
          { value: 'father', label: '随父亲落户', effects: [{ op: 'add', materialId: 'paternity-test' }] },
        ],
      },
      {
        id: 'birthplace',
        question: '孩子在哪里出生？',
        options: [
          { value: 'local', label: '示例市内的医疗机构' },
          {
            value: 'other',
            label: '外地医疗机构',
            effects: [{ op: 'modify', materialId: 'birth-cert', note: '外地签发的《出生医学证明》由窗口在线核验真伪，核验不通过的需补充签发机构证明' }],
          },
          {
            value: 'abroad',
            label: '境外',
            effects: [
              { op: 'remove', materialId: 'birth-cert' },
              { op: 'add', materialId: 'foreign-birth-cert' },
              { op: 'add', materialId: 'travel-document' },
            ],
          },
        ],
      },
    ],
    steps: [
      { name: '申报', description: '到落户方户口所在地派出所或户政窗口申报，也可在医院“出生一件事”联办窗口提交。' },
      { name: '审核', description: '窗口核验《出生医学证明》和父母身份、婚姻信息。' },
      { name: '登记', description: '材料齐全的当场办理出生登记，在户口簿上增加婴儿户口页。' },
    ],
    handlingType: 'immediate',
    statutoryDays: null,
    promisedDays: 0,
    fee: { free: true, items: [] },
    visits: 1,
    onlineDepth: 'pre_review',
    appointment: false,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.gaj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '居民户口簿（新生儿户口页）' },
    faq: [
      { q: '超过一个月才去上户口还能办吗？', a: '能办。逾期申报不影响登记，但请尽快办理，以免影响参保、入学等后续事项。' },
      { q: '上户口时要先给孩子起好名字吗？', a: '是的，请事先确定姓名，登记后再变更需要另行申请。' },
      { q: '父母一方是外地户口，孩子能落在示例市吗？', a: '可以随本市户籍的父亲或母亲落户。' },
      { q: '可以和医保参保一起办吗？', a: '可以。“出生一件事”可一次申请出生登记、城乡居民医保参保和社会保障卡申领。' },
    ],
  },
  {
    code: 'GA-0005',
    name: '居住证申领',
    kind: 'confirmation',
    aliases: ['办居住证', '暂住证', '居住登记', '外地人居住证', '居住证办理'],
    lifeEvents: ['identity', 'housing', 'employment', 'school'],
    subjects: ['person'],
    department: DEPT.gaj,
    undertaker: '居住地公安派出所或受公安机关委托的社区服务机构',
    ...where({ district: HUKOU_WINDOWS.district, township: HUKOU_WINDOWS.township, village: '居住证代办窗口' }),
    legalBasis: [
      {
        law: '《居住证暂行条例》',
        article: '第二条',
        text: '公民离开常住户口所在地，到其他城市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以依照本条例的规定申领居住证。',
      },
      {
        law: '《居住证暂行条例》',
        article: '第九条',
        text: '申领居住证，应当向居住地公安派出所或者受公安机关委托的社区服务机构提交本人居民身份证、本人相片以及居住地住址、就业、就读等证明材料。',
      },
    ],
    conditions: [
      '离开常住户口所在地，在示例市居住半年以上并已办理居住登记',
      '在本市有合法稳定就业、合法稳定住所、连续就读三项条件之一',
    ],
    materials: [
      idCard(),
      photo(),
      form('apply-form', '《居住证申领登记表》'),
      mat('employment-proof', '就业证明（劳动合同、单位出具的劳动关系证明或营业执照）', {
        requirement: 'conditional',
        condition: '以合法稳定就业申领的',
      }),
      mat('study-proof', '就读证明（学生证或学校出具的在读证明）', {
        requirement: 'conditional',
        condition: '以连续就读申领的',
        source: 'other',
        sourceNote: '就读学校出具',
      }),
      propertyCert('居住在自有房屋的'),
      mat('lease', '房屋租赁合同', {
        requirement: 'conditional',
        condition: '居住在租赁房屋的',
        notes: '已办理租赁登记备案的，窗口可直接查询',
      }),
      mat('lodging-proof', '单位或学校出具的住宿证明', {
        requirement: 'conditional',
        condition: '居住在单位宿舍或学校宿舍的',
        source: 'other',
      }),
    ],
    situations: [
      {
        id: 'basis',
        question: '您以哪项条件申领居住证？',
        help: '符合其中一项即可；以合法稳定住所申领的，只需提供住所证明。',
        options: [
          { value: 'work', label: '合法稳定就业', effects: [{ op: 'add', materialId: 'employment-proof' }] },
          { value: 'study', label: '连续就读', effects: [{ op: 'add', materialId: 'study-proof' }] },
          { value: 'housing', label: '合法稳定住所' },
        ],
      },
      {
        id: 'housing',
        question: '您目前住在哪里？',
        options: [
          { value: 'own', label: '自有房屋', effects: [{ op: 'add', materialId: 'property-cert' }] },
          { value: 'rent', label: '租赁房屋', effects: [{ op: 'add', materialId: 'lease' }] },
          { value: 'dorm', label: '单位或学校宿舍', effects: [{ op: 'add', materialId: 'lodging-proof' }] },
        ],
      },
    ],
    steps: [
      { name: '居住登记', description: '到本市居住后，先向居住地派出所或社区办理居住登记。' },
      { name: '申请', description: '居住满半年后携带材料到受理点申请，现场采集相片。' },
      { name: '审核制证', description: '县级公安机关审核签发并制作居住证。' },
      { name: '领证', description: '到受理点领取，或选择EMS邮寄。居住证每年签注一次。' },
    ],
    handlingType: 'promised',
    statutoryDays: 15,
    promisedDays: 10,
    fee: { free: true, items: [] },
    visits: 1,
    onlineDepth: 'pre_review',
    appointment: false,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.gaj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '示例市居住证' },
    faq: [
      { q: '首次领取居住证收费吗？', a: '首次领取免收工本费；换领、补领按规定收取工本费。' },
      { q: '居住证每年都要签注吗？', a: '是。居住证每年签注一次，可在期满前通过线上渠道或到受理点办理，逾期未签注的居住年限不连续计算。' },
      { q: '居住证有什么用？', a: '可在本市享受义务教育、基本公共就业服务、基本公共卫生服务等基本公共服务，并作为积分落户、随迁子女入学等的依据。' },
    ],
  },
  {
    code: 'GA-0006',
    name: '临时居民身份证申领',
    kind: 'confirmation',
    aliases: ['临时身份证', '急用身份证', '临时证', '办临时身份证'],
    lifeEvents: ['identity', 'travel'],
    subjects: ['person'],
    department: DEPT.gaj,
    undertaker: '公安派出所、公安户政窗口',
    ...where({ city: HUKOU_WINDOWS.city, district: HUKOU_WINDOWS.district }),
    legalBasis: [
      {
        law: '《中华人民共和国居民身份证法》',
        article: '第十二条',
        text: '公民在申请领取、换领、补领居民身份证期间，急需使用居民身份证的，可以申请领取临时居民身份证，公安机关应当按照规定及时予以办理。',
      },
      { law: '《中华人民共和国临时居民身份证管理办法》' },
    ],
    conditions: ['已申请领取、换领或补领居民身份证，在领取新证前急需使用居民身份证的'],
    materials: [
      mat('receipt', '居民身份证受理回执（领证凭证）', { source: 'government', sourceNote: '受理居民身份证申请时出具' }),
      photo(),
      form('apply-form', '《临时居民身份证申领登记表》'),
      hukouBook({ requirement: 'conditional', condition: '未满十六周岁由监护人代为申请的' }),
      idCard({
        id: 'guardian-id',
        name: '监护人居民身份证',
        requirement: 'conditional',
        condition: '未满十六周岁由监护人代为申请的',
      }),
    ],
    situations: [ageQuestion],
    steps: [
      { name: '申请', description: '凭居民身份证受理回执到窗口申请，现场采集相片。' },
      { name: '制证', description: '窗口审核后当场制作。' },
      { name: '领证', description: '当场领取；新证领取时交回临时居民身份证。' },
    ],
    handlingType: 'immediate',
    statutoryDays: 3,
    promisedDays: 0,
    fee: {
      free: false,
      items: [{ name: '临时居民身份证工本费', amount: '10元/证', basis: '《中华人民共和国临时居民身份证管理办法》及国家发展改革委、财政部核定的收费标准' }],
    },
    visits: 1,
    onlineDepth: 'info',
    appointment: false,
    deliveryOptions: ['self'],
    consultPhone: CONSULT_PHONE.gaj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '中华人民共和国临时居民身份证' },
    faq: [
      { q: '临时居民身份证有效期多久？', a: '有效期为三个月，自签发之日起计算。' },
      { q: '没有申请换领或补领，能直接办临时身份证吗？', a: '不能。须先申请领取、换领或补领居民身份证，在等待新证期间才可申领。' },
    ],
  },
  {
    code: 'GA-0007',
    name: '无犯罪记录证明',
    kind: 'public_service',
    aliases: ['开无犯罪证明', '无犯罪证明', '犯罪记录查询', '政审证明', '良民证'],
    lifeEvents: ['employment', 'identity'],
    subjects: ['person'],
    department: DEPT.gaj,
    undertaker: '户籍地或居住地公安派出所',
    ...where({ city: HUKOU_WINDOWS.city, district: HUKOU_WINDOWS.district, township: HUKOU_WINDOWS.township }),
    legalBasis: [{ law: '《公安机关办理犯罪记录查询工作规定》（公通字〔2021〕19号）' }],
    conditions: [
      '个人可查询本人有无犯罪记录',
      '户籍在本市，或在本市居住并持有居住证的人员',
    ],
    materials: [
      idCard(),
      form('apply-form', '《犯罪记录查询申请表》', { notes: '须注明查询用途' }),
      ...proxyMaterials('委托他人代为申请的'),
    ],
    situations: [proxySituation('由谁申请？')],
    steps: [
      { name: '申请', description: '通过“示例市政务服务”在线申请，或到户籍地、居住地派出所窗口申请。' },
      { name: '查询', description: '公安机关查询全国违法犯罪人员信息资源库。' },
      { name: '出具', description: '出具《无犯罪记录证明》（电子证明可在线下载，扫码可验真）。' },
    ],
    handlingType: 'promised',
    statutoryDays: 3,
    promisedDays: 1,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self'],
    consultPhone: CONSULT_PHONE.gaj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '无犯罪记录证明', eLicence: true },
    faq: [
      { q: '电子证明和纸质证明效力一样吗？', a: '一样。电子证明附有二维码，使用单位可扫码核验。' },
      { q: '出国用的无犯罪记录证明怎么办？', a: '先在公安机关开具证明，再到公证机构办理公证及认证手续。' },
    ],
  },
  {
    code: 'GA-0008',
    name: '养犬登记',
    kind: 'confirmation',
    aliases: ['狗证', '办狗证', '犬证', '养狗登记', '犬只登记', '狗狗上户口'],
    lifeEvents: ['housing'],
    subjects: ['person', 'company'],
    department: DEPT.gaj,
    undertaker: '各公安分局、派出所（养犬登记点）',
    ...where({ district: '养犬登记窗口', township: '派出所综合窗口' }),
    legalBasis: [
      {
        law: '《中华人民共和国动物防疫法》',
        article: '第三十条',
        text: '单位和个人饲养犬只，应当按照规定定期免疫接种狂犬病疫苗，凭动物诊疗机构出具的免疫证明向所在地养犬登记机关申请登记。',
      },
    ],
    conditions: [
      '养犬人为具有完全民事行为能力的本市居民或单位',
      '犬只已接种狂犬病疫苗且在免疫有效期内，不属于本市禁养犬种',
      '每户限养一只',
    ],
    materials: [
      idCard({ name: '养犬人居民身份证' }),
      mat('rabies-cert', '犬只狂犬病免疫证明', { source: 'other', sourceNote: '动物诊疗机构出具' }),
      mat('dog-photo', '犬只正面、侧面彩色照片', { forms: ['electronic'], notes: '可现场拍摄' }),
      propertyCert('在自有住房内饲养的'),
      mat('lease', '房屋租赁合同及出租人同意养犬的书面意见', {
        requirement: 'conditional',
        condition: '在租赁住房内饲养的',
      }),
    ],
    situations: [
      {
        id: 'housing',
        question: '犬只饲养在哪里？',
        options: [
          { value: 'own', label: '自有住房', effects: [{ op: 'add', materialId: 'property-cert' }] },
          { value: 'rent', label: '租赁住房', effects: [{ op: 'add', materialId: 'lease' }] },
        ],
      },
    ],
    steps: [
      { name: '免疫', description: '到动物诊疗机构为犬只接种狂犬病疫苗并植入电子标识。' },
      { name: '申请', description: '在线或到登记窗口提交材料。' },
      { name: '审核发证', description: '审核通过后发放犬只登记证和犬牌，每年须凭有效免疫证明年检。' },
    ],
    handlingType: 'promised',
    statutoryDays: null,
    promisedDays: 3,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.gaj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '犬只登记证及犬牌' },
    faq: [
      { q: '养犬登记收费吗？', a: '示例市养犬登记不收取费用；狂犬病疫苗接种费用由动物诊疗机构按规定收取。' },
      { q: '犬只丢失或死亡怎么办？', a: '请在15日内到登记机关办理注销登记。' },
    ],
  },
  {
    code: 'GA-0009',
    name: '死亡户口注销',
    kind: 'confirmation',
    aliases: ['销户', '注销户口', '死亡销户', '人去世了销户口', '户口注销'],
    lifeEvents: ['death', 'identity'],
    subjects: ['person'],
    department: DEPT.gaj,
    undertaker: '死者常住户口所在地公安派出所',
    ...where(HUKOU_WINDOWS),
    legalBasis: [
      {
        law: '《中华人民共和国户口登记条例》',
        article: '第八条',
        text: '公民死亡，城市在葬前，农村在一个月以内，由户主、亲属、抚养人或者邻居向户口登记机关申报死亡登记，注销户口。',
      },
    ],
    conditions: ['户主、亲属、抚养人或者邻居均可申报'],
    materials: [
      mat('death-cert', '《居民死亡医学证明（推断）书》', {
        source: 'government',
        sourceNote: '医疗卫生机构出具',
        notes: '在家中正常死亡的，由社区卫生服务中心或乡镇卫生院出具',
      }),
      hukouBook({ name: '死者居民户口簿' }),
      idCard({ id: 'deceased-id', name: '死者居民身份证', notes: '注销户口时交回' }),
      idCard({ name: '申报人居民身份证' }),
      mat('police-cert', '公安机关出具的死亡证明', {
        requirement: 'conditional',
        condition: '非正常死亡的',
        source: 'government',
        sourceNote: '负责调查的公安机关出具',
      }),
      mat('court-judgment', '人民法院宣告死亡判决书', {
        requirement: 'conditional',
        condition: '被人民法院宣告死亡的',
        source: 'government',
      }),
      mat('lost-statement', '死者居民身份证遗失情况说明', {
        requirement: 'conditional',
        condition: '死者居民身份证无法交回的',
        sourceNote: '申报人签字',
      }),
    ],
    situations: [
      {
        id: 'circumstance',
        question: '死亡情形',
        options: [
          { value: 'natural', label: '正常死亡（医院内或家中）' },
          {
            value: 'unnatural',
            label: '非正常死亡（意外事故等）',
            effects: [
              { op: 'remove', materialId: 'death-cert' },
              { op: 'add', materialId: 'police-cert' },
            ],
          },
          {
            value: 'declared',
            label: '被人民法院宣告死亡',
            effects: [
              { op: 'remove', materialId: 'death-cert' },
              { op: 'add', materialId: 'court-judgment' },
            ],
          },
        ],
      },
      {
        id: 'card-returned',
        question: '死者的居民身份证能否交回？',
        options: [
          { value: 'yes', label: '能交回' },
          {
            value: 'no',
            label: '已遗失，无法交回',
            effects: [
              { op: 'remove', materialId: 'deceased-id' },
              { op: 'add', materialId: 'lost-statement' },
            ],
          },
        ],
      },
    ],
    steps: [
      { name: '申报', description: '到死者户口所在地派出所或户政窗口申报死亡登记。' },
      { name: '注销', description: '窗口核验后当场注销户口，收回居民身份证。' },
      { name: '出具证明', description: '需要的可当场出具户口注销证明，用于后续继承、社保等事项。' },
    ],
    handlingType: 'immediate',
    statutoryDays: null,
    promisedDays: 0,
    fee: { free: true, items: [] },
    visits: 1,
    onlineDepth: 'pre_review',
    appointment: false,
    deliveryOptions: ['self'],
    consultPhone: CONSULT_PHONE.gaj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '户口注销证明' },
    faq: [
      { q: '注销户口后，社保、医保要另外去办吗？', a: '“身后事一件事”可在同一窗口一并提出养老金停发、医保注销、丧葬补助和殡葬补贴申请。' },
      { q: '办理户口注销需要本人的火化证明吗？', a: '一般不需要；无法取得死亡医学证明的，可凭殡仪馆出具的火化证明办理。' },
    ],
  },
]
