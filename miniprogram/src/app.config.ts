import type { AppConfig } from '@tarojs/taro'
import { QUEUE_PAGES, QUEUE_ROOT } from './packages/queue/pages'

const config: AppConfig = defineAppConfig({
  pages: [
    'pages/home/index', 'pages/search/index', 'pages/guide/index', 'pages/login/index', 'pages/me/index',
    'pages/cases/index', 'pages/messages/index', 'pages/agreement/index',
  ],
  // 在线申请 and its region list load only when a citizen applies. The case detail lives there too:
  // a case reads back its region answers by name from the same list. 我的证照, 服务大厅, 文书核验 and 消息设置 as well
  // (kept out of the main package). 我的办件 and 消息中心 (tabs: tab pages must be in the main package) read no region.
  // 搜索's pinyin (pinyin-pro) is an async subpackage with no pages (分包异步化): the main package
  // fetches it with require.async on the first search and searches hanzi meanwhile.
  subPackages: [
    { root: 'packages/apply', pages: ['pages/form/index', 'pages/case/index', 'pages/supplement/index', 'pages/licences/index', 'pages/query/index', 'pages/access-log/index', 'pages/halls/index', 'pages/verify/index', 'pages/message-settings/index'] },
    { root: 'packages/search', pages: [] },
    // 排队取号, an independent subpackage (独立分包): a hall's QR code opens it without downloading the main package.
    // It may use nothing of the main package, so it is built as a mini-program of its own (config/independent.ts).
    { root: QUEUE_ROOT, pages: QUEUE_PAGES, independent: true },
  ],
  // Opening 搜索 starts the pinyin download (any network: a citizen there is about to type), so on a weak signal it is
  // usually in by the first letter typed; the first search still awaits it if not.
  preloadRule: { 'pages/search/index': { network: 'all', packages: ['packages/search'] } },
  // Inject only the components a page renders (WeChat's 按需注入).
  lazyCodeLoading: 'requiredComponents',
  // 首页 · 办件 · 消息 · 我的, as the apps citizens already use, each tab named in words (read out, legible in
  // 长辈模式) under its icon. 消息 carries the unread count as its badge (composables/useMessageBadge.ts).
  tabBar: {
    color: '#4e5560',
    selectedColor: '#0b66c3',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      // Icons drawn from the PWA's TabBar.vue paths (test/tools/make-tab-icons.mjs): WeChat's tabBar takes PNG only.
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-selected.png' },
      { pagePath: 'pages/cases/index', text: '办件', iconPath: 'assets/tab/cases.png', selectedIconPath: 'assets/tab/cases-selected.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tab/messages.png', selectedIconPath: 'assets/tab/messages-selected.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-selected.png' },
    ],
  },
  // WeChat's privacy agreement flow (required since 2023): calls that touch personal data (the camera and album,
  // chat files, the clipboard, getPhoneNumber) wait for the citizen's consent, asked by ui/PrivacyConsent.vue.
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#0b66c3',
    navigationBarTitleText: '通办',
    navigationBarTextStyle: 'white',
  },
})

export default config
