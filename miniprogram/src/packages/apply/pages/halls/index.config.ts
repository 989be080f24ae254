import type { PageConfig } from '@tarojs/taro'

const config: PageConfig = definePageConfig({ navigationBarTitleText: '服务大厅' })

export default config
