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
