import type { PageConfig } from '@tarojs/taro'

const config: PageConfig = definePageConfig({ navigationBarTitleText: '文书核验' })

export default config
