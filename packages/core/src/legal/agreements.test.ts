import { describe, expect, it } from 'vitest'
import {
  ACCESS_LOG_TITLE, AGREEMENT_CONSENT, AGREEMENT_IDS, AGREEMENTS, agreementText, agreementTitle, CONTACT_HOTLINE,
} from './agreements'
import { DEFAULT_UPLOAD_RETENTION_DAYS } from '../api/uploads/limits'
import { OTP_TTL_SECONDS } from '../api/identity/labels'

const privacy = () => agreementText('privacy')

describe('《隐私政策》', () => {
  it.each(['手机号码', '姓名', '身份证号码', '上传的材料'])('says that %s is collected, and why', (what) => {
    const line = privacy().split('\n').find((l) => l.includes(what))
    expect(line, what).toBeDefined()
    expect(line).toMatch(/用于|核实|只用于/)
  })

  it('names who receives an application: the department written on the guide', () => {
    expect(privacy()).toContain('办事指南上写明的受理部门')
  })

  it('quotes the retention of unused uploads the BFF applies, and how long a case is kept', () => {
    expect(privacy()).toContain(`上传${DEFAULT_UPLOAD_RETENTION_DAYS}天后删除`)
    expect(privacy()).toContain('按照国家档案管理的规定期限保存')
  })

  it('points to the access log the citizen can read, by its name in 我的', () => {
    expect(ACCESS_LOG_TITLE).toBe('谁查看了我的信息')
    expect(privacy()).toContain(`“我的—${ACCESS_LOG_TITLE}”`)
  })

  it('says what each phone permission the mini-program asks for is used for', () => {
    for (const p of ['相机和相册', '聊天文件', '剪贴板']) expect(privacy()).toContain(p)
  })

  it('gives the SMS code lifetime the BFF applies', () => {
    expect(privacy()).toContain(`验证码${OTP_TTL_SECONDS / 60}分钟内有效`)
  })
})

describe('both agreements', () => {
  it.each(AGREEMENT_IDS)('%s: has a version date, a contact and only 您 (never 你)', (id) => {
    const a = AGREEMENTS[id]
    expect(a.version).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(agreementText(id)).toContain(CONTACT_HOTLINE)
    expect(agreementText(id)).not.toMatch(/你(?!们)/)
    expect(a.sections.length).toBeGreaterThan(2)
    for (const s of a.sections) expect(s.paragraphs.length).toBeGreaterThan(0)
  })

  it('the consent names both, each in 《》 once, and its refusal asks to tick it', () => {
    expect(AGREEMENT_CONSENT.label).toBe('我已阅读并同意《用户服务协议》《隐私政策》')
    expect(AGREEMENT_CONSENT.label.startsWith(AGREEMENT_CONSENT.lead)).toBe(true)
    expect(AGREEMENT_CONSENT.required).toContain('勾选')
    expect(agreementTitle('privacy')).toBe('《隐私政策》')
  })
})
