import { describe, expect, it } from 'vitest'
import type { FormSchema } from './schema'
import { validateForm } from './validate'
import { attachmentsFromValues, labelledSupplement, materialRefs, reviewRows, supplementChoices } from './walk'
import { attachmentsFromCase } from '../api/cases/views'
import { isImageAttachment } from './attachments'

const schema: FormSchema = {
  id: 'walk', version: 1,
  fields: [
    { type: 'text', name: 'name', label: '姓名', required: true },
    { type: 'radio', name: 'kind', label: '类别', options: [{ value: 'a', label: '甲类' }, { value: 'b', label: '乙类' }] },
    { type: 'checkbox', name: 'items', label: '项目', options: [{ value: 'x', label: '项目X' }, { value: 'y', label: '项目Y' }] },
    { type: 'money', name: 'capital', label: '注册资本' },
    { type: 'region', name: 'region', label: '地区' },
    { type: 'material', name: 'licence', label: '营业执照', eLicenceTypes: ['营业执照'] },
    { type: 'material', name: 'hiddenFile', label: '乙类材料', visibleWhen: { field: 'kind', equals: 'b' } },
    {
      type: 'group', name: 'members', label: '成员',
      fields: [
        { type: 'text', name: 'name', label: '姓名' },
        { type: 'material', name: 'photo', label: '照片' },
      ],
    },
  ],
}

describe('materialRefs and reviewRows', () => {
  const raw = {
    name: '张三', kind: 'a', items: ['y', 'x'], capital: 1000, region: { province: '330000', city: '330100', district: '330106' },
    licence: { kind: 'eLicence', licenceId: 'lic-1', title: '营业执照 · 好味' },
    hiddenFile: { kind: 'upload', fileId: 'f-hidden' },
    members: [{ name: '李四', photo: { kind: 'upload', fileId: 'f-1', name: 'a.jpg' } }, { name: '王五' }],
  }
  const { values } = validateForm(schema, raw)

  it('lists the attached materials of visible fields, inside groups too, never hidden ones', () => {
    expect(materialRefs(schema, values).map(({ field, ...r }) => ({ ...r, field: field.name }))).toEqual([
      { path: 'licence', label: '营业执照', value: { kind: 'eLicence', licenceId: 'lic-1' }, field: 'licence' },
      { path: 'members.0.photo', label: '成员1 · 照片', value: { kind: 'upload', fileId: 'f-1' }, field: 'photo' },
    ])
  })

  it('reads a municipality once: 北京市 朝阳区, not 北京市 北京市 朝阳区', () => {
    const names: Record<string, string> = { '110000': '北京市', '110100': '北京市', '110105': '朝阳区' }
    const rows = reviewRows(schema, { ...values, region: { province: '110000', city: '110100', district: '110105' } }, { region: (c) => names[c] })
    expect(rows.find((r) => r.path === 'region')?.text).toBe('北京市 朝阳区')
  })

  it('reads values back in the form’s words', () => {
    const rows = reviewRows(schema, values, { region: (c) => ({ '330000': '浙江省', '330100': '杭州市' } as Record<string, string>)[c] })
    const text = Object.fromEntries(rows.map((r) => [r.path, r.text]))
    expect(text['kind']).toBe('甲类')
    expect(text['items']).toBe('项目X、项目Y')
    expect(text['capital']).toBe('1000.00 元')
    expect(text['region']).toBe('浙江省 杭州市 330106')
    expect(text['licence']).toBe('电子证照')
    expect(text['members']).toBe('2 项')
    expect(text['members.1.name']).toBe('王五')
    expect(rows.find((r) => r.path === 'members.0')).toMatchObject({ label: '成员 第1项', depth: 1 })
    expect(rows.some((r) => r.path === 'hiddenFile')).toBe(false)
  })

  it('shows an attached file by its name and size, a licence by its title and holder, from what was filled in', () => {
    const filled = { ...raw, licence: { ...raw.licence, holder: '示例市好味餐饮有限公司' }, members: [{ name: '李四', photo: { kind: 'upload', fileId: 'f-1', name: 'a.jpg', size: 1_258_291, mime: 'image/jpeg' } }] }
    const rows = reviewRows(schema, validateForm(schema, filled as never).values, { attachments: attachmentsFromValues(schema, filled as never) })
    const licence = rows.find((r) => r.path === 'licence')!
    expect(licence.text).toBe('电子证照：营业执照 · 好味（持证者：示例市好味餐饮有限公司）')
    expect(licence.attached).toEqual({ kind: 'eLicence', licenceId: 'lic-1', title: '营业执照 · 好味', holder: '示例市好味餐饮有限公司' })
    const photo = rows.find((r) => r.path === 'members.0.photo')!
    expect(photo.text).toBe('a.jpg · 1.2MB')
    expect(photo.attached).toEqual({ kind: 'upload', fileId: 'f-1', name: 'a.jpg', size: 1_258_291, mime: 'image/jpeg' })
    expect(isImageAttachment(photo.attached!)).toBe(true)
    expect(rows.find((r) => r.path === 'name')!.attached).toBeUndefined()
  })

  it('shows a submitted case’s materials from its record, and an old record without sizes by name', () => {
    const attachments = attachmentsFromCase([
      { field: 'licence', label: '营业执照', kind: 'eLicence', title: '营业执照', holder: '示例市好味餐饮有限公司' },
      { field: 'members.0.photo', label: '成员1 · 照片', kind: 'upload', title: 'scan.pdf', size: 2048, mime: 'application/pdf' },
    ])
    const rows = reviewRows(schema, values, { attachments })
    expect(rows.find((r) => r.path === 'licence')!.text).toBe('电子证照：营业执照（持证者：示例市好味餐饮有限公司）')
    const scan = rows.find((r) => r.path === 'members.0.photo')!
    expect(scan.text).toBe('scan.pdf · 2KB')
    expect(isImageAttachment(scan.attached!)).toBe(false)
    const old = reviewRows(schema, values, { attachments: attachmentsFromCase([{ field: 'members.0.photo', label: '照片', kind: 'upload', title: 'a.jpg' }]) })
    expect(old.find((r) => r.path === 'members.0.photo')).toMatchObject({ text: 'a.jpg', attached: { name: 'a.jpg' } })
    expect(reviewRows(schema, values).find((r) => r.path === 'members.0.photo')!.text).toBe('已上传的文件')
  })

  it('names materials as the shell asks', () => {
    const rows = reviewRows(schema, raw as never, { material: (m) => (m.kind === 'upload' ? `文件 ${m.name ?? ''}` : `证照 ${m.title ?? ''}`) })
    expect(rows.find((r) => r.path === 'licence')?.text).toBe('证照 营业执照 · 好味')
    expect(rows.find((r) => r.path === 'members.0.photo')?.text).toBe('文件 a.jpg')
  })
})

describe('supplementChoices (what the window may ask to be corrected)', () => {
  it('offers every field the citizen sees, filled or left empty, and nothing hidden', () => {
    const { values } = validateForm(schema, { name: '张三', kind: 'a' })
    expect(supplementChoices(schema, values).map((c) => [c.path, c.text, c.material])).toEqual([
      ['name', '张三', false], ['kind', '甲类', false], ['items', '', false], ['capital', '', false], ['region', '', false],
      ['licence', '', true], ['members', '', false],
    ])
    // Choosing 乙类 shows its material, so the window may ask for it.
    const b = validateForm(schema, { name: '张三', kind: 'b' }).values
    expect(supplementChoices(schema, b).map((c) => c.path)).toContain('hiddenFile')
  })
})

describe('labelledSupplement', () => {
  it('names each reason by its field, empty or not, and falls back to the path for one the form lacks', () => {
    expect(labelledSupplement(schema, [{ path: 'licence', reason: '请上传营业执照' }, { path: 'gone', reason: '旧表单的项' }])).toEqual([
      { path: 'licence', label: '营业执照', reason: '请上传营业执照' }, { path: 'gone', label: 'gone', reason: '旧表单的项' },
    ])
  })
})
