import { describe, expect, it } from 'vitest'
import { blankFormFileName, blankFormPath, promisesBlankForm, withBlankForms } from './blank-forms'
import type { Material } from '../../catalogue/types'

const m = (id: string, extra: Partial<Material> = {}): Material => ({ id, name: id, forms: ['original'], copies: 1, requirement: 'required', source: 'applicant', ...extra })

describe('blank forms', () => {
  it('reads a promise of a download in the source note or the notes', () => {
    expect(promisesBlankForm({ sourceNote: '窗口领取或网上下载，申请人填写并签字' })).toBe(true)
    expect(promisesBlankForm({ notes: '可参照样表填写' })).toBe(true)
    expect(promisesBlankForm({ sourceNote: '窗口现场打印，申请人核对无误后签字' })).toBe(false)
    expect(promisesBlankForm({})).toBe(false)
  })

  it('links each promised form to the BFF’s PDF and keeps a link already given', () => {
    const item = withBlankForms({
      code: 'GA-0003',
      materials: [m('apply-form', { sourceNote: '网上下载' }), m('id-card'), m('own', { sourceNote: '网上下载', blankFormUrl: 'https://gaj.example.gov.cn/a.pdf' })],
    })
    expect(item.materials.map((x) => x.blankFormUrl)).toEqual(['/api/items/GA-0003/blank-forms/apply-form', undefined, 'https://gaj.example.gov.cn/a.pdf'])
    expect(blankFormPath('SJ-0001', 'apply-form')).toBe('/api/items/SJ-0001/blank-forms/apply-form')
  })

  it('names the file after the material, without its 《》', () => {
    expect(blankFormFileName({ name: '《户口迁移申请表》' })).toBe('户口迁移申请表.pdf')
  })
})
