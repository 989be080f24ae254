/**
 * Lighthouse (mobile, simulated throttling) on the guide page served as
 * `npm start` serves it: performance ≥ 0.9 and accessibility 100.
 * The report is saved to test/artifacts/lighthouse-guide.html.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'
import { ARTIFACTS, CHROMIUM, startProduct, type Product } from './support'

let product: Product
let chrome: chromeLauncher.LaunchedChrome

beforeAll(async () => {
  product = await startProduct()
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
})
afterAll(async () => {
  await chrome?.kill()
  await product?.stop()
})

it('scores performance ≥ 0.9 and accessibility 100 on the guide page (mobile)', async () => {
  const run = () => lighthouse(`${product.url}/items/GA-0001`, {
    port: chrome.port,
    output: 'html',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  })
  // Lighthouse's own advice on variance: judge the median of several runs, not one run a busy
  // machine happened to slow. A run with a
  // runtime error (the tool failing: no trace, no scores) is left out, and said.
  const results = []
  // Five runs, as Lighthouse's variability guide advises: one host hiccup (a single 100-ms task
  // turning into 500 ms of simulated blocking) can spoil two runs in three, rarely three in five.
  for (let i = 0; i < 5; i++) {
    const r = await run()
    if (r?.lhr.runtimeError) console.warn('lighthouse runtime error, run left out:', r.lhr.runtimeError)
    else if (r) results.push(r)
  }
  expect(results.length).toBeGreaterThan(0)
  // The run with the median performance score (computeMedianRun's FCP/TTI pick can be the slowest-scoring run).
  const byScore = [...results].sort((a, b) => (a.lhr.categories.performance?.score ?? 0) - (b.lhr.categories.performance?.score ?? 0))
  const { lhr, report } = byScore[Math.floor((byScore.length - 1) / 2)]!
  // benchmarkIndex: Lighthouse's measure of this machine's speed in that run (≈ 2700 here when idle); a low one explains a low score.
  console.log('lighthouse performance per run', results.map((r) => r.lhr.categories.performance?.score), 'benchmarkIndex', results.map((r) => Math.round(r.lhr.environment.benchmarkIndex)))
  // What each run's score is made of, to see which metric moved when a run scores low.
  const metric = (audits: Record<string, { numericValue?: number }>, id: string, scale = 1) => Math.round((audits[id]?.numericValue ?? NaN) * scale)
  console.log('lighthouse FCP/LCP/TBT/SI ms, CLS×1000 per run', results.map(({ lhr: { audits } }) => [
    metric(audits, 'first-contentful-paint'), metric(audits, 'largest-contentful-paint'), metric(audits, 'total-blocking-time'),
    metric(audits, 'speed-index'), metric(audits, 'cumulative-layout-shift', 1000),
  ].join('/')))
  mkdirSync(ARTIFACTS, { recursive: true })
  writeFileSync(join(ARTIFACTS, 'lighthouse-guide.html'), Array.isArray(report) ? report[0]! : report)
  const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, c.score]))
  console.log('lighthouse scores', scores, 'LCP ms', lhr.audits['largest-contentful-paint']?.numericValue)
  const errors = Object.values(lhr.audits).filter((a) => a.errorMessage).map((a) => `${a.id}: ${a.errorMessage}`)
  expect({ runtimeError: lhr.runtimeError, errors: errors.slice(0, 5) }).toEqual({ runtimeError: undefined, errors: [] })
  const failedA11y = Object.values(lhr.audits).filter((a) => a.score === 0 && lhr.categories.accessibility!.auditRefs.some((r) => r.id === a.id)).map((a) => a.id)
  expect(failedA11y).toEqual([])
  expect(scores.accessibility).toBe(1)
  expect(scores.performance).toBeGreaterThanOrEqual(0.9)
})
