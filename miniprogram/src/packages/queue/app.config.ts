/**
 * The independent subpackage 排队取号 built on its own (config/independent.ts:
 * `TONGBAN_INDEPENDENT=packages/queue taro build --blended`), with this
 * folder as its source root and dist/packages/queue as its output: Taro's
 * runtime, Vue and our code land inside the subpackage, which WeChat opens
 * from a hall's QR code without downloading the main package. The app.json
 * this makes is dropped; the main one lists the subpackage.
 */
import type { AppConfig } from '@tarojs/taro'
import { QUEUE_PAGES } from './pages'

const config: AppConfig = defineAppConfig({
  pages: QUEUE_PAGES,
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#0b66c3',
    navigationBarTitleText: '排队取号',
    navigationBarTextStyle: 'white',
  },
})

export default config
