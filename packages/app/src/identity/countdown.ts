/**
 * "60秒后重新获取": seconds left until another SMS code may be asked for.
 * Counts against a deadline, not by ticks, so a phone that pauses the timer
 * in the background still shows the right number when it comes back.
 */
import { onUnmounted, ref } from 'vue'

export function useCountdown(now: () => number = () => Date.now()) {
  const remaining = ref(0)
  let until = 0
  let timer: ReturnType<typeof setInterval> | undefined

  function stop(): void {
    clearInterval(timer)
    timer = undefined
  }

  function tick(): void {
    remaining.value = Math.max(0, Math.ceil((until - now()) / 1000))
    if (remaining.value === 0) stop()
  }

  function start(seconds: number): void {
    stop()
    until = now() + seconds * 1000
    remaining.value = Math.max(0, Math.ceil(seconds))
    if (remaining.value > 0) timer = setInterval(tick, 1000)
  }

  onUnmounted(stop)
  return { remaining, start, stop }
}
