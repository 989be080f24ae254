/** Runs `fn` when the main thread is idle (or after `timeout` ms at the latest). */
export function whenIdle(fn: () => void, timeout = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout })
  else setTimeout(fn, 1)
}
