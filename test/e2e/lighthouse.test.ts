/**
 * Lighthouse on the guide page (mobile): accessibility 100 and no failed
 * best-practice audit — what the page is, the same on any machine. The
 * performance score is a wall-clock figure that a busy machine lowers: it is
 * a benchmark (`npm run bench -- lighthouse`, median of 5 runs, goal ≥ 0.9),
 * not a test. The report is saved to test/artifacts/lighthouse-guide.html.
 */
import { expect, it } from 'vitest'
import { failedAudits, lighthouseRuns } from './lighthouse-runs'

it('scores accessibility 100 and fails no best-practice audit on the guide page (mobile)', async () => {
  const { median: { lhr } } = await lighthouseRuns(1)
  const errors = Object.values(lhr.audits).filter((a) => a.errorMessage).map((a) => `${a.id}: ${a.errorMessage}`)
  expect({ runtimeError: lhr.runtimeError, errors: errors.slice(0, 5) }).toEqual({ runtimeError: undefined, errors: [] })
  const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, c.score]))
  console.log('lighthouse scores (performance is a benchmark figure, see npm run bench)', scores)
  expect(failedAudits(lhr, 'accessibility')).toEqual([])
  expect(scores.accessibility).toBe(1)
  expect(failedAudits(lhr, 'best-practices')).toEqual([])
})
