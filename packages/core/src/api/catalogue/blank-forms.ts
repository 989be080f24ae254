/**
 * Blank forms (空白表格) a guide promises: a material whose source or notes
 * say it can be downloaded (窗口领取或网上下载, 样表, 空白表格) gets a real
 * file — a PDF the BFF renders from the guide (API.catalogue.blankForm) —
 * linked from the guide in both shells. The seed test holds every promise
 * to a file.
 */
import type { Item, Material } from '../../catalogue/types'
import { buildPath } from '../contract/contract'
import { catalogueRoutes } from './contracts'

/** The words that promise a citizen a file to download. */
const DOWNLOAD_PROMISE = /下载|样表|样本|空白表/

/** The guide tells the citizen this material's form can be downloaded. */
export function promisesBlankForm(m: Pick<Material, 'sourceNote' | 'notes'>): boolean {
  return DOWNLOAD_PROMISE.test(`${m.sourceNote ?? ''} ${m.notes ?? ''}`)
}

/** Where the BFF serves a material's blank form. */
export function blankFormPath(code: string, materialId: string): string {
  return buildPath(catalogueRoutes.blankForm.path, { code, materialId })
}

/** The item with each promised blank form linked (a link already given, e.g. a department's own site, is kept). */
export function withBlankForms<T extends Pick<Item, 'code' | 'materials'>>(item: T): T {
  return {
    ...item,
    materials: item.materials.map((m) => (promisesBlankForm(m) && !m.blankFormUrl ? { ...m, blankFormUrl: blankFormPath(item.code, m.id) } : m)),
  }
}

/** The file name a blank form downloads as: the material's name without its 《》, e.g. 户口迁移申请表.pdf. */
export function blankFormFileName(m: Pick<Material, 'name'>): string {
  return `${m.name.replace(/[《》]/g, '')}.pdf`
}
