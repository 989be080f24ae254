import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { PLATFORM_KEY, useGuideStore, useSubmissionStore } from '@tongban/app'
import App from './App.vue'
import { createAppRouter } from './router'
import { webPlatform } from './platform/web-platform'
import { registerServiceWorker } from './pwa/register'
import './styles/theme.css'

const app = createApp(App)
app.provide(PLATFORM_KEY, webPlatform())
app.use(createPinia())
app.use(createAppRouter())
// Opening a guide directly (a shared link): fetch it while the page's code loads, not after.
const direct = /^\/items\/([A-Za-z0-9-]{1,64})$/.exec(location.pathname)
if (direct) void app.runWithContext(() => useGuideStore().open(direct[1]!))
app.mount('#app')
// Submissions queued without a network go out when the app opens and whenever the network returns.
const flush = () => { if (navigator.onLine) void app.runWithContext(() => useSubmissionStore().flush()) }
window.addEventListener('online', flush)
// The service worker sent them in the background: sending again with the same keys fetches the cases.
navigator.serviceWorker?.addEventListener('message', (e: MessageEvent<{ type?: string }>) => { if (e.data?.type === 'tb-submitted') flush() })
flush()
void registerServiceWorker()
