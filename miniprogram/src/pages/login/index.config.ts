import type { PageConfig } from '@tarojs/taro'

const config: PageConfig = definePageConfig({ navigationBarTitleText: '登录' })

export default config
