import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { PLATFORM_KEY, useGuideStore, useSubmissionStore } from '@tongban/app'
import App from './App.vue'
import { createAppRouter } from './router'
import { webPlatform } from './platform/web-platform'
import { registerServiceWorker } from './pwa/register'
import './styles/theme.css'
import type { ItemGuide } from '@tongban/core'

/** What the BFF put in the shell it served (server/src/http/shell.ts); null when the page came from the service worker. */
function bootData(): { guide?: { code: string; etag?: string; item?: ItemGuide } } | null {
  try {
    return JSON.parse(document.getElementById('tb-boot')?.textContent ?? 'null') as ReturnType<typeof bootData>
  } catch {
    return null
  }
}

const app = createApp(App)
app.provide(PLATFORM_KEY, webPlatform())
app.use(createPinia())
app.use(createAppRouter())
// Opening a guide directly (a shared link): the BFF inlined it in the page; otherwise
// (the service worker answered with the plain shell) fetch it while the page's code loads, not after.
const direct = /^\/items\/([A-Za-z0-9-]{1,64})$/.exec(location.pathname)
if (direct) {
  const inlined = bootData()?.guide
  void app.runWithContext(() => {
    const guides = useGuideStore()
    if (inlined?.item && inlined.code === direct[1]) guides.seed(inlined.code, inlined.item, inlined.etag)
    else void guides.open(direct[1]!)
  })
}
app.mount('#app')
// Submissions queued without a network go out when the app opens and whenever the network returns.
const flush = () => { if (navigator.onLine) void app.runWithContext(() => useSubmissionStore().flush()) }
window.addEventListener('online', flush)
// The service worker sent them in the background: sending again with the same keys fetches the cases.
navigator.serviceWorker?.addEventListener('message', (e: MessageEvent<{ type?: string }>) => { if (e.data?.type === 'tb-submitted') flush() })
flush()
void registerServiceWorker()
