/**
 * `npm run bench`: runs every benchmark in turn and prints its figures.
 * Benchmarks never assert; the exit code is non-zero only when one crashed.
 * `npm run bench -- search rss` runs only the named ones.
 */
import { availableParallelism, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'

const BENCHES: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  search: () => import('./search.bench'),
  'guide-http': () => import('./guide-http.bench'),
  upload: () => import('./upload.bench'),
  rss: () => import('./rss.bench'),
  bundle: () => import('./bundle.bench'),
  miniprogram: () => import('./miniprogram.bench'),
  validator: () => import('./validator.bench'),
  notice: () => import('./notice.bench'),
  queue: () => import('./queue.bench'),
  'hall-queue': () => import('./hall-queue.bench'),
  dispatch: () => import('./dispatch.bench'),
  sse: () => import('./sse.bench'),
  lighthouse: () => import('./lighthouse.bench'),
}

const wanted = process.argv.slice(2)
const unknown = wanted.filter((n) => !(n in BENCHES))
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`)
  process.exit(2)
}

const cores = availableParallelism()
const load = () => loadavg()[0]!.toFixed(2)
console.log(`Tongban benchmarks — node ${process.version}, ${cores} cores, load average ${load()}`)
if (loadavg()[0]! > cores / 2) console.log('  (the machine is busy: timings will be slower and noisier than on an idle one)')
let crashed = 0
for (const [name, importBench] of Object.entries(BENCHES)) {
  if (wanted.length && !wanted.includes(name)) continue
  console.log(`\n== ${name}`)
  const started = performance.now()
  try {
    await (await importBench()).run()
  } catch (e) {
    crashed++
    console.log(`[${name}] CRASHED: ${e instanceof Error ? e.stack ?? e.message : String(e)}`)
  }
  console.log(`[${name}] (${((performance.now() - started) / 1000).toFixed(1)} s, load average now ${load()})`)
}
if (crashed) console.log(`\n${crashed} benchmark(s) crashed`)
process.exit(crashed ? 1 : 0)
