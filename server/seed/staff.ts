/**
 * Demo staff accounts for the embedded run (never seeded in production).
 * All share the password below; the README lists them.
 */
import type { StaffRole } from '@tongban/core'
import { HALL } from './halls'
import { DEPT } from './departments'

export const DEMO_STAFF_PASSWORD = 'Tongban@2026'

export const demoStaff: { username: string; displayName: string; roles: StaffRole[]; hallId?: string; departmentCode?: string }[] = [
  { username: 'clerk', displayName: '市政务服务中心窗口 王芳', roles: ['clerk'], hallId: HALL.city.id },
  // Each department signs a case's 承办 / 审核 / 审批 as three people (machine.ts, DutyRules): a reviewer who
  // undertakes, a second reviewer who reviews (either may do either, never both for one case), an approver.
  { username: 'reviewer', displayName: '市公安局户政科 李强', roles: ['reviewer'], departmentCode: DEPT.gaj.code },
  { username: 'checker', displayName: '市公安局户政科 吴晓', roles: ['reviewer'], departmentCode: DEPT.gaj.code },
  { username: 'approver', displayName: '市公安局 副局长 郑伟', roles: ['approver'], departmentCode: DEPT.gaj.code },
  { username: 'reviewer_mz', displayName: '市民政局社会救助科 赵敏', roles: ['reviewer'], departmentCode: DEPT.mzj.code },
  { username: 'checker_mz', displayName: '市民政局社会救助科 钱丽', roles: ['reviewer'], departmentCode: DEPT.mzj.code },
  { username: 'approver_mz', displayName: '市民政局 副局长 冯军', roles: ['approver'], departmentCode: DEPT.mzj.code },
  { username: 'reviewer_sc', displayName: '市市场监管局食品经营许可科 孙涛', roles: ['reviewer'], departmentCode: DEPT.scjg.code },
  { username: 'checker_sc', displayName: '市市场监管局食品经营许可科 何静', roles: ['reviewer'], departmentCode: DEPT.scjg.code },
  { username: 'approver_sc', displayName: '市市场监管局 副局长 韩东', roles: ['approver'], departmentCode: DEPT.scjg.code },
  { username: 'supervisor', displayName: '电子监察室 陈静', roles: ['supervisor'] },
  { username: 'leader', displayName: '政务服务管理局 周明', roles: ['leader', 'supervisor'] },
  { username: 'agent', displayName: '杏花村便民服务站代办员 刘梅', roles: ['agent'], hallId: HALL.xinghua.id },
  { username: 'hall_admin', displayName: '市政务服务中心 管理员', roles: ['hall_admin'], hallId: HALL.city.id },
]
