import type { PageConfig } from '@tarojs/taro'

// Colours here as well: the main package (whose app.json window sets them) may not be loaded.
const config: PageConfig = definePageConfig({
  navigationBarTitleText: '预约办理',
  navigationBarBackgroundColor: '#0b66c3',
  navigationBarTextStyle: 'white',
})

export default config
