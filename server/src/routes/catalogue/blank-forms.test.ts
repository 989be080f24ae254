/**
 * GET /api/items/:code/blank-forms/:materialId: each blank form a guide
 * promises (网上下载) is a real PDF, linked from the guide, public and cached
 * like the guide (ETag per version, 304 on a match); a material the guide
 * promises no form for, an unknown material or item is a 404 in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blankFormPath, type Item, type Problem } from '@tongban/core'
import { startTestServer, type TestServer } from '../../testing'
import { inspectPdf } from '../../notices/pdf-inspect'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server?.close() })

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers })

describe('GET /api/items/:code/blank-forms/:materialId', () => {
  it('links the guide’s promised forms to PDFs of the application form’s own fields', async () => {
    const guide = (await get('/api/items/SJ-0001')).json<Item>()
    const applyForm = guide.materials.find((m) => m.id === 'apply-form')!
    expect(applyForm.sourceNote).toContain('网上下载')
    expect(applyForm.blankFormUrl).toBe('/api/items/SJ-0001/blank-forms/apply-form')
    // A material nobody downloads has no link.
    expect(guide.materials.find((m) => m.id === 'business-licence')!.blankFormUrl).toBeUndefined()

    const res = await get(applyForm.blankFormUrl!)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('食品经营许可申请书.pdf')}`)
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=86400')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    const facts = await inspectPdf(res.rawPayload)
    expect(facts.size.width).toBeCloseTo(595.28, 0)
    // Every field of the online form, as a place to write on paper (materials are handed in beside it).
    for (const s of ['食品经营许可申请书', '食品经营许可', '示例市市场监督管理局', '经营者名称', '统一社会信用代码', '经营场所详细地址',
      '餐饮服务经营者', '经营项目（可多选）', '热食类食品制售', '食品安全管理人员', '培训考核合格证明编号', '申请人承诺', '申请人（签字或盖章）', '填表说明']) {
      expect(facts.text).toContain(s)
    }
    expect(facts.text).not.toContain('营业执照')
  })

  it('prints a 承诺书’s commitment from the guide, and a form without a schema asks who applies', async () => {
    const promise = await inspectPdf((await get('/api/items/NY-0001/blank-forms/use-promise')).rawPayload)
    for (const s of ['农村宅基地使用承诺书', '农村村民建房审批', '承诺人姓名', '公民身份号码', '本户符合“一户一宅”规定', '承诺人（签字或盖章）']) expect(promise.text).toContain(s)
    const company = await inspectPdf((await get('/api/items/ZJ-0001/blank-forms/apply-form')).rawPayload)
    for (const s of ['建筑工程施工许可证申请表', '单位名称', '统一社会信用代码', '法定代表人（负责人）', '申请事项及理由']) expect(company.text).toContain(s)
  })

  it('answers 304 while the caller’s copy is this version, and the same bytes again', async () => {
    const url = blankFormPath('MZ-0001', 'apply-form')
    const first = await get(url)
    const etag = first.headers['etag'] as string
    expect(etag).toMatch(/^".+\.apply-form\.\d+"$/)
    const again = await get(url, { 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    expect(again.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=86400')
    expect((await get(url)).rawPayload.equals(first.rawPayload)).toBe(true)
    // Another material of the same guide is another file.
    expect((await get(blankFormPath('MZ-0001', 'income-statement'))).headers['etag']).not.toBe(etag)
  })

  it.each([
    ['a material with no blank form', '/api/items/SJ-0001/blank-forms/business-licence', 'BLANK_FORM_NOT_FOUND'],
    ['a material the guide does not have', '/api/items/SJ-0001/blank-forms/nothing', 'BLANK_FORM_NOT_FOUND'],
    ['a form printed at the window only', '/api/items/GA-0001/blank-forms/apply-form', 'BLANK_FORM_NOT_FOUND'],
    ['an unknown item', '/api/items/XX-9999/blank-forms/apply-form', 'ITEM_NOT_FOUND'],
    ['a malformed material id', `/api/items/SJ-0001/blank-forms/${encodeURIComponent('../x')}`, 'BLANK_FORM_NOT_FOUND'],
  ])('answers %s with a 404 in words, not kept', async (_, url, code) => {
    const res = await get(url)
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json<Problem>()).toMatchObject({ code, title: expect.stringMatching(/[\u4e00-\u9fff]/) })
    expect(res.headers['cache-control']).toBeUndefined()
  })
})
