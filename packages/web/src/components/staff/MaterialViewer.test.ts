// @vitest-environment-options { "settings": { "disableIframePageLoading": true, "disableJavaScriptFileLoading": true } }
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { CaseMaterial, FormSchema } from '@tongban/core'
import MaterialViewer from './MaterialViewer.vue'
import { openPdf, type PdfHandle } from './pdfView'

// pdf.js itself is not run here (no canvas in happy-dom): the viewer's part is to hand it the file and draw pages.
vi.mock('./pdfView', () => ({ openPdf: vi.fn() }))
const render = vi.fn<PdfHandle['render']>(async () => {})
const closeDoc = vi.fn(async () => {})
vi.mocked(openPdf).mockImplementation(async () => ({ pages: 3, render, close: closeDoc }))

const form: FormSchema = {
  id: 'f', version: 1,
  fields: [
    { type: 'material', name: 'licence', label: '营业执照', required: true, materialId: 'm1', accept: ['image', 'pdf'], eLicenceTypes: ['营业执照'] },
    { type: 'material', name: 'layout', label: '经营场所平面图', required: true, materialId: 'm2', accept: ['image', 'pdf'] },
    { type: 'material', name: 'lease', label: '租赁合同', required: true, materialId: 'm3', accept: ['pdf'] },
  ],
}
const values = {
  licence: { kind: 'eLicence' as const, licenceId: 'lic-1' },
  layout: { kind: 'upload' as const, fileId: '11111111-1111-4111-8111-111111111111' },
  lease: { kind: 'upload' as const, fileId: '22222222-2222-4222-8222-222222222222' },
}
const materials: CaseMaterial[] = [
  { field: 'licence', label: '营业执照', kind: 'eLicence', title: '营业执照 · 示例市好味餐饮有限公司' },
  { field: 'layout', label: '经营场所平面图', kind: 'upload', title: '平面图.jpg' },
  { field: 'lease', label: '租赁合同', kind: 'upload', title: '租赁合同.pdf' },
]
const setup = () => mount(MaterialViewer, { props: { caseNo: 'SJ-0001-20261124-0001', form, values, materials }, attachTo: document.body })

afterEach(() => {
  document.body.innerHTML = ''
  vi.mocked(openPdf).mockClear()
  render.mockClear()
})

describe('MaterialViewer', () => {
  it('lists every material; only uploads open, an e-licence is named', () => {
    const w = setup()
    expect(w.findAll('li').map((l) => l.text())).toEqual([
      '营业执照电子证照：营业执照 · 示例市好味餐饮有限公司', '经营场所平面图平面图.jpg查看', '租赁合同租赁合同.pdf查看',
    ])
  })

  it('shows an image as its small preview, fitted, turns it, opens the original apart, and closes with Esc', async () => {
    const w = setup()
    await w.findAll('button').find((b) => b.text() === '查看')!.trigger('click')
    const dialog = w.find('[role="dialog"]')
    expect(dialog.attributes('aria-label')).toBe('经营场所平面图：平面图.jpg')
    const img = w.find('img')
    expect(img.attributes('src')).toBe('/api/staff/cases/SJ-0001-20261124-0001/files/11111111-1111-4111-8111-111111111111?preview=1')
    expect(w.find('a').attributes()).toMatchObject({ target: '_blank', href: '/api/staff/cases/SJ-0001-20261124-0001/files/11111111-1111-4111-8111-111111111111' })
    await w.findAll('button').find((b) => b.text() === '旋转')!.trigger('click')
    expect(w.find('img').attributes('style')).toContain('rotate(90deg)')
    expect(w.find('img').classes()).toContain('sideways')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await w.vm.$nextTick()
    expect(w.find('[role="dialog"]').exists()).toBe(false)
  })

  it('draws a PDF page by page itself — never in an iframe, object or embed — offers it as a download, and steps on', async () => {
    const w = setup()
    await w.findAll('button').filter((b) => b.text() === '查看')[1]!.trigger('click')
    await flushPromises()
    const url = '/api/staff/cases/SJ-0001-20261124-0001/files/22222222-2222-4222-8222-222222222222'
    expect(openPdf).toHaveBeenCalledWith(url)
    expect(w.findAll('iframe, object, embed')).toHaveLength(0)
    expect(w.find('canvas').attributes('aria-label')).toBe('租赁合同（PDF）第1页')
    expect(render).toHaveBeenLastCalledWith(1, w.find('canvas').element, expect.any(Number))
    expect(w.find('a').attributes()).toMatchObject({ href: url, download: '租赁合同.pdf' })
    expect(w.find('a').attributes('target')).toBeUndefined()
    expect(w.findAll('button').some((b) => b.text() === '旋转')).toBe(false)
    expect(w.text()).toContain('第1/3页')
    await w.findAll('button').find((b) => b.text() === '下一页')!.trigger('click')
    await flushPromises()
    expect(render).toHaveBeenLastCalledWith(2, w.find('canvas').element, expect.any(Number))
    expect(w.text()).toContain('第2/3页')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }))
    await w.vm.$nextTick()
    expect(w.find('img').exists()).toBe(true)
    expect(closeDoc).toHaveBeenCalled()
  })

  it('says so in Chinese when a PDF cannot be read', async () => {
    vi.mocked(openPdf).mockRejectedValueOnce(new Error('Invalid PDF structure'))
    const w = setup()
    await w.findAll('button').filter((b) => b.text() === '查看')[1]!.trigger('click')
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toContain('材料打不开')
  })

  it('says in Chinese when a file cannot be opened', async () => {
    const w = setup()
    await w.findAll('button').find((b) => b.text() === '查看')!.trigger('click')
    await w.find('img').trigger('error')
    expect(w.find('[role="alert"]').text()).toContain('材料打不开')
  })
})
