/** 示例市农业农村局: 农村村民住宅建设（宅基地和建房规划许可）审批，由乡（镇）人民政府审批. */
import { COMPLAINT_PHONE, CONSULT_PHONE, DEPT } from '../departments'
import { form, hukouBook, idCard, mat, where } from '../helpers'
import type { SeedItem } from '../types'

export const items: SeedItem[] = [
  {
    code: 'NY-0001',
    name: '农村村民建房审批',
    kind: 'licence',
    aliases: ['建房', '农村建房', '宅基地审批', '盖房子', '宅基地申请', '建房审批', '翻建房屋', '农房审批'],
    lifeEvents: ['rural', 'housing'],
    subjects: ['person'],
    department: DEPT.nyj,
    undertaker: '乡（镇）人民政府审核批准；村民委员会初审，乡镇农业农村、自然资源等机构联审',
    ...where({ township: '农村建房“一个窗口”', village: '村级建房受理点' }, ['qingshan', 'xinghua', 'shiqiao']),
    legalBasis: [
      {
        law: '《中华人民共和国土地管理法》',
        article: '第六十二条',
        text: '农村村民一户只能拥有一处宅基地，其宅基地的面积不得超过省、自治区、直辖市规定的标准。农村村民住宅用地，由乡（镇）人民政府审核批准；其中，涉及占用农用地的，依照本法第四十四条的规定办理审批手续。农村村民出卖、出租、赠与住宅后，再申请宅基地的，不予批准。',
      },
      {
        law: '《中华人民共和国城乡规划法》',
        article: '第四十一条',
        text: '在乡、村庄规划区内进行乡镇企业、乡村公共设施和公益事业建设以及农村村民住宅建设，不得占用农用地；确需占用农用地的，应当依照《中华人民共和国土地管理法》有关规定办理农用地转用审批手续后，由城市、县人民政府城乡规划主管部门核发乡村建设规划许可证。',
      },
      { law: '《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号）' },
    ],
    conditions: [
      '申请人为本村集体经济组织成员，以户为单位申请',
      '符合“一户一宅”，宅基地面积不超过本省规定标准',
      '符合国土空间规划和村庄规划，尽量使用原有宅基地和村内空闲地',
      '出卖、出租、赠与住宅后再申请宅基地的，不予批准',
    ],
    materials: [
      form('apply-form', '农村宅基地和建房（规划许可）申请表'),
      form('use-promise', '农村宅基地使用承诺书', {
        commitment: [
          '本户申请使用宅基地建房，现郑重承诺：',
          '一、本户符合“一户一宅”规定，除本次申请外在本村（及其他村）无其他宅基地；批准后按规定退出原有宅基地的，在新房竣工后按期拆除旧房、交还原宅基地。',
          '二、严格按照批准的位置、面积、层数和高度建房，不占用永久基本农田，不擅自扩大用地面积。',
          '三、不将宅基地和住宅出卖、出租或赠与他人用于违法建设，不利用宅基地建设别墅大院和私人会馆。',
          '如有违反，自愿接受有关部门依法处理，并承担由此产生的一切法律责任。',
        ],
      }),
      hukouBook(),
      idCard({ name: '申请人（户主）及家庭成员居民身份证' }),
      mat('village-opinion', '村民小组会议记录及村级组织审查意见', {
        source: 'other',
        sourceNote: '村民小组、村民委员会出具',
        notes: '村民委员会受理后组织讨论并公示，无需申请人另行开具',
      }),
      mat('house-design', '农房设计图或选用的农房通用图集', {
        source: 'other',
        sourceNote: '可在乡镇免费领取示例市农房通用图集',
        paperSize: 'A3',
      }),
      mat('old-homestead-cert', '原宅基地使用权证或不动产权证书', {
        requirement: 'conditional',
        condition: '原址翻建、改建或拆旧建新的',
        source: 'government',
        eLicenceType: '不动产权证书',
      }),
      mat('return-agreement', '退出原宅基地协议', {
        requirement: 'conditional',
        condition: '拆旧建新、异址新建的',
        sourceNote: '与村集体经济组织签订',
      }),
      hukouBook({
        id: 'split-book',
        name: '分户后的居民户口簿',
        requirement: 'conditional',
        condition: '因分户申请新宅基地的',
      }),
    ],
    situations: [
      {
        id: 'type',
        question: '建房类型',
        options: [
          { value: 'new', label: '新申请宅基地建房' },
          { value: 'rebuild', label: '原址翻建、改建', effects: [{ op: 'add', materialId: 'old-homestead-cert' }] },
          {
            value: 'relocate',
            label: '拆旧建新（异址新建）',
            effects: [
              { op: 'add', materialId: 'old-homestead-cert' },
              { op: 'add', materialId: 'return-agreement' },
            ],
          },
        ],
      },
      {
        id: 'split',
        question: '是否因分户申请新宅基地？',
        showIf: { situationId: 'type', values: ['new'] },
        options: [
          { value: 'no', label: '否' },
          { value: 'yes', label: '是', effects: [{ op: 'add', materialId: 'split-book' }] },
        ],
      },
      {
        id: 'farmland',
        question: '拟建房地块是否占用农用地？',
        options: [
          { value: 'no', label: '否，使用原宅基地或村内空闲地' },
          {
            value: 'yes',
            label: '是',
            effects: [{ op: 'modify', materialId: 'apply-form', note: '涉及占用农用地的，由乡镇依法办理农用地转用审批，办理时间相应延长' }],
          },
        ],
      },
    ],
    steps: [
      { name: '申请', description: '农户向村民小组提出申请，村民小组会议讨论通过后在本小组公示。' },
      { name: '村级审查', description: '村民委员会审查申请材料和公示情况，签署意见后报乡镇。' },
      { name: '乡镇联审', description: '乡镇“一个窗口”受理，农业农村、自然资源等机构联合审查，到现场踏勘选址。' },
      { name: '审批发证', description: '乡（镇）人民政府审批，核发《农村宅基地批准书》和《乡村建设规划许可证》。' },
      { name: '放线与验收', description: '开工前乡镇到现场丈量批放；竣工后申请验收，验收合格后可申请不动产登记。' },
    ],
    handlingType: 'promised',
    statutoryDays: 20,
    promisedDays: 15,
    fee: { free: true, items: [] },
    visits: 2,
    onlineDepth: 'download',
    appointment: false,
    deliveryOptions: ['self'],
    consultPhone: CONSULT_PHONE.nyj,
    complaintPhone: COMPLAINT_PHONE,
    result: { name: '农村宅基地批准书、乡村建设规划许可证' },
    faq: [
      { q: '城里人能回村买宅基地建房吗？', a: '不能。宅基地只能由本集体经济组织成员申请，城镇居民不得到农村购买宅基地。' },
      { q: '建房要交费吗？', a: '宅基地和建房审批不收取任何费用。' },
      { q: '自建房需要另外办施工许可证吗？', a: '农民自建两层以下（含两层）住宅不适用建筑工程施工许可管理办法；建房层数和高度须符合乡村建设规划许可证的要求，并按示例市农村住房建设管理规定选用经培训合格的建筑工匠或有资质的施工单位。' },
    ],
  },
]
