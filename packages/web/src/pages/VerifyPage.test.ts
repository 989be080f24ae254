/**
 * The verify page a notice's QR code opens: 真实有效 with the document's face
 * for a genuine id, 无法核验 for an unknown one, a retry (not a verdict) when
 * the network fails, and a loading state meanwhile. Nothing personal shown.
 */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError, makeProblem, type VerifyView } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import { fakeApi } from '@tongban/app/testing'
import VerifyPage from './VerifyPage.vue'

const ID = 'AbCdEfGhIjKlMnOpQrStUv'
const genuine: VerifyView = {
  kind: 'acceptance', title: '受理通知书', number: '〔2026〕受字第12号', itemName: '最低生活保障', caseNoMasked: 'MZ-0001-****-0003',
  issuer: '示例市民政局', issuedOn: '2026-05-15', status: 'valid', statusLabel: '真实有效',
  body: ['你（单位）于2026年5月13日提出的最低生活保障申请（办件编号：MZ-0001-****-0003），经审查，申请材料齐全、符合法定形式。决定予以受理。', '本机关将自受理之日起20个工作日内作出决定。'],
}

async function setup(verifyDocument: (id: string) => Promise<VerifyView>) {
  const platform: Platform = {
    transport: { request: () => Promise.reject(new Error('no transport in tests')) },
    api: fakeApi({ 'notices.verify': ({ params }) => verifyDocument(params.id) }),
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
})
