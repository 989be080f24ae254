// @vitest-environment happy-dom
/**
 * A first start with no signal and nothing saved on the phone yet: 首页 says
 * the network failed, then recovers by itself once the signal returns
 * (wx.onNetworkStatusChange), with no 重新加载 to find. Its twin,
 * offline-reshow.test.ts, recovers on coming back to the page instead: each
 * needs an app that has never loaded the catalogue, so a process of its own.
 */
import { expect, it } from 'vitest'
import { PROBLEMS } from '@tongban/core'
import { snapshot } from './support/fixtures'
import { useFirstStart } from './support/first-start'

const app = useFirstStart()

it('首页 started offline shows the departments once the signal returns, by itself', async () => {
  app.mp.wx.offline = true
  const home = await app.mp.openPage('pages/home/index')
  await home.waitForText((t) => t.includes(PROBLEMS.NETWORK.title))
  const asked = app.mp.wx.requests.filter((r) => r.url.endsWith('/api/catalogue')).length

  app.mp.wx.setNetwork(true)
  const departments = snapshot().departments.map((d) => d.name)
  const text = await home.waitForText((t) => departments.every((d) => t.includes(d)))
  expect(text).not.toContain(PROBLEMS.NETWORK.title)
  expect(app.mp.wx.requests.filter((r) => r.url.endsWith('/api/catalogue') && r.status === 200)).toHaveLength(1)
  expect(app.mp.wx.requests.filter((r) => r.url.endsWith('/api/catalogue')).length).toBe(asked + 1)

  // Loaded: the signal coming and going again asks nothing more.
  app.mp.wx.setNetwork(false)
  app.mp.wx.setNetwork(true)
  await new Promise((r) => setTimeout(r, 50))
  expect(app.mp.wx.requests.filter((r) => r.url.endsWith('/api/catalogue')).length).toBe(asked + 1)
  home.unload()
})

it('renders every element it is given (no missing WXML templates)', () => {
  expect(app.mp.renderErrors).toEqual([])
})
