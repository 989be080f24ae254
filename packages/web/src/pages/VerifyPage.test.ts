/**
 * The verify page a notice's QR code opens: 真实有效 with the document's face
 * for a genuine id, 无法核验 for an unknown one, a retry (not a verdict) when
 * the network fails, and a loading state meanwhile. Nothing personal shown.
 * A chosen PDF is checked against the document: 与原件一致 or 与原件不一致,
 * and a file that is not a PDF, or too large, is said so before sending.
 */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError, makeProblem, MAX_VERIFY_PDF_BYTES, VERIFY_FILE_MESSAGES, type VerifyFileResult, type VerifyView } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import { fakeApi } from '@tongban/app/testing'
import VerifyPage from './VerifyPage.vue'

const ID = 'AbCdEfGhIjKlMnOpQrStUv'
const genuine: VerifyView = {
  kind: 'acceptance', title: '受理通知书', number: '〔2026〕受字第12号', itemName: '最低生活保障', caseNoMasked: 'MZ-0001-****-0003',
  issuer: '示例市民政局', issuedOn: '2026-05-15', status: 'valid', statusLabel: '真实有效',
  body: ['你（单位）于2026年5月13日提出的最低生活保障申请（办件编号：MZ-0001-****-0003），经审查，申请材料齐全、符合法定形式。决定予以受理。', '本机关将自受理之日起20个工作日内作出决定。'],
}

async function setup(verifyDocument: (id: string) => Promise<VerifyView>, verifyDocumentFile?: (id: string, pdf: unknown) => Promise<VerifyFileResult>) {
  const platform: Platform = {
    transport: { request: () => Promise.reject(new Error('no transport in tests')) },
    api: fakeApi({ 'notices.verify': ({ params }) => verifyDocument(params.id), ...(verifyDocumentFile ? { verifyDocumentFile } : {}) }),
    storage: memoryStorage(),
    isOnline: () => true,
    now: () => 1_700_000_000_000,
  }
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/verify/:id', component: VerifyPage }, { path: '/', name: 'home', component: { template: '<p/>' } }] })
  await router.push(`/verify/${ID}`)
  await router.isReady()
  return mount(VerifyPage, { global: { plugins: [router], provide: { [PLATFORM_KEY as symbol]: platform } } })
}

describe('VerifyPage', () => {
  it('shows a loading state, then 真实有效 and what is printed on the document', async () => {
    let resolve!: (v: VerifyView) => void
    const asked: string[] = []
    const w = await setup((id) => { asked.push(id); return new Promise((r) => { resolve = r }) })
    expect(w.find('[aria-busy="true"]').exists()).toBe(true)
    expect(w.find('[data-testid="verdict"]').exists()).toBe(false)
    resolve(genuine)
    await flushPromises()
    expect(asked).toEqual([ID])
    const verdict = w.find('[data-testid="verdict"]')
    expect(verdict.classes()).toContain('valid')
    expect(verdict.find('h1').text()).toBe('真实有效')
    for (const s of ['〔2026〕受字第12号', '最低生活保障', 'MZ-0001-****-0003', '示例市民政局', '2026年5月15日']) expect(w.text()).toContain(s)
    // The text as printed, paragraph by paragraph, to compare with the paper.
    expect(w.find('[data-testid="verify-body"]').findAll('p').map((p) => p.text())).toEqual(genuine.body)
  })

  it('says 无法核验 plainly for an id no document has', async () => {
    const w = await setup(() => Promise.reject(new ApiError(makeProblem('DOCUMENT_NOT_FOUND'))))
    await flushPromises()
    const verdict = w.find('[data-testid="verdict"]')
    expect(verdict.classes()).toContain('invalid')
    expect(verdict.find('h1').text()).toBe('无法核验')
    expect(verdict.attributes('role')).toBe('alert')
    expect(w.text()).not.toContain('真实有效')
  })

  it('does not call a document false when the network fails: it offers to try again', async () => {
    let calls = 0
    const w = await setup(() => (++calls === 1 ? Promise.reject(new ApiError(makeProblem('NETWORK'))) : Promise.resolve(genuine)))
    await flushPromises()
    expect(w.find('[data-testid="verdict"]').exists()).toBe(false)
    expect(w.text()).toContain('网络连接失败')
    expect(w.text()).not.toContain('无法核验')
    await w.find('button.btn-primary').trigger('click')
    await flushPromises()
    expect(calls).toBe(2)
    expect(w.find('[data-testid="verdict"] h1').text()).toBe('真实有效')
  })

  it('shows 已作废 for a revoked document', async () => {
    const w = await setup(() => Promise.resolve({ ...genuine, status: 'revoked', statusLabel: '已作废' }))
    await flushPromises()
    expect(w.find('[data-testid="verdict"]').classes()).toContain('invalid')
    expect(w.find('[data-testid="verdict"] h1').text()).toBe('已作废')
  })

  describe('核对电子文书 (the PDF itself)', () => {
    const pdfFile = (name = '受理通知书.pdf', bytes = '%PDF-1.7\n…', type = 'application/pdf') => new File([bytes], name, { type })
    async function choose(w: Awaited<ReturnType<typeof setup>>, file: File) {
      const input = w.find('[data-testid="verify-file"]')
      Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
      await input.trigger('change')
      await flushPromises()
    }

    it('says 与原件一致 for the very file issued, and what was checked', async () => {
      const sent: [string, unknown][] = []
      const w = await setup(() => Promise.resolve(genuine), async (id, pdf) => { sent.push([id, pdf]); return { ...genuine, matches: true } })
      await flushPromises()
      expect(w.find('#h-file').text()).toBe('核对电子文书（PDF）')
      const file = pdfFile()
      await choose(w, file)
      expect(sent).toEqual([[ID, file]])
      const v = w.find('[data-testid="file-verdict"]')
      expect(v.classes()).toContain('genuine')
      expect(v.attributes('role')).toBe('status')
      expect(v.find('h3').text()).toBe('与原件一致')
      expect(v.text()).toContain('这份PDF文件和示例市民政局出具的受理通知书一模一样')
      expect(v.text()).toContain('核对的文件：受理通知书.pdf（1KB）')
    })

    it('says 与原件不一致 for a changed copy, and 无法核验 when the document is gone', async () => {
      let answer: () => Promise<VerifyFileResult> = async () => ({ ...genuine, matches: false })
      const w = await setup(() => Promise.resolve(genuine), () => answer())
      await flushPromises()
      await choose(w, pdfFile())
      expect(w.find('[data-testid="file-verdict"]').classes()).toContain('altered')
      expect(w.find('[data-testid="file-verdict"] h3').text()).toBe('与原件不一致')
      answer = () => Promise.reject(new ApiError(makeProblem('DOCUMENT_NOT_FOUND')))
      await choose(w, pdfFile())
      expect(w.find('[data-testid="file-verdict"] h3').text()).toBe('无法核验')
    })

    it('says in Chinese why a photo, a renamed file or a huge one is not checked, and sends nothing', async () => {
      let calls = 0
      const w = await setup(() => Promise.resolve(genuine), async () => { calls++; return { ...genuine, matches: true } })
      await flushPromises()
      await choose(w, pdfFile('通知书.jpg', 'x', 'image/jpeg'))
      expect(w.find('[data-testid="file-issue"]').text()).toBe(VERIFY_FILE_MESSAGES.notPdf)
      await choose(w, pdfFile('通知书.pdf', '<html>not a pdf</html>'))
      expect(w.find('[data-testid="file-issue"]').text()).toBe(VERIFY_FILE_MESSAGES.notPdfContent)
      await choose(w, pdfFile('通知书.pdf', '%PDF-'.padEnd(MAX_VERIFY_PDF_BYTES + 1, ' ')))
      expect(w.find('[data-testid="file-issue"]').text()).toBe(VERIFY_FILE_MESSAGES.tooLarge)
      expect(w.find('[data-testid="file-issue"]').attributes('role')).toBe('alert')
      expect(w.find('[data-testid="file-verdict"]').exists()).toBe(false)
      expect(calls).toBe(0)
    })

    it('does not call a file altered when the network fails', async () => {
      const w = await setup(() => Promise.resolve(genuine), () => Promise.reject(new ApiError(makeProblem('NETWORK'))))
      await flushPromises()
      await choose(w, pdfFile())
      expect(w.find('[data-testid="file-issue"]').text()).toContain('网络连接失败')
      expect(w.find('[data-testid="file-verdict"]').exists()).toBe(false)
    })

    it('is not offered where no document was found', async () => {
      const w = await setup(() => Promise.reject(new ApiError(makeProblem('DOCUMENT_NOT_FOUND'))))
      await flushPromises()
      expect(w.find('[data-testid="verify-file"]').exists()).toBe(false)
    })
  })
})
