/**
 * Departments (实施主体) of the fictional city 示例市.
 * Names follow the usual titles of municipal bodies after the 2018/2023
 * institutional reforms; the city and all phone numbers are fictional.
 */
import type { Department } from '@tongban/core'

export const DEPT = {
  gaj: { code: 'gaj', name: '示例市公安局' },
  scjg: { code: 'scjg', name: '示例市市场监督管理局' },
  rsj: { code: 'rsj', name: '示例市人力资源和社会保障局' },
  ybj: { code: 'ybj', name: '示例市医疗保障局' },
  gjj: { code: 'gjj', name: '示例市住房公积金管理中心' },
  mzj: { code: 'mzj', name: '示例市民政局' },
  cl: { code: 'cl', name: '示例市残疾人联合会' },
  wjw: { code: 'wjw', name: '示例市卫生健康委员会' },
  zjj: { code: 'zjj', name: '示例市住房和城乡建设局' },
  zrzy: { code: 'zrzy', name: '示例市自然资源和规划局' },
  bdc: { code: 'bdc', name: '示例市不动产登记中心' },
  jtj: { code: 'jtj', name: '示例市交通运输局' },
  nyj: { code: 'nyj', name: '示例市农业农村局' },
} as const satisfies Record<string, Department>

export type DeptCode = keyof typeof DEPT

/**
 * Departments whose 承办、审核、审批 of one case may be signed by one person
 * (departments.separate_duties false): none in the demo city, where every
 * department signs them as three people, 审批 by an approver. Read when a
 * department is first stored; switched later in the database, it stays so.
 */
export const SIGNS_ALONE: readonly DeptCode[] = []

export const departments: Department[] = Object.values(DEPT).map((d) => ({ code: d.code, name: d.name }))

/** 咨询电话 per department (fictional numbers in the form 0xxx-xxxxxxxx). */
export const CONSULT_PHONE: Record<DeptCode, string> = {
  gaj: '0799-86110110',
  scjg: '0799-86112315',
  rsj: '0799-86112333',
  ybj: '0799-86110086',
  gjj: '0799-86112329',
  mzj: '0799-86113100',
  cl: '0799-86113200',
  wjw: '0799-86112320',
  zjj: '0799-86113300',
  zrzy: '0799-86113400',
  bdc: '0799-86113500',
  jtj: '0799-86112328',
  nyj: '0799-86113600',
}

/** 监督投诉: the 12345 government service hotline. */
export const COMPLAINT_PHONE = '12345'
