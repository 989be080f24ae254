import type { PageConfig } from '@tarojs/taro'

const config: PageConfig = definePageConfig({ navigationBarTitleText: '我的' })

export default config
