/** Registers the service worker (production builds only) so the shell and seen guides work offline. */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const { Workbox } = await import('workbox-window')
  const wb = new Workbox('/sw.js')
  try {
    await wb.register()
  } catch {
    // Without a service worker the app still works online; nothing to tell the citizen.
  }
}
