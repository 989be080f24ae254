/** 示例市卫生健康委员会: 公共场所卫生许可、医师执业注册. */
import { COMPLAINT_PHONE, CONSULT_PHONE, DEPT } from '../departments'
import { businessLicence, form, idCard, mat, photo, proxyMaterials, proxySituation, where } from '../helpers'
import type { SeedItem } from '../types'

const WJ_WINDOWS = {
  city: 'F区 卫生健康窗口（F01-F03）',
  district: '卫生健康窗口',
} as const

export const items: SeedItem[] = [
  {
    code: 'WJ-0001',
    name: '公共场所卫生许可',
    kind: 'licence',
    aliases: ['卫生许可证', '公共场所卫生证', '理发店卫生许可证', '宾馆卫生许可证', '美容店卫生许可', '健康证', '卫生证'],
    lifeEvents: ['business'],
    subjects: ['company', 'person'],
    department: DEPT.wjw,
    undertaker: '经营场所所在地区卫生健康委员会（卫生健康综合监督执法机构实施现场审查）',
    ...where(WJ_WINDOWS),
    legalBasis: [
      {
        law: '《公共场所卫生管理条例》',
        article: '第四条',
        text: '国家对公共场所实行“卫生许可证”制度。“卫生许可证”由县以上卫生行政部门签发。',
      },
      {
        law: '《公共场所卫生管理条例》',
        article: '第七条',
        text: '公共场所直接为顾客服务的人员，持有“健康合格证”方能从事本职工作。',
      },
      { law: '《公共场所卫生管理条例实施细则》（原卫生部令第80号）' },
      { law: '《中华人民共和国行政许可法》' },
    ],
    conditions: [
      '经营宾馆、旅店、招待所、公共浴室、理发店、美容店、游泳场（馆）、影剧院、歌舞厅等公共场所',
      '场所布局、卫生设施和卫生管理制度符合国家卫生标准和要求，卫生检测或评价合格',
      '直接为顾客服务的从业人员取得健康合格证明',
    ],
    materials: [
      form('apply-form', '公共场所卫生许可证申请表'),
      businessLicence(),
      idCard({ name: '法定代表人或者负责人身份证明', forms: ['copy'] }),
      mat('layout', '公共场所地址方位示意图、平面图和卫生设施平面布局图', { paperSize: 'A3' }),
      mat('test-report', '公共场所卫生检测或者评价报告', {
        source: 'intermediary',
        sourceNote: '具备资质的检测机构出具',
      }),
      mat('rules', '公共场所卫生管理制度'),
      mat('health-certs', '直接为顾客服务的从业人员健康合格证明（健康证）及名单', {
        forms: ['copy'],
        source: 'intermediary',
        sourceNote: '具备资质的体检机构出具',
      }),
      mat('hvac-report', '集中空调通风系统卫生检测或者评价报告', {
        requirement: 'conditional',
        condition: '使用集中空调通风系统的',
        source: 'intermediary',
        sourceNote: '具备资质的检测机构出具',
      }),
      mat('old-licence', '原公共场所卫生许可证', {
        requirement: 'conditional',
        condition: '申请延续或变更的',
        source: 'government',
        sourceNote: '卫生健康行政部门核发',
      }),
      form('promise-letter', '公共场所卫生许可告知承诺书', {
        requirement: 'conditional',
        condition: '选择告知承诺制办理的',
        commitment: [
          '本单位已知晓卫生健康行政部门告知的公共场所卫生许可条件和应当提交的材料，现郑重承诺：',
          '一、本单位已经符合上述许可条件，经营场所的卫生设施、布局和卫生管理制度符合《公共场所卫生管理条例》及其实施细则的规定。',
          '二、所提交的材料真实、有效；卫生检测报告在取得许可证后60日内补交。',
          '三、愿意接受监督部门的现场核查；经核查与承诺不符的，愿意依法承担撤销许可等法律责任。',
        ],
      }),
      ...proxyMaterials('委托代理人办理的'),
    ],
    situations: [
      {
        id: 'type',
        question: '申请类型',
        options: [
          { value: 'new', label: '新办' },
          {
            value: 'renew',
            label: '延续（有效期届满30日前申请）',
            effects: [
              { op: 'add', materialId: 'old-licence' },
              { op: 'modify', materialId: 'test-report', note: '提供近一年内的卫生检测报告' },
            ],
          },
          {
            value: 'change',
            label: '变更单位名称、法定代表人或负责人',
            effects: [
              { op: 'add', materialId: 'old-licence' },
              { op: 'remove', materialId: 'layout' },
              { op: 'remove', materialId: 'test-report' },
              { op: 'remove', materialId: 'rules' },
              { op: 'remove', materialId: 'health-certs' },
            ],
          },
        ],
      },
      {
        id: 'hvac',
        question: '是否使用集中空调通风系统？',
        showIf: { situationId: 'type', values: ['new', 'renew'] },
        options: [
          { value: 'no', label: '否' },
          { value: 'yes', label: '是', effects: [{ op: 'add', materialId: 'hvac-report' }] },
        ],
      },
      {
        id: 'promise',
        question: '是否选择告知承诺制办理？',
        help: '选择告知承诺的，签署承诺书后当场发证，卫生检测报告可在取得许可证后60日内补交，监督部门随后现场核查。',
        showIf: { situationId: 'type', values: ['new'] },
        options: [
          { value: 'no', label: '否，按一般程序审查' },
          {
            value: 'yes',
            label: '是',
            effects: [
              { op: 'add', materialId: 'promise-letter' },
              { op: 'modify', materialId: 'test-report', note: '告知承诺制：可在取得许可证后60日内提交' },
            ],
          },
        ],
      },
      proxySituation('是否委托代理人办理？', '法定代表人（负责人）本人办理'),
    ],
    steps: [
      { name: '申请', description: '在线或到卫生健康窗口提交申请材料。' },
      { name: '受理', description: '材料齐全的当场受理；选择告知承诺的当场作出许可决定。' },
      { name: '现场审查', description: '卫生监督员对经营场所进行现场审查（时间不计入审查时限）。' },
      { name: '决定发证', description: '符合条件的发放公共场所卫生许可证，有效期4年。' },
    ],
    handlingType: 'promised',
    statutoryDays: 20,
    promisedDays: 5,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.wjw,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '公共场所卫生许可证', eLicence: true },
    faq: [
      { q: '开餐馆、咖啡馆还要办公共场所卫生许可证吗？', a: '不需要。饭馆、咖啡馆、酒吧、茶座的公共场所卫生许可已与食品经营许可整合，办理食品经营许可即可。' },
      { q: '员工健康证在哪里办？', a: '到具备资质的体检机构进行健康检查，合格后取得健康合格证明，每年复检一次。' },
      { q: '许可证到期怎么办？', a: '在有效期届满30日前向原发证机关申请延续。' },
    ],
  },
  {
    code: 'WJ-0002',
    name: '医师执业注册',
    kind: 'licence',
    aliases: ['医师注册', '医生执业注册', '执业医师注册', '医师执业证书', '医师变更注册', '多点执业'],
    lifeEvents: ['employment', 'medical'],
    subjects: ['person'],
    department: DEPT.wjw,
    undertaker: '拟执业机构登记（备案）机关',
    ...where(WJ_WINDOWS),
    legalBasis: [
      {
        law: '《中华人民共和国医师法》',
        article: '第十三条',
        text: '国家实行医师执业注册制度。取得医师资格的，可以向所在地县级以上地方人民政府卫生健康主管部门申请注册。医疗卫生机构可以为本机构中的申请人集体办理注册手续。除有本法规定不予注册的情形外，卫生健康主管部门应当自受理申请之日起二十个工作日内准予注册，将注册信息录入国家信息平台，并发给医师执业证书。',
      },
      { law: '《医师执业注册管理办法》（原国家卫生和计划生育委员会令第13号）' },
    ],
    conditions: [
      '已取得医师资格证书',
      '有拟执业的医疗、预防、保健机构',
      '不存在《中华人民共和国医师法》规定不予注册的情形',
    ],
    materials: [
      form('apply-form', '医师执业注册申请审核表'),
      idCard(),
      photo({ name: '近6个月2寸白底免冠正面半身照片' }),
      mat('qualification', '医师资格证书', { forms: ['copy'], source: 'government', sourceNote: '国家卫生健康主管部门颁发' }),
      mat('employment-proof', '拟执业机构的聘用证明', { source: 'other', sourceNote: '拟执业机构出具并盖章' }),
      mat('training-proof', '在指定机构接受连续6个月以上培训并考核合格的证明', {
        requirement: 'conditional',
        condition: '取得医师资格后二年内未注册的',
        source: 'other',
        sourceNote: '省级卫生健康行政部门指定的培训机构出具',
      }),
      mat('old-certificate', '原医师执业证书', {
        requirement: 'conditional',
        condition: '申请变更注册的',
        source: 'government',
        eLicenceType: '医师执业证书',
      }),
    ],
    situations: [
      {
        id: 'type',
        question: '注册类型',
        options: [
          { value: 'first', label: '首次注册' },
          {
            value: 'change',
            label: '变更注册（变更执业地点、执业类别或执业范围）',
            effects: [
              { op: 'add', materialId: 'old-certificate' },
              { op: 'remove', materialId: 'qualification' },
            ],
          },
        ],
      },
      {
        id: 'over-two-years',
        question: '取得医师资格后是否已超过二年未注册？',
        showIf: { situationId: 'type', values: ['first'] },
        options: [
          { value: 'no', label: '未超过二年' },
          { value: 'yes', label: '已超过二年', effects: [{ op: 'add', materialId: 'training-proof' }] },
        ],
      },
      {
        id: 'collective',
        question: '由谁提交申请？',
        options: [
          { value: 'self', label: '医师本人申请' },
          {
            value: 'institution',
            label: '执业机构集体办理',
            effects: [{ op: 'modify', materialId: 'apply-form', note: '由执业机构统一在医师电子化注册系统提交，加盖机构公章' }],
          },
        ],
      },
    ],
    steps: [
      { name: '申请', description: '通过国家医师电子化注册系统在线申请，上传材料。' },
      { name: '机构确认', description: '拟执业机构在线确认聘用信息。' },
      { name: '审核', description: '卫生健康主管部门审核，准予注册的将信息录入国家信息平台。' },
      { name: '发证', description: '发放医师执业证书（含电子证照）。' },
    ],
    handlingType: 'promised',
    statutoryDays: 20,
    promisedDays: 10,
    fee: { free: true, items: [] },
    visits: 0,
    onlineDepth: 'full_online',
    appointment: false,
    deliveryOptions: ['self', 'deliver_result'],
    consultPhone: CONSULT_PHONE.wjw,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '医师执业证书', eLicence: true },
    faq: [
      { q: '到其他医院多点执业需要重新注册吗？', a: '在同一执业地点多个机构执业的，确定一个主要执业机构注册，其他执业机构进行备案即可。' },
      { q: '注册有有效期吗？', a: '医师执业证书长期有效，但须按规定参加定期考核。' },
    ],
  },
]
