/**
 * 行政复议 / 行政诉讼: what the applicant may do against a decision not to
 * accept or not to license (Art. 38; 行政复议法 Art. 20, 行政诉讼法 Art. 46),
 * in the case page's plain words and in a written decision's formal ones.
 */

/** On the case page, under a denial. */
export const REMEDY_TEXT = '对决定不服的，可以自知道该决定之日起60日内依法申请行政复议，或者6个月内依法向人民法院提起行政诉讼。'

/** The paragraph a written 不予受理 / 不予许可 decision ends with; `body` is where to apply for 行政复议. */
export function remedyParagraph(body: string): string {
  return `你（单位）享有依法申请行政复议或者提起行政诉讼的权利：如不服本决定，可以自收到本决定书之日起六十日内依法向${body}申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。`
}
