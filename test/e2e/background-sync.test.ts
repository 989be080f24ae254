/**
 * Background Sync through the built service worker (src/sw, TypeScript):
 * a submission left in the device's queue is sent by the worker when the
 * browser fires the sync (here through CDP, as Chromium does when the
 * network returns), under its idempotency key; the queue is emptied and the
 * open page told, so its own flush finds nothing left to send.
 */
import { expect, it } from 'vitest'
import type { CaseSummary } from '@tongban/core'
import { citizenContext, residentIdFor, useProduct } from './support'

const e2e = useProduct()

it('the service worker sends a queued submission when the browser fires the sync, and tells the open page', async () => {
  const phone = '13911110002'
  const ctx = await citizenContext(e2e.browser, e2e.product.url, phone)
  const page = await ctx.newPage()
  await page.goto(`${e2e.product.url}/me/cases`)
  await page.evaluate(async () => { await navigator.serviceWorker.ready })
  const body = {
    itemCode: 'MZ-0001', formVersion: 1, answers: {}, delivery: 'pickup', personalDataConsent: true,
    values: {
      applicantName: '吴秀兰', idNumber: residentIdFor(phone), phone, region: { province: '330000', city: '330100', district: '330106' },
      address: '文三路1号', members: [{ name: '吴秀兰', relation: 'self', idNumber: residentIdFor(phone), monthlyIncome: 450 }],
      savings: 800, reason: '年过七旬独自生活，没有固定收入。', checkAuth: true, pledge: true,
    },
  }
  const queue = JSON.stringify([{ key: 'synckey000000000000000001', itemCode: 'MZ-0001', itemName: '最低生活保障', body, queuedAt: 0, attempts: 0 }])
  await page.evaluate(async (q) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('tongban')
      open.onupgradeneeded = () => open.result.createObjectStore('kv')
      open.onsuccess = () => { const tx = open.result.transaction('kv', 'readwrite'); tx.objectStore('kv').put(q, 'tb.submissions'); tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error) }
    })
  }, queue)
  const messages: unknown[] = []
  await page.exposeFunction('tbSeen', (m: unknown) => { messages.push(m) })
  await page.evaluate(() => navigator.serviceWorker.addEventListener('message', (e) => (window as unknown as { tbSeen(m: unknown): void }).tbSeen(e.data)))
  const cdp = await ctx.newCDPSession(page)
  await cdp.send('ServiceWorker.enable')
  const reg = await new Promise<{ registrationId: string }>((resolve) => cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string }[] }) => { if (e.registrations[0]) resolve(e.registrations[0]) }))
  await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: e2e.product.url, registrationId: reg.registrationId, tag: 'tb-submit', lastChance: false })
  await expect.poll(async () => (await (await ctx.request.get(`${e2e.product.url}/api/me/cases`)).json() as CaseSummary[]).length, { timeout: 15_000 }).toBe(1)
  await expect.poll(() => messages, { timeout: 5_000 }).toEqual([{ type: 'tb-submitted', keys: ['synckey000000000000000001'] }])
  const left = await page.evaluate(() => new Promise((resolve) => { const o = indexedDB.open('tongban'); o.onsuccess = () => { const r = o.result.transaction('kv').objectStore('kv').get('tb.submissions'); r.onsuccess = () => resolve(r.result) } }))
  expect(left).toBe('[]')
})
