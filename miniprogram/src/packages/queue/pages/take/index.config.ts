import type { PageConfig } from '@tarojs/taro'

// Colours here as well: this page may be the first WeChat shows, from a hall's QR code, with no main package loaded.
const config: PageConfig = definePageConfig({
  navigationBarTitleText: '排队取号',
  navigationBarBackgroundColor: '#0b66c3',
  navigationBarTextStyle: 'white',
})

export default config
