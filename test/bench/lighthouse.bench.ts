/**
 * Lighthouse performance of the guide page (mobile, simulated throttling)
 * as `npm start` serves it: the median of 5 runs against the goal ≥ 0.9,
 * each run's score and metrics, and Lighthouse's benchmarkIndex (its measure
 * of this machine's speed in that run; ≈ 2700 here when idle) — a low index
 * explains a low score. Needs packages/web/dist (npm run build:web).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { lighthouseRuns, runMetrics } from '../e2e/lighthouse-runs'
import { line, ROOT, verdict } from './util'

const B = 'lighthouse'
const RUNS = 5
const GOAL = 0.9

export async function run(): Promise<void> {
  if (!existsSync(join(ROOT, 'packages/web/dist/index.html'))) {
    line(B, 'skipped: packages/web/dist is missing (npm run build:web)')
    return
  }
  const { results, median } = await lighthouseRuns(RUNS, 'lighthouse-guide-bench.html')
  const score = (r: (typeof results)[number]) => r.lhr.categories.performance?.score ?? 0
  line(B, `guide page performance per run: ${results.map(score).join(' ')}; benchmarkIndex ${results.map((r) => Math.round(r.lhr.environment.benchmarkIndex)).join(' ')}`)
  line(B, `FCP/LCP/TBT/SI ms, CLS×1000 per run: ${results.map(runMetrics).join('  ')}`)
  line(B, `median performance ${score(median)} (goal ≥ ${GOAL}) ${verdict(score(median) >= GOAL)}; LCP ${Math.round(median.lhr.audits['largest-contentful-paint']?.numericValue ?? NaN)} ms`)
}
