import type { PageConfig } from '@tarojs/taro'

const config: PageConfig = definePageConfig({ navigationBarTitleText: '办件查询', enableShareAppMessage: true })

export default config
