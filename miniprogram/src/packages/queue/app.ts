/**
 * The Vue app of the independent subpackage 排队取号 (packages/queue). WeChat
 * opens a page here — a hall's QR code scanned — without the main package:
 * its app.ts never runs, so nothing it provides exists here. This app
 * provides what the pages need instead: Pinia (the settings store, for
 * 长辈模式) and the Platform (PLATFORM_KEY) the shared composables inject —
 * the base Taro platform, without the catalogue search.
 *
 * Built with `--blended`, Taro's entry creates the app (createVue3App) and
 * launches it without calling WeChat's App(), which an independent
 * subpackage must not; each page requires this entry first
 * (config/independent.ts), so it is set up before the page mounts, once.
 */
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import Taro from '@tarojs/taro'
import { mergeInternalComponents } from '@tarojs/shared'
import { PLATFORM_KEY } from '@tongban/app'
import { createTaroBasePlatform } from '../../platform/base-platform'
import { ariaComponents } from '../../../config/aria'
import '../../ui/theme.css'
import './app.css'

// Before the first page renders: the runtime's attribute table must match this subpackage's base.wxml (config/aria-plugin.ts).
if (process.env.TARO_ENV === 'weapp') mergeInternalComponents(ariaComponents())

const App = createApp({})
App.use(createPinia())
App.provide(PLATFORM_KEY, createTaroBasePlatform(Taro))

export default App
