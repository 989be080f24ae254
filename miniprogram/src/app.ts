/**
 * The mini-program's Vue app: Pinia, NutUI and the Taro platform the shared
 * stores inject. Taro mounts each page into it. Queued submissions are sent
 * when the app comes to the front and when the network comes back.
 */
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import Taro from '@tarojs/taro'
import { mergeInternalComponents } from '@tarojs/shared'
import { PLATFORM_KEY, useSubmissionStore } from '@tongban/app'
import { createTaroPlatform } from './platform/taro-platform'
import { installPrivacyHandler } from './platform/privacy'
import { installUpdatePrompt } from './platform/update'
import { installNutUI } from './ui/nutui'
import { ariaComponents } from '../config/aria'
// Compiled for its template only: see the file's comment.
import './ui/NutuiElements.vue'
import './ui/theme.css'
import './app.css'

function flushSubmissions(): void {
  void App.runWithContext(() => useSubmissionStore()).flush().catch(() => undefined)
}

// Before the first page renders: the runtime's attribute table must match base.wxml's (config/aria-plugin.ts).
if (process.env.TARO_ENV === 'weapp') mergeInternalComponents(ariaComponents())

const App = createApp({ onShow: flushSubmissions })
App.use(createPinia())
installNutUI(App)
App.provide(PLATFORM_KEY, createTaroPlatform(Taro))
if (process.env.TARO_ENV === 'weapp') {
  installPrivacyHandler()
  installUpdatePrompt()
}
try {
  Taro.onNetworkStatusChange((res) => { if (res.isConnected) flushSubmissions() })
} catch {
  // Not on this platform: onShow still flushes.
}

export default App
