import type { PageConfig } from '@tarojs/taro'

const config: PageConfig = definePageConfig({
  navigationBarTitleText: '我的号',
  navigationBarBackgroundColor: '#0b66c3',
  navigationBarTextStyle: 'white',
})

export default config
