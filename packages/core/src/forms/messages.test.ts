import { describe, expect, it } from 'vitest'
import { formatMessage, groupLimits, GROUP_UI_MAX_ITEMS } from './messages'
import { issuesByPath, validateForm } from './validate'

describe('form messages', () => {
  it('interpolates params and leaves unknown slots alone', () => {
    expect(formatMessage('required', { label: '申请人姓名' })).toBe('请填写申请人姓名')
    expect(formatMessage('shares_sum', { sum: 90 })).toBe('各股东出资比例合计应为100%，现在是90%')
    expect(formatMessage('too_long')).toBe('{label}不能超过{max}个字')
  })

  it('groups messages by path for a form to show', () => {
    const r = validateForm({ id: 'f', version: 1, fields: [{ name: 'a', label: '甲', type: 'text', required: true }, { name: 'b', label: '乙', type: 'email' }] }, { b: 'x' })
    expect(issuesByPath(r.issues)).toEqual({ a: ['请填写甲'], b: ['请输入正确的电子邮箱地址'] })
  })
})

describe('a repeatable block’s limits', () => {
  it('say the minimum only when there is one, and default the maximum the shells offer', () => {
    expect(groupLimits({ minItems: 1, maxItems: 12 })).toEqual({ min: 1, max: 12, text: '至少1条，最多12条' })
    expect(groupLimits({})).toEqual({ min: 0, max: GROUP_UI_MAX_ITEMS, text: `最多${GROUP_UI_MAX_ITEMS}条` })
  })
})
