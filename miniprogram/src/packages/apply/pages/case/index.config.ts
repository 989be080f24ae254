import type { PageConfig } from '@tarojs/taro'

const config: PageConfig = definePageConfig({ navigationBarTitleText: '办件详情', enableShareAppMessage: true })

export default config
