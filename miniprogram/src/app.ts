/**
 * The mini-program's Vue app: Pinia, NutUI and the Taro platform the shared
 * stores inject. Taro mounts each page into it.
 */
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import Taro from '@tarojs/taro'
import { PLATFORM_KEY } from '@tongban/app'
import { createTaroPlatform } from './platform/taro-platform'
import { installNutUI } from './ui/nutui'
// Compiled for its template only: see the file's comment.
import './ui/NutuiElements.vue'
import './ui/theme.css'
import './app.css'

const App = createApp({})
App.use(createPinia())
installNutUI(App)
App.provide(PLATFORM_KEY, createTaroPlatform(Taro))

export default App
