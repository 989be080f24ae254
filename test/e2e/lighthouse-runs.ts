/**
 * Lighthouse (mobile, simulated throttling) on the guide page served as
 * `npm start` serves it, for the browser test (accessibility, best
 * practices: what the page is, the same on any machine) and the benchmark
 * (performance: a wall-clock figure, which a busy machine lowers).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import lighthouse, { type RunnerResult } from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'
import { ARTIFACTS, browserEnv, CHROMIUM, startProduct } from './product'

export const GUIDE_PATH = '/items/GA-0001'

export interface LighthouseRuns {
  /** The runs that produced scores (a run the tool itself failed is left out, and said). */
  results: RunnerResult[]
  /** The run with the median performance score. */
  median: RunnerResult
}

/**
 * Starts the product and a headless Chromium, runs Lighthouse on the guide page until `n` runs produced scores (at
 * most `n + retries` runs: a run the tool itself fails, e.g. NO_NAVSTART when its trace misses the navigation, says
 * nothing about the page and is run again), stops both.
 */
export async function lighthouseRuns(n: number, report = 'lighthouse-guide.html', retries = 2): Promise<LighthouseRuns> {
  const product = await startProduct()
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    envVars: browserEnv(),
  })
  try {
    const results: RunnerResult[] = []
    for (let i = 0; i < n + retries && results.length < n; i++) {
      const r = await lighthouse(`${product.url}${GUIDE_PATH}`, {
        port: chrome.port, output: 'html', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'],
      })
      if (r?.lhr.runtimeError) console.warn('lighthouse runtime error, run left out:', r.lhr.runtimeError)
      else if (r) results.push(r)
    }
    if (!results.length) throw new Error('no Lighthouse run produced scores')
    // computeMedianRun's FCP/TTI pick can be the slowest-scoring run: take the median score itself.
    const byScore = [...results].sort((a, b) => (a.lhr.categories.performance?.score ?? 0) - (b.lhr.categories.performance?.score ?? 0))
    const median = byScore[Math.floor((byScore.length - 1) / 2)]!
    mkdirSync(ARTIFACTS, { recursive: true })
    writeFileSync(join(ARTIFACTS, report), Array.isArray(median.report) ? median.report[0]! : median.report)
    return { results, median }
  } finally {
    await chrome.kill()
    await product.stop()
  }
}

/** Each run's FCP/LCP/TBT/SI in ms and CLS×1000: which metric moved when a run scores low. */
export function runMetrics(r: RunnerResult): string {
  const audits = r.lhr.audits
  const metric = (id: string, scale = 1) => Math.round((audits[id]?.numericValue ?? NaN) * scale)
  return [metric('first-contentful-paint'), metric('largest-contentful-paint'), metric('total-blocking-time'), metric('speed-index'), metric('cumulative-layout-shift', 1000)].join('/')
}

/** The audits of a category that failed outright (score 0), by id. */
export function failedAudits(lhr: RunnerResult['lhr'], category: string): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? []
  return refs.map((ref) => lhr.audits[ref.id]).filter((a) => a?.score === 0).map((a) => a!.id)
}
