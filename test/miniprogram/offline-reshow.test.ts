// @vitest-environment happy-dom
/**
 * A first start with no signal, as offline-start.test.ts, where the signal
 * comes back without WeChat saying so (or while the app was in the
 * background): coming back to 首页 loads what it could not. A process of
 * its own, for an app that has never loaded the catalogue.
 */
import { expect, it } from 'vitest'
import { PROBLEMS } from '@tongban/core'
import { snapshot } from './support/fixtures'
import { useFirstStart } from './support/first-start'

const app = useFirstStart()

it('首页 started offline shows the departments when the citizen comes back to it', async () => {
  app.mp.wx.offline = true
  const home = await app.mp.openPage('pages/home/index')
  await home.waitForText((t) => t.includes(PROBLEMS.NETWORK.title))

  // The signal is back, unannounced: nothing happens until the page shows again.
  app.mp.wx.offline = false
  await new Promise((r) => setTimeout(r, 50))
  expect(home.text()).toContain(PROBLEMS.NETWORK.title)
  home.show()
  const departments = snapshot().departments.map((d) => d.name)
  const text = await home.waitForText((t) => departments.every((d) => t.includes(d)))
  expect(text).not.toContain(PROBLEMS.NETWORK.title)
  home.unload()
})
