import type { PageConfig } from '@tarojs/taro'

// Pull down to read the messages again; scrolling to the end loads older ones.
const config: PageConfig = definePageConfig({ navigationBarTitleText: '消息中心', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })

export default config
