import { describe, expect, it, vi } from 'vitest'
import { ApiError, makeProblem, type CaseDetail, type FormSchema } from '@tongban/core'
import { testPlatform } from '../testing'
import { useSupplement } from './supplement'

const NO = 'SJ-0001-20261123-0001'
const form: FormSchema = { id: 'f', version: 1, fields: [{ type: 'text', name: 'operatorName', label: '经营者名称', required: true }] }
const asked = (version: number, extra: Partial<CaseDetail> = {}) => ({
  caseNo: NO, itemCode: 'SJ-0001', itemName: '食品经营许可', status: 'supplement_required', statusLabel: '待补正', version, form,
  values: { operatorName: '晨光餐饮' }, answers: {}, supplement: [{ path: 'operatorName', reason: '与营业执照不一致' }], ...extra,
}) as unknown as CaseDetail

describe('useSupplement', () => {
  it('fills the case’s own answers, gives each reason by its field, and resubmits once on the version seen', async () => {
    const resubmitCase = vi.fn(async () => asked(3, { status: 'pre_review', statusLabel: '预审中' }))
    const t = testPlatform({ me: async () => null as never, 'cases.get': async () => asked(2), 'cases.resubmit': resubmitCase })
    const page = t.within(() => useSupplement(NO))
    await page.load()
    expect(page.form.values.value).toEqual({ operatorName: '晨光餐饮' })
    expect(page.reasons.value.get('operatorName')).toBe('与营业执照不一致')
    page.form.set('operatorName', '晨光餐饮店')
    expect(await page.resubmit()).toMatchObject({ kind: 'done', case: { version: 3 } })
    expect(resubmitCase).toHaveBeenCalledWith({ params: { caseNo: NO }, body: { values: { operatorName: '晨光餐饮店' }, version: 2 } })
    expect(page.detail.value?.status).toBe('pre_review')
  })

  it('restores each file with its name, size and type and a licence with its title and holder, and sends back ids only', async () => {
    const withFiles: FormSchema = { id: 'f', version: 1, fields: [
      { type: 'text', name: 'operatorName', label: '经营者名称', required: true },
      { type: 'material', name: 'layoutFile', label: '经营布局', required: true },
      { type: 'material', name: 'licence', label: '营业执照', eLicenceTypes: ['营业执照'] },
    ] }
    const fileId = '0b5e1b9c-1c1a-4a8e-9d7e-1b2c3d4e5f60'
    const c = asked(2, {
      form: withFiles,
      values: { operatorName: '晨光餐饮', layoutFile: { kind: 'upload', fileId }, licence: { kind: 'eLicence', licenceId: 'l-1' } },
      materials: [
        { field: 'layoutFile', label: '经营布局', kind: 'upload', title: 'layout.png', size: 2048, mime: 'image/png' },
        { field: 'licence', label: '营业执照', kind: 'eLicence', title: '营业执照', holder: '晨光餐饮' },
      ],
    })
    const resubmitCase = vi.fn(async () => asked(3, { status: 'pre_review' }))
    const t = testPlatform({ me: async () => null as never, 'cases.get': async () => c, 'cases.resubmit': resubmitCase })
    const page = t.within(() => useSupplement(NO))
    await page.load()
    expect(page.form.values.value).toEqual({
      operatorName: '晨光餐饮',
      layoutFile: { kind: 'upload', fileId, name: 'layout.png', size: 2048, mime: 'image/png' },
      licence: { kind: 'eLicence', licenceId: 'l-1', title: '营业执照', holder: '晨光餐饮' },
    })
    page.form.set('operatorName', '晨光餐饮店')
    await page.resubmit()
    expect(resubmitCase).toHaveBeenCalledWith({ params: { caseNo: NO }, body: { values: { operatorName: '晨光餐饮店', layoutFile: { kind: 'upload', fileId }, licence: { kind: 'eLicence', licenceId: 'l-1' } }, version: 2 } })
  })

  it('does not send a form its own check refuses, and points at the field', async () => {
    const resubmitCase = vi.fn()
    const t = testPlatform({ me: async () => null as never, 'cases.get': async () => asked(2), 'cases.resubmit': resubmitCase })
    const page = t.within(() => useSupplement(NO))
    await page.load()
    page.form.set('operatorName', '')
    expect(await page.resubmit()).toEqual({ kind: 'invalid', firstPath: 'operatorName' })
    expect(resubmitCase).not.toHaveBeenCalled()
  })

  it('sent from another phone meanwhile: says where the case went instead of "not needed"', async () => {
    const getCase = vi.fn().mockResolvedValueOnce(asked(2)).mockResolvedValueOnce(asked(3, { status: 'pre_review', statusLabel: '预审中' }))
    const t = testPlatform({ me: async () => null as never, 'cases.get': getCase, 'cases.resubmit': async () => { throw new ApiError(makeProblem('CASE_CHANGED')) } })
    const page = t.within(() => useSupplement(NO))
    await page.load()
    expect(page.notNeeded.value).toBe('这个办件现在不需要补正（待补正）。')
    expect(await page.resubmit()).toMatchObject({ kind: 'failed', problem: { code: 'CASE_CHANGED' } })
    expect(page.detail.value?.version).toBe(3)
    expect(page.notNeeded.value).not.toMatch(/不需要补正/)
    expect(page.sendProblemText.value).toBe(page.notNeeded.value)
  })

  it('hands the fields the BFF refused back to the shell', async () => {
    const errors = [{ path: 'operatorName', code: 'custom', message: '名称里有不能用的字' }]
    const t = testPlatform({ me: async () => null as never, 'cases.get': async () => asked(2), 'cases.resubmit': async () => { throw new ApiError(makeProblem('VALIDATION', { errors })) } })
    const page = t.within(() => useSupplement(NO))
    await page.load()
    expect(await page.resubmit()).toEqual({ kind: 'refused', errors })
  })
})
