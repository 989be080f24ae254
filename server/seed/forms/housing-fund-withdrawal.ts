/**
 * 住房公积金提取申请表: who withdraws, into which account, how much, and
 * what the chosen withdrawal reason (情形 "reason") calls for — a purchase's
 * property certificate (an e-licence will do), a lease's period and rent, a
 * commercial loan's bank — and whether the spouse withdraws too; each paper
 * the chosen reason calls for is uploaded (零跑动: none waits at a window).
 * The worker's name and ID number are the applicant's own 实名.
 */
import type { FormSchema } from '@tongban/core'

const reason = (...values: string[]) => ({ situation: 'reason', in: values })
const answer = (situation: string, value: string) => ({ situation, in: [value] })
const upload = (name: string, label: string, materialId: string, when: { situation: string; in: string[] }, eLicenceTypes?: string[]) => ({
  type: 'material' as const, name, label, materialId, accept: ['pdf' as const, 'image' as const], visibleWhen: when, requiredWhen: when, ...(eLicenceTypes ? { eLicenceTypes } : {}),
})

export const housingFundWithdrawalForm: FormSchema = {
  id: 'housing-fund-withdrawal',
  version: 1,
  fields: [
    { type: 'text', name: 'applicantName', label: '职工姓名', required: true, maxLength: 30, prefill: 'name', applicant: true },
    { type: 'residentId', name: 'idNumber', label: '职工身份证号码', required: true, prefill: 'idNumber', applicant: true },
    { type: 'mobile', name: 'phone', label: '手机号码', required: true, prefill: 'phone', help: '办理中需要时与您联系' },
    {
      type: 'select', name: 'bank', label: '收款银行', required: true,
      options: [
        { value: 'icbc', label: '中国工商银行' }, { value: 'abc', label: '中国农业银行' }, { value: 'boc', label: '中国银行' },
        { value: 'ccb', label: '中国建设银行' }, { value: 'bocom', label: '交通银行' }, { value: 'psbc', label: '中国邮政储蓄银行' },
        { value: 'rcb', label: '示例农村商业银行' },
      ],
    },
    { type: 'text', name: 'bankCard', label: '收款银行卡号', required: true, pattern: '\\d{16,19}', help: '本人名下的一类借记卡，16到19位数字' },
    { type: 'money', name: 'amount', label: '申请提取金额', required: true, min: 0.01, max: 2_000_000, help: '不超过账户可提取余额' },
    // The home may be in the spouse's name (or both): their 不动产权证书 is accepted, and shown to the clerk as 他人证照.
    { type: 'material', name: 'propertyCert', label: '购房合同或不动产权证书', materialId: 'purchase-contract', accept: ['pdf', 'image'], eLicenceTypes: ['不动产权证书'], eLicenceOfOthers: true, visibleWhen: reason('purchase'), requiredWhen: reason('purchase') },
    { type: 'date', name: 'purchaseDate', label: '购房合同签订日期', max: 'today', visibleWhen: reason('purchase'), requiredWhen: reason('purchase') },
    { type: 'money', name: 'housePrice', label: '房屋总价', min: 1, visibleWhen: reason('purchase'), requiredWhen: reason('purchase') },
    upload('purchaseInvoiceFile', '购房发票或契税完税凭证', 'purchase-invoice', reason('purchase')),
    { type: 'dateRange', name: 'leasePeriod', label: '租赁期限', visibleWhen: reason('rent'), requiredWhen: { situation: 'rent-basis', in: ['actual'] } },
    upload('leaseFile', '房屋租赁合同及租金发票', 'lease', answer('rent-basis', 'actual')),
    { type: 'money', name: 'monthlyRent', label: '月租金', min: 1, max: 100_000, visibleWhen: { situation: 'rent-basis', in: ['actual'] }, requiredWhen: { situation: 'rent-basis', in: ['actual'] } },
    upload('retireProofFile', '退休证明或基本养老金领取证明', 'retire-proof', reason('retire')),
    upload('terminationFile', '与单位终止（解除）劳动关系证明', 'termination', reason('leave')),
    upload('hukouOutFile', '户口迁出本市证明（迁出后的居民户口簿）', 'hukou-out', answer('hukou', 'local-moved'), ['居民户口簿']),
    { type: 'text', name: 'loanBank', label: '商业贷款银行', maxLength: 50, visibleWhen: { situation: 'loan-type', in: ['commercial'] }, requiredWhen: { situation: 'loan-type', in: ['commercial'] } },
    upload('loanContractFile', '商业银行个人住房借款合同', 'loan-contract', answer('loan-type', 'commercial')),
    upload('repayRecordFile', '近期还款明细（贷款银行出具）', 'repay-record', answer('loan-type', 'commercial')),
    { type: 'switch', name: 'spouseJoint', label: '配偶是否同时提取', help: '夫妻双方为同一套住房提取时选“是”' },
    { type: 'text', name: 'spouseName', label: '配偶姓名', maxLength: 30, visibleWhen: { field: 'spouseJoint', equals: true }, requiredWhen: { field: 'spouseJoint', equals: true } },
    { type: 'residentId', name: 'spouseId', label: '配偶身份证号码', visibleWhen: { field: 'spouseJoint', equals: true }, requiredWhen: { field: 'spouseJoint', equals: true } },
    upload('marriageCertFile', '结婚证', 'marriage-cert', answer('spouse', 'yes'), ['结婚证']),
    upload('spouseIdFile', '配偶居民身份证', 'spouse-id', answer('spouse', 'yes')),
    { type: 'textarea', name: 'remark', label: '补充说明', maxLength: 200 },
    { type: 'consent', name: 'pledge', label: '申请人承诺', required: true, text: '本人承诺所提供的信息和材料真实有效，提取资金用于申请事由；如有虚假，愿退回提取资金并承担相应责任。' },
  ],
  // 零跑动: the signed-in worker's own ID (实名) and the card the money goes to are fields; every paper is uploaded.
  fills: { 'id-card': 'idNumber', 'bank-card': 'bankCard' },
}
