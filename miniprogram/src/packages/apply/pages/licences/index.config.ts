import type { PageConfig } from '@tarojs/taro'

const config: PageConfig = definePageConfig({ navigationBarTitleText: '我的证照' })

export default config
