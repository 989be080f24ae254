/**
 * 最低生活保障申请书: the applicant, where the household lives, every member
 * living together (relation, ID, monthly income, whether able to work),
 * the household's savings and vehicles, why it applies, and the
 * authorisation to check the family's finances (家庭经济状况核对授权书),
 * without which the civil-affairs office cannot decide; the 残疾人证 and the
 * diagnosis where the answers call for them, and what is brought to the
 * window instead.
 */
import type { FormSchema } from '@tongban/core'

export const minimumLivingForm: FormSchema = {
  id: 'minimum-living-allowance',
  version: 1,
  fields: [
    { type: 'text', name: 'applicantName', label: '申请人姓名', required: true, maxLength: 30, prefill: 'name', applicant: true },
    { type: 'residentId', name: 'idNumber', label: '申请人身份证号码', required: true, prefill: 'idNumber', applicant: true },
    { type: 'mobile', name: 'phone', label: '联系电话', required: true, prefill: 'phone' },
    { type: 'region', name: 'region', label: '居住地区', required: true, depth: 3 },
    { type: 'address', name: 'address', label: '详细住址', required: true, maxLength: 200, help: '乡镇（街道）、村（社区）、门牌号' },
    {
      type: 'group', name: 'members', label: '共同生活的家庭成员', required: true, minItems: 1, maxItems: 12,
      help: '包括申请人本人、配偶、未成年子女，以及共同生活的其他成员',
      // 本人 first, from the real name: the applicant is not typed twice.
      selfItem: { values: { relation: 'self' }, prefill: { name: 'name', idNumber: 'idNumber' } },
      fields: [
        { type: 'text', name: 'name', label: '姓名', required: true, maxLength: 30 },
        {
          type: 'select', name: 'relation', label: '与申请人关系', required: true,
          options: [
            { value: 'self', label: '本人' }, { value: 'spouse', label: '配偶' }, { value: 'child', label: '子女' },
            { value: 'parent', label: '父母' }, { value: 'other', label: '其他共同生活成员' },
          ],
        },
        { type: 'residentId', name: 'idNumber', label: '身份证号码', required: true },
        { type: 'switch', name: 'canWork', label: '是否有劳动能力' },
        { type: 'money', name: 'monthlyIncome', label: '月收入', required: true, max: 1_000_000, help: '没有收入填0' },
      ],
    },
    { type: 'money', name: 'savings', label: '家庭存款及有价证券合计', required: true, max: 100_000_000 },
    { type: 'switch', name: 'hasVehicle', label: '家庭成员名下是否有机动车' },
    { type: 'text', name: 'vehicleNote', label: '机动车情况', maxLength: 100, help: '品牌型号、购买年份；残疾人功能性补偿代步车请注明', visibleWhen: { field: 'hasVehicle', equals: true }, requiredWhen: { field: 'hasVehicle', equals: true } },
    {
      // Any disabled member's card, not only the applicant's: another's is accepted and shown to the clerk as 他人证照.
      type: 'material', name: 'disabilityCardFile', label: '残疾人证', materialId: 'disability-card', accept: ['pdf', 'image'], eLicenceTypes: ['残疾人证'], eLicenceOfOthers: true,
      help: '家庭成员中每位残疾人的残疾人证，可拍照上传或使用电子证照',
      visibleWhen: { situation: 'health', in: ['disabled'] }, requiredWhen: { situation: 'health', in: ['disabled'] },
    },
    {
      type: 'material', name: 'diagnosisFile', label: '诊断证明及近期病历', materialId: 'diagnosis', accept: ['pdf', 'image'],
      help: '二级及以上医疗机构出具', visibleWhen: { situation: 'health', in: ['ill'] }, requiredWhen: { situation: 'health', in: ['ill'] },
    },
    { type: 'textarea', name: 'reason', label: '申请理由', required: true, minLength: 10, maxLength: 500, help: '写明家庭困难的原因和现状' },
    { type: 'consent', name: 'checkAuth', label: '家庭经济状况核对授权', required: true, text: '本人及共同生活的家庭成员同意民政部门通过公安、人社、不动产、金融等部门核对家庭收入和财产状况。' },
    { type: 'consent', name: 'pledge', label: '申请人承诺', required: true, text: '本人承诺所填写内容真实、完整；如有隐瞒、虚报，愿退回已领取的保障金并承担法律责任。' },
  ],
  // The declaration of income and assets is this form (members' income, savings, vehicles, the pledge).
  fills: { 'apply-form': '', 'income-statement': '', 'economic-auth': 'checkAuth' },
  // 最多跑一次: the originals the township sees once, at its window.
  atHall: ['id-card', 'hukou-book', 'unemployment-proof', 'divorce-docs', 'residence-permit', 'proxy-letter'],
}
