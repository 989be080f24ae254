import { describe, expect, it } from 'vitest'
import { ACCESS_LOG_TITLE } from './agreements'
import { PERSONAL_DATA_NOTICE, personalDataNotice } from './personal-data'

describe('个人信息使用说明', () => {
  const text = personalDataNotice({ itemName: '最低生活保障', departmentName: '示例市民政局' })

  it('names the item, the department that keeps the data, and where the applicant sees who looked at it', () => {
    expect(text).toContain('仅用于办理“最低生活保障”')
    expect(text).toContain('由示例市民政局依法使用和保管')
    expect(text).toContain(`“我的—${ACCESS_LOG_TITLE}”`)
    expect(text.startsWith('您填写的信息')).toBe(true)
  })

  it('addresses the resident on an agent’s page', () => {
    expect(personalDataNotice({ itemName: '最低生活保障', departmentName: '示例市民政局', whose: '群众本人' })).toMatch(/^群众本人填写的信息/)
  })

  it('says what the box agrees to', () => {
    expect(PERSONAL_DATA_NOTICE.consent).toBe(`我已阅读并同意${PERSONAL_DATA_NOTICE.title}`)
  })
})
