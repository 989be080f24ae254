/**
 * 登录 asks for 我已阅读并同意《用户服务协议》《隐私政策》 before anything
 * registers the phone: unticked, 获取验证码 and 登录 send nothing and say why
 * beside the box; ticked, the code goes out. The links open both agreements.
 */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { AGREEMENT_CONSENT, AGREEMENTS } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import { fakeApi } from '@tongban/app/testing'
import LoginPage from './LoginPage.vue'
import AgreementPage from './AgreementPage.vue'

async function setup() {
  const sent: string[] = []
  const platform: Platform = {
    transport: { request: () => Promise.reject(new Error('no transport in tests')) },
    api: fakeApi({
      'identity.clientConfig': async () => ({ devInbox: false }),
      'identity.sendSmsCode': async ({ body }) => { sent.push(body.phone); return { resendAfter: 60 } },
    }),
    storage: memoryStorage(),
    isOnline: () => true,
    now: () => 1_700_000_000_000,
  }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: LoginPage },
      { path: '/agreements/:id', name: 'agreement', component: AgreementPage },
      { path: '/', name: 'home', component: { template: '<p/>' } },
    ],
  })
  await router.push('/login')
  await router.isReady()
  const w = mount(LoginPage, { attachTo: document.body, global: { plugins: [router, createPinia()], provide: { [PLATFORM_KEY as symbol]: platform } } })
  await w.find('#phone').setValue('13761234567')
  return { w, sent, router }
}

function sendButton(w: Awaited<ReturnType<typeof setup>>['w']) {
  return w.findAll('button').find((b) => b.text() === '获取验证码')!
}

describe('LoginPage', () => {
  it('sends no code until the agreements are ticked, and says so beside the box', async () => {
    const { w, sent } = await setup()
    await sendButton(w).trigger('click')
    await flushPromises()
    expect(sent).toEqual([])
    const alert = w.find('#agree-error')
    expect(alert.text()).toBe(AGREEMENT_CONSENT.required)
    expect(w.find('#agree').attributes('aria-invalid')).toBe('true')
    expect(w.find('#agree').attributes('aria-label')).toBe('我已阅读并同意《用户服务协议》《隐私政策》')
    expect(document.activeElement?.id).toBe('agree')

    await w.find('#agree').setValue(true)
    expect(w.find('#agree-error').exists()).toBe(false)
    await sendButton(w).trigger('click')
    await flushPromises()
    expect(sent).toEqual(['13761234567'])
    w.unmount()
  })

  it('does not try to sign in unticked', async () => {
    const { w } = await setup()
    await w.find('#code').setValue('123456')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('#agree-error').text()).toBe(AGREEMENT_CONSENT.required)
    w.unmount()
  })

  it('links 《用户服务协议》 and 《隐私政策》 to their pages, which show the core text', async () => {
    const { w, router } = await setup()
    const links = w.findAll('.agree a')
    expect(links.map((l) => [l.text(), l.attributes('href')])).toEqual([
      ['《用户服务协议》', '/agreements/terms'],
      ['《隐私政策》', '/agreements/privacy'],
    ])
    w.unmount()
    await router.push('/agreements/privacy')
    const page = mount(AgreementPage, { global: { plugins: [router] } })
    expect(page.find('h1').text()).toBe(AGREEMENTS.privacy.title)
    for (const s of AGREEMENTS.privacy.sections) expect(page.text()).toContain(s.heading)
    expect(page.text()).toContain(`版本日期：${AGREEMENTS.privacy.version}`)
  })
})
