import type { AppConfig } from '@tarojs/taro'

const config: AppConfig = defineAppConfig({
  pages: ['pages/home/index', 'pages/search/index', 'pages/guide/index', 'pages/login/index', 'pages/me/index'],
  // 在线申请 and its region list load only when a citizen applies. 我的办件 and the case detail live
  // there too: a case reads back its region answers by name from the same list. 我的证照 as well (kept out of the main package).
  // 搜索's pinyin (pinyin-pro) is an async subpackage with no pages (分包异步化): the main package
  // fetches it with require.async on the first search and searches hanzi meanwhile.
  subPackages: [
    { root: 'packages/apply', pages: ['pages/form/index', 'pages/cases/index', 'pages/case/index', 'pages/supplement/index', 'pages/licences/index', 'pages/query/index'] },
    { root: 'packages/search', pages: [] },
  ],
  // Opening 搜索 starts the pinyin download (any network: a citizen there is about to type), so on a weak signal it is
  // usually in by the first letter typed; the first search still awaits it if not.
  preloadRule: { 'pages/search/index': { network: 'all', packages: ['packages/search'] } },
  // Inject only the components a page renders (WeChat's 按需注入).
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#0b66c3',
    navigationBarTitleText: '通办',
    navigationBarTextStyle: 'white',
  },
})

export default config
