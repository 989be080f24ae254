/** 示例市市场监督管理局: 经营主体登记、食品经营许可、药品零售许可. */
import { COMPLAINT_PHONE, CONSULT_PHONE, DEPT } from '../departments'
import {
  businessLicence, form, hukouBook, idCard, mat, marriageCert, propertyCert, proxyMaterials, proxySituation, where,
} from '../helpers'
import type { SeedItem } from '../types'

const REGISTRATION_LAW_ART19 = {
  law: '《中华人民共和国市场主体登记管理条例》',
  article: '第十九条',
  text: '登记机关应当对申请材料进行形式审查。对申请材料齐全、符合法定形式的予以确认并当场登记。不能当场登记的，应当在3个工作日内予以登记；情形复杂的，经登记机关负责人批准，可以再延长3个工作日。',
}

/** Premises questions and papers shared by the registration items. */
const premisesMaterials = [
  propertyCert('经营场所为自有房屋的；租赁、借用的提供出租（出借）方的产权证明', {
    name: '经营场所不动产权证书（或房屋产权证明）',
    forms: ['copy'],
  }),
  mat('lease', '房屋租赁合同', { requirement: 'conditional', condition: '经营场所为租赁房屋的', forms: ['copy'] }),
  mat('free-use-proof', '房屋无偿使用证明', {
    requirement: 'conditional',
    condition: '经营场所由他人无偿提供使用的',
    sourceNote: '产权人签字',
  }),
]

const premisesQuestion = {
  id: 'premises',
  question: '经营场所（住所）是自有还是租用？',
  help: '已纳入本市住所（经营场所）申报承诺制区域的，可签署承诺书代替上述证明。',
  options: [
    { value: 'own', label: '自有房屋', effects: [{ op: 'add' as const, materialId: 'property-cert' }] },
    {
      value: 'rent',
      label: '租赁房屋',
      effects: [
        { op: 'add' as const, materialId: 'lease' },
        { op: 'add' as const, materialId: 'property-cert' },
      ],
    },
    {
      value: 'free',
      label: '他人无偿提供',
      effects: [
        { op: 'add' as const, materialId: 'free-use-proof' },
        { op: 'add' as const, materialId: 'property-cert' },
      ],
    },
  ],
}

export const items: SeedItem[] = [
  {
    code: 'SJ-0001',
    name: '食品经营许可',
    kind: 'licence',
    aliases: ['食品经营许可证', '开饭店', '餐饮许可证', '食品许可证', '开超市', '卖食品', '健康证'],
    lifeEvents: ['business'],
    subjects: ['company', 'person'],
    department: DEPT.scjg,
    undertaker: '经营场所所在地区市场监督管理局',
    ...where({ city: 'C区 市场准入窗口（C11-C16）', district: '市场监管综合窗口' }),
    legalBasis: [
      {
        law: '《中华人民共和国食品安全法》',
        article: '第三十五条',
        text: '国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。但是，销售食用农产品和仅销售预包装食品的，不需要取得许可。仅销售预包装食品的，应当报所在地县级以上地方人民政府食品安全监督管理部门备案。',
      },
      { law: '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）' },
      { law: '《中华人民共和国行政许可法》' },
    ],
    conditions: [
      '已取得营业执照或其他主体资格证明文件',
      '具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，与有毒、有害场所以及其他污染源保持规定的距离',
      '具有与经营的食品品种、数量相适应的经营设备或者设施',
      '有专职或者兼职的食品安全管理人员和保证食品安全的规章制度',
      '具有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染',
    ],
    materials: [
      form('apply-form', '食品经营许可申请书'),
      businessLicence(),
      mat('layout', '与食品经营相适应的主要设备设施、经营布局、操作流程等文件', { paperSize: 'A4' }),
      mat('rules', '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录清单', {
        paperSize: 'A4',
      }),
      mat('kitchen-flow', '设备布局和工艺流程图（标明加工操作区、洗消区、专间及排烟、给排水设施）', {
        requirement: 'conditional',
        condition: '从事餐饮服务（含单位食堂）的',
        paperSize: 'A3',
      }),
      mat('safety-manager', '食品安全管理人员名单及其培训考核合格证明', {
        requirement: 'conditional',
        condition: '从事餐饮服务（含单位食堂）的',
        forms: ['copy'],
      }),
      form('prepack-record', '仅销售预包装食品备案信息采集表', {
        requirement: 'conditional',
        condition: '仅销售预包装食品、办理备案的',
      }),
      mat('online-info', '网站备案（ICP备案）信息或入驻的网络食品交易第三方平台名称及网店网址', {
        requirement: 'conditional',
        condition: '通过网络经营食品的',
        forms: ['copy'],
      }),
      mat('vending-info', '自动售货设备的产品合格证明、具体放置地点及经营者联系方式、食品安全公示信息', {
        requirement: 'conditional',
        condition: '利用自动售货设备经营食品的',
        forms: ['copy'],
      }),
      ...proxyMaterials('委托代理人办理的'),
    ],
    situations: [
      {
        id: 'category',
        question: '主要经营项目',
        options: [
          { value: 'sales', label: '食品销售（含散装食品、特殊食品、冷藏冷冻食品等）' },
          {
            value: 'catering',
            label: '餐饮服务（含单位食堂）',
            effects: [
              { op: 'add', materialId: 'kitchen-flow' },
              { op: 'add', materialId: 'safety-manager' },
            ],
          },
          {
            value: 'both',
            label: '食品销售和餐饮服务兼营',
            effects: [
              { op: 'add', materialId: 'kitchen-flow' },
              { op: 'add', materialId: 'safety-manager' },
            ],
          },
          {
            value: 'prepack',
            label: '仅销售预包装食品（办理备案，无需许可）',
            effects: [
              { op: 'remove', materialId: 'layout' },
              { op: 'remove', materialId: 'rules' },
              { op: 'remove', materialId: 'apply-form' },
              { op: 'add', materialId: 'prepack-record' },
            ],
          },
        ],
      },
      {
        id: 'channels',
        question: '是否有以下经营方式？（可多选）',
        multiple: true,
        options: [
          { value: 'store', label: '仅实体门店经营' },
          { value: 'online', label: '网络经营', effects: [{ op: 'add', materialId: 'online-info' }] },
          { value: 'vending', label: '自动售货设备', effects: [{ op: 'add', materialId: 'vending-info' }] },
        ],
      },
      proxySituation('是否委托代理人办理？', '法定代表人（负责人）本人办理'),
    ],
    steps: [
      { name: '申请', description: '通过“示例市政务服务”在线提交，或到市场监管窗口提交申请材料。' },
      { name: '受理', description: '材料齐全、符合法定形式的当场受理；需要补正的一次性告知。' },
      { name: '审查', description: '审查申请材料，必要时进行现场核查（核查时间不计入审查时限）。' },
      { name: '决定', description: '作出准予或不予许可的决定，准予许可的发放食品经营许可证（有效期5年）。' },
    ],
    handlingType: 'promised',
    statutoryDays: 10,
    promisedDays: 5,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.scjg,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '食品经营许可证' },
    faq: [
      { q: '只卖包装好的零食饮料，也要办食品经营许可证吗？', a: '不需要。仅销售预包装食品的，依照《食品安全法》第三十五条办理备案即可，备案当场完成。' },
      { q: '员工需要健康证吗？', a: '需要。从事接触直接入口食品工作的从业人员应当每年进行健康检查，取得健康证明后方可上岗；健康证明由具备资质的体检机构出具，不作为许可申请材料提交，但现场核查时会抽查。' },
      { q: '许可证到期了怎么办？', a: '应在有效期届满前向原发证部门申请延续，逾期未申请的需重新申请许可。' },
    ],
  },
  {
    code: 'SJ-0002',
    name: '个体工商户设立登记',
    kind: 'licence',
    aliases: ['办营业执照', '个体执照', '开店执照', '个体户注册', '个体户营业执照', '营业执照'],
    lifeEvents: ['business', 'employment'],
    subjects: ['person'],
    department: DEPT.scjg,
    undertaker: '经营场所所在地区市场监督管理局、市场监督管理所',
    ...where({ district: '市场监管综合窗口', township: '市场监管所登记窗口' }),
    legalBasis: [
      { law: '《促进个体工商户发展条例》（国务院令第755号）' },
      REGISTRATION_LAW_ART19,
      { law: '《中华人民共和国市场主体登记管理条例实施细则》（国家市场监督管理总局令第52号）' },
    ],
    conditions: [
      '有经营能力的公民，可以个人经营或者家庭经营',
      '有固定的经营场所（网络经营的，可以将经常居住地登记为经营场所）',
      '经营范围不属于法律、行政法规禁止的项目；涉及许可的，取得营业执照后再申请相关许可',
    ],
    materials: [
      form('apply-form', '个体工商户登记（备案）申请书'),
      idCard({ name: '经营者居民身份证' }),
      ...premisesMaterials,
      hukouBook({
        id: 'family-book',
        name: '参加经营的家庭成员的居民户口簿',
        requirement: 'conditional',
        condition: '家庭经营，家庭成员在同一户口簿上的',
      }),
      marriageCert('家庭经营且与配偶共同经营、不在同一户口簿上的', { forms: ['copy'] }),
      ...proxyMaterials('委托代理人办理的'),
    ],
    situations: [
      premisesQuestion,
      {
        id: 'form',
        question: '组成形式',
        options: [
          { value: 'individual', label: '个人经营' },
          {
            value: 'family',
            label: '家庭经营',
            effects: [
              { op: 'add', materialId: 'family-book' },
              { op: 'add', materialId: 'marriage-cert' },
            ],
          },
        ],
      },
      proxySituation('是否委托代理人办理？', '经营者本人办理'),
    ],
    steps: [
      { name: '申请', description: '通过“示例市政务服务”或全程电子化登记平台在线申请，也可到窗口申请。' },
      { name: '审查', description: '登记机关对材料进行形式审查。' },
      { name: '登记发照', description: '材料齐全、符合法定形式的当场登记，发放营业执照（电子营业执照同步生成）。' },
    ],
    handlingType: 'immediate',
    statutoryDays: 3,
    promisedDays: 0,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.scjg,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '营业执照（个体工商户）' },
    faq: [
      { q: '办个体户营业执照要交钱吗？', a: '不收费。登记及营业执照、电子营业执照均免费。' },
      { q: '只在网上开店可以办个体户吗？', a: '可以。仅通过网络经营的，可以将经常居住地登记为经营场所，在网店首页公示营业执照信息。' },
      { q: '开小吃店还需要什么？', a: '取得营业执照后，还须办理食品经营许可（仅销售预包装食品的办理备案），可在“开餐馆一件事”中一并申请。' },
    ],
  },
  {
    code: 'SJ-0003',
    name: '营业执照变更登记',
    kind: 'licence',
    aliases: ['营业执照变更', '换营业执照', '公司变更', '变更法人', '变更地址', '公司改名', '增资', '减资'],
    lifeEvents: ['business'],
    subjects: ['company'],
    department: DEPT.scjg,
    undertaker: '原登记机关',
    ...where({ city: 'C区 市场准入窗口（C11-C16）', district: '市场监管综合窗口' }),
    legalBasis: [
      {
        law: '《中华人民共和国市场主体登记管理条例》',
        article: '第二十四条',
        text: '市场主体变更登记事项，应当自作出变更决议、决定或者法定变更事项发生之日起30日内向登记机关申请变更登记。',
      },
      REGISTRATION_LAW_ART19,
      { law: '《中华人民共和国公司法》' },
    ],
    conditions: ['已在示例市登记的公司、非公司企业法人、合伙企业等经营主体', '依法作出变更决议或决定，或法定变更事项已经发生'],
    materials: [
      form('apply-form', '公司登记（备案）申请书（变更）', { notes: '法定代表人签字' }),
      mat('resolution', '依法作出的变更决议或者决定（股东会决议、股东决定等）'),
      businessLicence({ name: '营业执照正本、副本', forms: ['original'], notes: '换发新照时交回；已领取电子营业执照的无需交回' }),
      mat('articles-amend', '章程修正案或者修改后的章程', {
        requirement: 'conditional',
        condition: '变更事项涉及章程修改的',
      }),
      propertyCert('变更住所的（新住所的使用证明）', {
        id: 'new-premises',
        name: '新住所使用证明（产权证明；租赁的附租赁合同）',
        forms: ['copy'],
      }),
      mat('rep-appointment', '新任法定代表人的任职文件及其身份证明', {
        requirement: 'conditional',
        condition: '变更法定代表人的',
        forms: ['copy'],
      }),
      mat('capital-reduction', '减少注册资本的公告情况说明及债务清偿或者债务担保情况的说明', {
        requirement: 'conditional',
        condition: '减少注册资本的',
        notes: '须自公告之日起满45日后申请',
      }),
      ...proxyMaterials('委托代理人办理的'),
    ],
    situations: [
      {
        id: 'changes',
        question: '变更哪些事项？（可多选）',
        multiple: true,
        options: [
          { value: 'name', label: '名称', effects: [{ op: 'add', materialId: 'articles-amend' }] },
          {
            value: 'address',
            label: '住所',
            effects: [
              { op: 'add', materialId: 'new-premises' },
              { op: 'add', materialId: 'articles-amend' },
            ],
          },
          { value: 'rep', label: '法定代表人', effects: [{ op: 'add', materialId: 'rep-appointment' }] },
          { value: 'capital-up', label: '增加注册资本', effects: [{ op: 'add', materialId: 'articles-amend' }] },
          {
            value: 'capital-down',
            label: '减少注册资本',
            effects: [
              { op: 'add', materialId: 'articles-amend' },
              { op: 'add', materialId: 'capital-reduction' },
            ],
          },
          { value: 'scope', label: '经营范围', effects: [{ op: 'add', materialId: 'articles-amend' }] },
        ],
      },
      proxySituation('是否委托代理人办理？', '法定代表人本人办理'),
    ],
    steps: [
      { name: '申请', description: '在全程电子化登记平台填报变更信息并电子签名，或到窗口提交纸质材料。' },
      { name: '审查', description: '登记机关形式审查。' },
      { name: '登记换照', description: '当场办理变更登记，换发营业执照，电子营业执照同步更新。' },
    ],
    handlingType: 'immediate',
    statutoryDays: 3,
    promisedDays: 0,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.scjg,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '营业执照（变更后换发）' },
    faq: [
      { q: '变更后税务、银行要另外去改吗？', a: '登记信息会推送至税务等部门；银行账户、公章等仍需按相关规定办理变更。' },
      { q: '搬到其他区还是原来的登记机关办吗？', a: '跨登记机关迁移住所的，向迁入地登记机关申请，档案由两地登记机关网上移交。' },
    ],
  },
  {
    code: 'SJ-0004',
    name: '药品经营许可（零售）',
    kind: 'licence',
    aliases: ['开药店', '药店许可证', '药品经营许可证', '药房执照', '药品经营许可'],
    lifeEvents: ['business', 'medical'],
    subjects: ['company'],
    department: DEPT.scjg,
    undertaker: '示例市市场监督管理局（药品监督管理）',
    ...where({ city: 'C区 药品医疗器械窗口（C17）', district: '市场监管综合窗口' }),
    legalBasis: [
      {
        law: '《中华人民共和国药品管理法》',
        article: '第五十一条',
        text: '从事药品零售活动，应当经所在地县级以上地方人民政府药品监督管理部门批准，取得药品经营许可证。无药品经营许可证的，不得经营药品。',
      },
      {
        law: '《中华人民共和国药品管理法》',
        article: '第五十二条',
        text: '从事药品经营活动应当具备以下条件：（一）有依法经过资格认定的药师或者其他药学技术人员；（二）有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境；（三）有与所经营药品相适应的质量管理机构或者人员；（四）有保证药品质量的规章制度，并符合国务院药品监督管理部门依据本法制定的药品经营质量管理规范要求。',
      },
      { law: '《药品经营和使用质量监督管理办法》（国家市场监督管理总局令第84号）' },
    ],
    conditions: [
      '有依法经过资格认定的药师或者其他药学技术人员（经营处方药、甲类非处方药的，应配备执业药师）',
      '有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境',
      '有与所经营药品相适应的质量管理机构或者人员，有保证药品质量的规章制度',
    ],
    materials: [
      form('apply-form', '药品经营许可证申请表'),
      businessLicence(),
      mat('managers', '企业负责人、质量负责人的学历、工作经历等相关材料', { forms: ['copy'] }),
      mat('pharmacist', '执业药师注册证（或其他药学技术人员资格证书）及任职文件', { forms: ['copy'] }),
      mat('scope', '经营药品的方式和范围说明'),
      mat('quality-rules', '药品质量管理规章制度及陈列、仓储等关键设施设备清单'),
      mat('site', '营业场所、仓库平面布置图及房屋产权或者使用权证明', { forms: ['copy'], paperSize: 'A3' }),
      mat('chain-proof', '连锁总部出具的统一管理证明及总部药品经营许可证', {
        requirement: 'conditional',
        condition: '药品零售连锁门店申请的',
        forms: ['copy'],
      }),
      mat('cold-chain', '冷藏设施设备清单及温湿度自动监测系统验证材料', {
        requirement: 'conditional',
        condition: '经营冷藏、冷冻药品的',
      }),
      ...proxyMaterials('委托代理人办理的'),
    ],
    situations: [
      {
        id: 'type',
        question: '申请主体类型',
        options: [
          { value: 'single', label: '单体药店' },
          { value: 'chain', label: '药品零售连锁门店', effects: [{ op: 'add', materialId: 'chain-proof' }] },
        ],
      },
      {
        id: 'cold',
        question: '是否经营冷藏、冷冻药品？',
        options: [
          { value: 'no', label: '否' },
          { value: 'yes', label: '是', effects: [{ op: 'add', materialId: 'cold-chain' }] },
        ],
      },
      proxySituation('是否委托代理人办理？', '法定代表人（企业负责人）本人办理'),
    ],
    steps: [
      { name: '申请', description: '在线或到窗口提交申请材料。' },
      { name: '受理', description: '材料齐全的予以受理，不齐全的一次性告知补正内容。' },
      { name: '现场检查', description: '组织现场检查，核实人员、场所、设施设备和质量管理体系（现场检查时间不计入审查时限）。' },
      { name: '决定发证', description: '符合条件的作出准予许可决定，发放药品经营许可证（有效期5年）。' },
    ],
    handlingType: 'promised',
    statutoryDays: 20,
    promisedDays: 15,
    fee: { free: true, items: [] },
    visits: 1,
    onlineDepth: 'pre_review',
    appointment: false,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.scjg,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '药品经营许可证' },
    faq: [
      { q: '药店必须配备执业药师吗？', a: '经营处方药、甲类非处方药的药品零售企业应当配备执业药师；只经营乙类非处方药的，可配备经过资格认定的药学技术人员。' },
      { q: '可以先装修再申请吗？', a: '可以。建议装修前对照药品经营质量管理规范（GSP）合理布局，避免现场检查不通过后返工。' },
    ],
  },
  {
    code: 'SJ-0005',
    name: '有限责任公司设立登记',
    kind: 'licence',
    aliases: ['注册公司', '开公司', '公司注册', '办营业执照', '成立公司', '营业执照'],
    lifeEvents: ['business'],
    subjects: ['company', 'person'],
    department: DEPT.scjg,
    undertaker: '住所所在地登记机关',
    ...where({ city: 'C区 开办企业专区', district: '开办企业综合窗口' }),
    legalBasis: [
      { law: '《中华人民共和国公司法》' },
      {
        law: '《中华人民共和国市场主体登记管理条例》',
        article: '第十六条',
        text: '申请办理市场主体登记，应当提交下列材料：（一）申请书；（二）申请人资格文件、自然人身份证明；（三）住所或者主要经营场所相关文件；（四）公司、非公司企业法人、农民专业合作社（联合社）章程或者合伙企业合伙协议；（五）法律、行政法规和国务院市场监督管理部门规定提交的其他材料。',
      },
      REGISTRATION_LAW_ART19,
    ],
    conditions: [
      '有符合公司章程规定的全体股东认缴的出资额（自公司成立之日起五年内缴足）',
      '有公司名称，建立符合有限责任公司要求的组织机构，有公司住所',
    ],
    materials: [
      form('apply-form', '公司登记（备案）申请书'),
      mat('articles', '公司章程', { sourceNote: '全体股东签名或盖章' }),
      idCard({ id: 'shareholder-ids', name: '自然人股东身份证明' }),
      mat('corp-shareholder', '法人股东的主体资格证明（营业执照复印件加盖公章）', {
        requirement: 'conditional',
        condition: '股东中有企业法人或其他组织的',
        forms: ['copy'],
        eLicenceType: '营业执照',
      }),
      mat('officers', '法定代表人、董事、监事和经理的任职文件及身份证明', { forms: ['copy'] }),
      ...premisesMaterials,
      ...proxyMaterials('委托代理人办理的'),
    ],
    situations: [
      {
        id: 'shareholders',
        question: '股东类型（可多选）',
        multiple: true,
        options: [
          { value: 'natural', label: '自然人股东' },
          { value: 'corporate', label: '企业法人或其他组织股东', effects: [{ op: 'add', materialId: 'corp-shareholder' }] },
        ],
      },
      premisesQuestion,
      proxySituation('是否委托代理人办理？', '股东或法定代表人本人办理'),
    ],
    steps: [
      { name: '名称自主申报', description: '在企业名称自主申报系统查询、申报公司名称。' },
      { name: '设立申请', description: '在“开办企业一网通办”平台填报设立信息，全体股东及拟任法定代表人实名认证并电子签名。' },
      { name: '登记发照', description: '审查通过的当场登记，发放营业执照和电子营业执照。' },
      { name: '同步办理', description: '同步申领发票与税控设备、刻制公章、社保登记、住房公积金单位缴存登记，1个工作日内全部办结。' },
    ],
    handlingType: 'immediate',
    statutoryDays: 3,
    promisedDays: 0,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.scjg,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '营业执照' },
    faq: [
      { q: '注册资本要一次交齐吗？', a: '不需要。全体股东认缴的出资额应当按照公司章程规定自公司成立之日起五年内缴足。' },
      { q: '开办企业要花钱吗？', a: '登记免费；示例市对新开办企业首套公章刻制费用由财政承担。' },
      { q: '住所可以用住宅吗？', a: '以住宅作为住所的，应当遵守法律法规和管理规约，并按规定取得利害关系业主的同意，具体以示例市住所登记规定为准。' },
    ],
  },
]
