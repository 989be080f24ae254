/**
 * 食品经营许可申请书 as a form schema (fields after the national application
 * form under 《食品经营许可和备案管理办法》): who applies, where, what is sold,
 * the food-safety managers for catering, and every material the guide asks
 * for the answers given (the seed test ties them). Shown and checked by both shells and the BFF from this data.
 */
import type { FormSchema } from '@tongban/core'

const catering = { situation: 'category', in: ['catering', 'both'] }
const notPrepack = { not: { situation: 'category', in: ['prepack'] } }
const vending = { situation: 'channels', in: ['vending'] }
const byAgent = { situation: 'proxy', in: ['agent'] }

export const foodLicenceForm: FormSchema = {
  id: 'food-licence-application',
  version: 1,
  fields: [
    { type: 'text', name: 'operatorName', label: '经营者名称', required: true, maxLength: 100, prefill: 'companyName', help: '与营业执照上的名称一致' },
    { type: 'creditCode', name: 'creditCode', label: '统一社会信用代码', required: true, prefill: 'creditCode' },
    // The person applying is the 法定代表人（负责人）, unless a 委托代理人 applies for them (then the 授权委托书 names them).
    { type: 'text', name: 'legalPerson', label: '法定代表人（负责人）姓名', required: true, maxLength: 30, prefill: 'name', applicant: { not: byAgent } },
    { type: 'residentId', name: 'legalPersonId', label: '法定代表人（负责人）身份证号码', required: true, prefill: 'idNumber', applicant: { not: byAgent } },
    { type: 'mobile', name: 'phone', label: '联系电话', required: true, prefill: 'phone' },
    { type: 'email', name: 'email', label: '电子邮箱', help: '选填，用于接收电子许可证' },
    { type: 'region', name: 'premisesRegion', label: '经营场所所在地区', required: true, depth: 3 },
    { type: 'address', name: 'premisesAddress', label: '经营场所详细地址', required: true, maxLength: 200, help: '街道、门牌号、楼层、房号' },
    { type: 'number', name: 'premisesArea', label: '经营场所使用面积（平方米）', required: true, min: 1, max: 100000 },
    {
      type: 'radio', name: 'mainBusiness', label: '主体业态', required: true,
      options: [
        { value: 'sales', label: '食品销售经营者' },
        { value: 'catering', label: '餐饮服务经营者' },
        { value: 'canteen', label: '单位食堂' },
      ],
    },
    {
      type: 'checkbox', name: 'businessItems', label: '经营项目', required: true, minItems: 1,
      options: [
        { value: 'prepacked', label: '预包装食品销售' },
        { value: 'bulk', label: '散装食品销售' },
        { value: 'special', label: '特殊食品销售（保健食品、特殊医学用途配方食品、婴幼儿配方食品）' },
        { value: 'hot', label: '热食类食品制售' },
        { value: 'cold', label: '冷食类食品制售' },
        { value: 'raw', label: '生食类食品制售' },
        { value: 'drinks', label: '自制饮品制售' },
      ],
    },
    {
      type: 'group', name: 'safetyManagers', label: '食品安全管理人员', visibleWhen: catering, requiredWhen: catering,
      minItems: 1, maxItems: 5,
      fields: [
        { type: 'text', name: 'name', label: '姓名', required: true, maxLength: 30 },
        { type: 'residentId', name: 'idNumber', label: '身份证号码', required: true },
        { type: 'text', name: 'certificateNo', label: '培训考核合格证明编号', required: true, pattern: '[A-Za-z0-9-]{4,30}' },
      ],
    },
    {
      type: 'text', name: 'onlineShop', label: '网店网址或入驻平台名称', maxLength: 200,
      visibleWhen: { situation: 'channels', in: ['online'] }, requiredWhen: { situation: 'channels', in: ['online'] },
    },
    { type: 'material', name: 'businessLicenceFile', label: '营业执照', required: true, materialId: 'business-licence', accept: ['pdf', 'image'], eLicenceTypes: ['营业执照'] },
    { type: 'material', name: 'layoutFile', label: '主要设备设施、经营布局、操作流程等文件', materialId: 'layout', accept: ['pdf', 'image'], visibleWhen: notPrepack, requiredWhen: notPrepack },
    { type: 'material', name: 'rulesFile', label: '保证食品安全的规章制度目录清单', materialId: 'rules', accept: ['pdf', 'image'], help: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等制度的目录', visibleWhen: notPrepack, requiredWhen: notPrepack },
    { type: 'material', name: 'kitchenFlowFile', label: '设备布局和工艺流程图', materialId: 'kitchen-flow', accept: ['pdf', 'image'], visibleWhen: catering, requiredWhen: catering },
    { type: 'material', name: 'vendingFile', label: '自动售货设备的产品合格证明、放置地点及食品安全公示信息', materialId: 'vending-info', accept: ['pdf', 'image'], visibleWhen: vending, requiredWhen: vending },
    { type: 'material', name: 'proxyLetterFile', label: '授权委托书', materialId: 'proxy-letter', accept: ['pdf', 'image'], visibleWhen: byAgent, requiredWhen: byAgent },
    { type: 'material', name: 'agentIdFile', label: '受托人居民身份证', materialId: 'agent-id', accept: ['pdf', 'image'], visibleWhen: byAgent, requiredWhen: byAgent },
    { type: 'consent', name: 'pledge', label: '申请人承诺', required: true, text: '本人承诺所填写内容和提交的材料真实、合法、有效，复印件与原件一致，如有虚假，愿承担相应的法律责任。' },
  ],
  // 零跑动: every material of the guide has its place here, none waits at a window.
  fills: { 'apply-form': '', 'safety-manager': 'safetyManagers', 'online-info': 'onlineShop' },
}
