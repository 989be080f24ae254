/** Small helpers shared by the benchmarks: percentiles, number formats, one line per figure. */
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))

/** Nearest-rank percentile of an already sorted list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export function ms(n: number): string {
  return n < 0.1 ? `${(n * 1000).toFixed(1)} µs` : `${n.toFixed(n < 10 ? 3 : 1)} ms`
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A verdict word, never an assertion: the bench only reports. */
export function verdict(ok: boolean): string {
  return ok ? 'ok' : 'OVER GOAL'
}

export function line(bench: string, text: string): void {
  console.log(`[${bench}] ${text}`)
}

export function sleep(msec: number): Promise<void> {
  return new Promise((r) => setTimeout(r, msec))
}

/** mulberry32: a tiny seeded PRNG so every run generates the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
