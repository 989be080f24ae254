import type { PageConfig } from '@tarojs/taro'

const config: PageConfig = definePageConfig({ navigationBarTitleText: '办事指南', enableShareAppMessage: true })

export default config
