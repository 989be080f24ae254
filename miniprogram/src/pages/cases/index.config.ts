import type { PageConfig } from '@tarojs/taro'

// Pull down to refresh: the queue and drafts are read again and the cases fetched.
const config: PageConfig = definePageConfig({ navigationBarTitleText: '我的办件', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })

export default config
