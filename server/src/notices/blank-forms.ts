/**
 * What a blank form (空白表格) says, from the guide: the material's name as
 * its title, the item and its department, the fields to fill in — the
 * item's own form schema where the material is the application form itself
 * (the schema's `fills` maps it to ''), else the applicant's particulars the
 * item's subjects call for — a 承诺书's commitment text from the guide, the
 * guide's notes for the material, and the signature. Pure: data in, the face
 * out; render-form.ts prints it.
 */
import { promisesBlankForm, shanghaiDate, type FormField, type Item, type Material } from '@tongban/core'

/** One thing to fill in, as it is drawn. */
export type BlankField =
  /** A cell to write in. */
  | { kind: 'line'; label: string }
  /** One box a character: 公民身份号码 (18), 统一社会信用代码 (18), 手机号码 (11). */
  | { kind: 'boxes'; label: string; count: number }
  /** □ before each option. */
  | { kind: 'choices'; label: string; options: string[]; multiple: boolean }
  /** Room for several lines. */
  | { kind: 'box'; label: string; lines: number }
  | { kind: 'date'; label: string; range: boolean }
  /** Printed already (the item applied for). */
  | { kind: 'printed'; label: string; value: string }
  /** A repeatable block (家庭成员): a table with a column per field. */
  | { kind: 'table'; label: string; columns: string[]; rows: number }
  /** A declaration to tick and sign. */
  | { kind: 'pledge'; label: string; text: string }

export interface BlankFormFace {
  /** The material's name without 《》. */
  title: string
  itemCode: string
  itemName: string
  department: string
  fields: BlankField[]
  /** A 承诺书's commitment, one paragraph each. */
  commitment: string[]
  /** 填表说明. */
  notes: string[]
  /** Who signs: 申请人, 承诺人. */
  signer: string
  /** YYYY-MM-DD of the guide's version: the PDF's date, so the same guide gives the same bytes. */
  updatedOn: string
}

const COMMITMENT = /承诺书/
const TABLE_ROWS = 4

/** A schema field as it is filled in on paper; materials are handed in beside the form, not on it. */
function paperField(f: FormField): BlankField | null {
  switch (f.type) {
    case 'textarea': return { kind: 'box', label: f.label, lines: 3 }
    case 'mobile': return { kind: 'boxes', label: f.label, count: 11 }
    case 'residentId': return { kind: 'boxes', label: f.label, count: 18 }
    case 'creditCode': return { kind: 'boxes', label: f.label, count: 18 }
    case 'date': return { kind: 'date', label: f.label, range: false }
    case 'dateRange': return { kind: 'date', label: f.label, range: true }
    case 'select':
    case 'radio': return { kind: 'choices', label: f.label, options: f.options.map((o) => o.label), multiple: false }
    case 'checkbox': return { kind: 'choices', label: `${f.label}（可多选）`, options: f.options.map((o) => o.label), multiple: true }
    case 'switch': return { kind: 'choices', label: f.label, options: ['是', '否'], multiple: false }
    case 'group': {
      const columns = f.fields.filter((x) => x.type !== 'material' && x.type !== 'group').map((x) => x.label)
      return { kind: 'table', label: f.label, columns, rows: Math.max(f.minItems ?? 0, Math.min(f.maxItems ?? TABLE_ROWS, TABLE_ROWS)) }
    }
    case 'material': return null
    case 'consent': return { kind: 'pledge', label: f.label, text: f.text ?? f.label }
    default: return { kind: 'line', label: f.label }
  }
}

/** Who applies, as the item's subjects call for (a form with no schema of its own). */
function particulars(item: Item, signer: string): BlankField[] {
  const person = item.subjects.includes('person')
  const company = item.subjects.includes('company')
  if (company && !person) {
    return [
      { kind: 'line', label: '单位名称' },
      { kind: 'boxes', label: '统一社会信用代码', count: 18 },
      { kind: 'line', label: '法定代表人（负责人）' },
      { kind: 'line', label: '联系人' },
      { kind: 'line', label: '联系电话' },
      { kind: 'line', label: '单位地址' },
    ]
  }
  if (company) {
    return [
      { kind: 'line', label: `${signer}（单位名称或姓名）` },
      { kind: 'boxes', label: '统一社会信用代码或公民身份号码', count: 18 },
      { kind: 'line', label: '法定代表人（负责人）' },
      { kind: 'line', label: '联系电话' },
      { kind: 'line', label: '地址' },
    ]
  }
  return [
    { kind: 'line', label: `${signer}姓名` },
    { kind: 'boxes', label: '公民身份号码', count: 18 },
    { kind: 'boxes', label: '联系电话', count: 11 },
    { kind: 'line', label: '现住址' },
  ]
}

/** The face of a material's blank form; null where the guide promises none (nothing to download). */
export function blankFormFace(item: Item, material: Material): BlankFormFace | null {
  if (!promisesBlankForm(material)) return null
  const commitment = material.commitment ?? []
  const pledgeForm = COMMITMENT.test(material.name)
  const signer = pledgeForm ? '承诺人' : '申请人'
  const schema = item.form && item.form.fills?.[material.id] === '' ? item.form : null
  const printed: BlankField = { kind: 'printed', label: '申请事项', value: item.name }
  let fields: BlankField[]
  if (schema) {
    fields = [printed, ...schema.fields.flatMap((f) => paperField(f) ?? [])]
  } else {
    fields = [printed, ...particulars(item, signer)]
    if (!pledgeForm) fields.push({ kind: 'box', label: /登记|备案/.test(material.name) ? '登记（备案）内容' : '申请事项及理由', lines: 4 })
  }
  const notes = [
    '请用黑色签字笔或钢笔填写，字迹清楚，不得涂改；不适用的项目填“无”。',
    ...(material.notes ? [`${material.notes}。`.replace(/。。$/, '。')] : []),
    ...(schema ? ['在“通办”在线申请的，在线填写即可，无需再交这份纸质表。'] : []),
    `填好后连同其他材料交到${item.department.name}办理窗口。`,
  ]
  return {
    title: material.name.replace(/[《》]/g, ''),
    itemCode: item.code,
    itemName: item.name,
    department: item.department.name,
    fields,
    commitment,
    notes,
    signer,
    updatedOn: shanghaiDate(Date.parse(item.updatedAt)),
  }
}
