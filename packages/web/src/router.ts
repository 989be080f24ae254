/** Routes: home is in the first load; every other page loads on demand. */
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import HomePage from './pages/HomePage.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { title: '通办', tab: 'home' } },
  { path: '/search', name: 'search', component: () => import('./pages/SearchPage.vue'), meta: { title: '查找事项' } },
  { path: '/items/:code', name: 'guide', component: () => import('./pages/GuidePage.vue'), meta: { title: '办事指南' } },
  { path: '/items/:code/apply', name: 'apply', component: () => import('./pages/ApplyPage.vue'), meta: { title: '在线申请' } },
  { path: '/cases/:caseNo', name: 'case', component: () => import('./pages/CasePage.vue'), meta: { title: '办件详情' } },
  { path: '/cases/:caseNo/supplement', name: 'supplement', component: () => import('./pages/SupplementPage.vue'), meta: { title: '补正材料' } },
  { path: '/me/cases', name: 'cases', component: () => import('./pages/CasesPage.vue'), meta: { title: '我的办件', tab: 'cases' } },
  { path: '/query', name: 'query', component: () => import('./pages/QueryPage.vue'), meta: { title: '办件查询' } },
  { path: '/agreements/:id', name: 'agreement', component: () => import('./pages/AgreementPage.vue'), meta: { title: '协议' } },
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { title: '登录' } },
  { path: '/me', name: 'me', component: () => import('./pages/MePage.vue'), meta: { title: '我的', tab: 'me' } },
  { path: '/me/licences', name: 'licences', component: () => import('./pages/LicencesPage.vue'), meta: { title: '我的证照' } },
  { path: '/messages', name: 'messages', component: () => import('./pages/MessagesPage.vue'), meta: { title: '消息中心', tab: 'messages' } },
  { path: '/me/message-settings', name: 'message-settings', component: () => import('./pages/MessageSettingsPage.vue'), meta: { title: '消息设置' } },
  { path: '/me/access-log', name: 'access-log', component: () => import('./pages/AccessLogPage.vue'), meta: { title: '谁查看了我的信息' } },
  { path: '/staff/login', name: 'staff-login', component: () => import('./pages/staff/StaffLoginPage.vue'), meta: { title: '工作人员登录' } },
  { path: '/staff/consents/:consentId/apply', name: 'agent-apply', component: () => import('./pages/staff/AgentApplyPage.vue'), meta: { title: '代为申请' } },
  { path: '/staff/cases/:caseNo', name: 'staff-case', component: () => import('./pages/staff/StaffCasePage.vue'), meta: { title: '办件办理' } },
  { path: '/staff/hall', name: 'staff-hall', component: () => import('./pages/staff/StaffHallSetupPage.vue'), meta: { title: '排队设置' } },
  { path: '/staff/queue', name: 'staff-queue', component: () => import('./pages/staff/StaffQueuePage.vue'), meta: { title: '窗口叫号' } },
  { path: '/staff', name: 'staff', component: () => import('./pages/staff/StaffHomePage.vue'), meta: { title: '工作台' } },
  { path: '/halls', name: 'halls', component: () => import('./pages/HallsPage.vue'), meta: { title: '服务大厅' } },
  { path: '/h/:hallId', name: 'hall-queue', component: () => import('./pages/HallQueuePage.vue'), meta: { title: '排队取号' } },
  { path: '/h/:hallId/appointments', name: 'hall-appointments', component: () => import('./pages/AppointmentsPage.vue'), meta: { title: '预约办理' } },
  { path: '/hall/:hallId/display', name: 'hall-display', component: () => import('./pages/HallDisplayPage.vue'), meta: { title: '叫号屏' } },
  { path: '/kiosk/:hallId', name: 'kiosk', component: () => import('./pages/KioskPage.vue'), meta: { title: '自助服务' } },
  { path: '/tickets/:id', name: 'ticket', component: () => import('./pages/TicketPage.vue'), meta: { title: '我的号' } },
  { path: '/verify/:id', name: 'verify', component: () => import('./pages/VerifyPage.vue'), meta: { title: '文书核验' } },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: '页面不存在' } },
]

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    /** A top-level page: the bottom tab bar shows, with this tab current. */
    tab?: 'home' | 'cases' | 'messages' | 'me'
  }
}

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  })
  router.afterEach((to) => {
    const title = typeof to.meta.title === 'string' ? to.meta.title : '通办'
    document.title = title === '通办' ? '通办 — 政务服务一网通办' : `${title} — 通办`
  })
  return router
}
