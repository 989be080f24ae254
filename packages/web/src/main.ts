import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { PLATFORM_KEY } from '@tongban/app'
import App from './App.vue'
import { createAppRouter } from './router'
import { webPlatform } from './platform/web-platform'
import { registerServiceWorker } from './pwa/register'
import './styles/theme.css'

const app = createApp(App)
app.provide(PLATFORM_KEY, webPlatform())
app.use(createPinia())
app.use(createAppRouter())
app.mount('#app')
void registerServiceWorker()
