/**
 * A blank form (空白表格) as an A4 PDF to print and fill in by hand, with
 * the same renderer and embedded CJK font as the notices: the title, the
 * item and department, a grid of the fields (a cell to write in, a box per
 * character of an ID number, a square before each choice, a table for a
 * repeatable block), a 承诺书's commitment, the signature and 填表说明.
 * Type is large (14 pt in the cells, 15 pt for the commitment), for people
 * who read and write it on paper. The same face gives the same bytes.
 */
import { finish, newDocument, type Doc } from './render'
import type { BlankField, BlankFormFace } from './blank-forms'

const MM = 72 / 25.4
const A4 = { width: 595.28, height: 841.89 }
const MARGIN = { top: 20 * MM, bottom: 18 * MM, left: 20 * MM, right: 20 * MM }
const WIDTH = A4.width - MARGIN.left - MARGIN.right
const BOTTOM = A4.height - MARGIN.bottom
const TITLE = 20
const BODY = 14
const SMALL = 11.5
const PAD = 6
const LABEL_W = WIDTH * 0.3
const VALUE_W = WIDTH - LABEL_W
const MIN_ROW = 34
const LINE_H = BODY + 8
const SQUARE = 11

/** Room left on this page, else a new one; the y to draw at. */
function room(doc: Doc, height: number): number {
  if (doc.y + height > BOTTOM) {
    doc.addPage()
    doc.y = MARGIN.top
  }
  return doc.y
}

function square(doc: Doc, x: number, y: number, size = SQUARE): void {
  doc.save().lineWidth(0.8).rect(x, y, size, size).stroke().restore()
}

/** Where each option goes (x, line, and how many lines it takes: a long one wraps on lines of its own), inside the cell. */
function layoutChoices(doc: Doc, options: string[], width: number): { at: { x: number; line: number; lines: number }[]; lines: number } {
  doc.font('body').fontSize(BODY)
  const textW = width - SQUARE - 4
  const at: { x: number; line: number; lines: number }[] = []
  let x = 0
  let line = 0
  for (const o of options) {
    const w = SQUARE + 4 + doc.widthOfString(o)
    if (w > width) {
      if (x > 0) line++
      const lines = Math.ceil(doc.heightOfString(o, { width: textW }) / doc.currentLineHeight(true) - 0.01)
      at.push({ x: 0, line, lines })
      line += lines
      x = 0
      continue
    }
    if (x > 0 && x + w > width) { x = 0; line++ }
    at.push({ x, line, lines: 1 })
    x += w + 14
  }
  return { at, lines: x > 0 ? line + 1 : line }
}

/** Height the value of a field needs inside its cell (without padding). */
function valueHeight(doc: Doc, f: BlankField): number {
  switch (f.kind) {
    case 'choices': return layoutChoices(doc, f.options, VALUE_W - PAD * 2).lines * LINE_H
    case 'box': return f.lines * 26
    case 'printed': return doc.font('body').fontSize(BODY).heightOfString(f.value, { width: VALUE_W - PAD * 2 })
    default: return BODY
  }
}

function drawValue(doc: Doc, f: BlankField, x: number, y: number, w: number, h: number): void {
  doc.font('body').fontSize(BODY).fillColor('#000000')
  switch (f.kind) {
    case 'boxes': {
      const size = Math.min(20, w / f.count)
      for (let i = 0; i < f.count; i++) square(doc, x + i * size, y + (h - size) / 2, size)
      break
    }
    case 'choices': {
      const { at, lines } = layoutChoices(doc, f.options, w)
      const top = y + (h - lines * LINE_H) / 2
      f.options.forEach((o, i) => {
        const p = at[i]!
        const ly = top + p.line * LINE_H + (LINE_H - BODY) / 2
        square(doc, x + p.x, ly + (BODY - SQUARE) / 2 + 1)
        if (p.lines > 1) doc.text(o, x + SQUARE + 4, ly, { width: w - SQUARE - 4, lineGap: Math.max(0, LINE_H - doc.currentLineHeight(true)) })
        else doc.text(o, x + p.x + SQUARE + 4, ly, { lineBreak: false })
      })
      break
    }
    case 'date': {
      const blank = '　　　　年　　月　　日'
      doc.text(f.range ? `${blank}　至${blank}` : blank, x, y + (h - BODY) / 2, { width: w, lineBreak: false })
      break
    }
    case 'printed':
      doc.text(f.value, x, y + (h - valueHeight(doc, f)) / 2, { width: w })
      break
    default:
      break
  }
}

/** A row of the grid: the label on the left, the place to fill in on the right. */
function fieldRow(doc: Doc, f: Exclude<BlankField, { kind: 'table' | 'pledge' }>): void {
  doc.font('body').fontSize(BODY)
  const labelH = doc.heightOfString(f.label, { width: LABEL_W - PAD * 2 })
  const h = Math.max(MIN_ROW, labelH + PAD * 2, valueHeight(doc, f) + PAD * 2)
  const y = room(doc, h)
  const x = MARGIN.left
  doc.save().lineWidth(0.8).rect(x, y, WIDTH, h).moveTo(x + LABEL_W, y).lineTo(x + LABEL_W, y + h).stroke().restore()
  doc.font('body').fontSize(BODY).text(f.label, x + PAD, y + (h - labelH) / 2, { width: LABEL_W - PAD * 2 })
  drawValue(doc, f, x + LABEL_W + PAD, y + PAD, VALUE_W - PAD * 2, h - PAD * 2)
  doc.y = y + h
}

/** A repeatable block: its name across the grid, a header per column, empty rows to write in. */
function tableRows(doc: Doc, f: Extract<BlankField, { kind: 'table' }>): void {
  const x = MARGIN.left
  const colW = WIDTH / Math.max(1, f.columns.length)
  doc.font('body').fontSize(SMALL)
  const headH = Math.max(...f.columns.map((c) => doc.heightOfString(c, { width: colW - PAD * 2 })), SMALL) + PAD * 2
  // The block's name, its header and its rows stay together.
  let y = room(doc, MIN_ROW + headH + MIN_ROW * f.rows)
  doc.save().lineWidth(0.8).rect(x, y, WIDTH, MIN_ROW).stroke().restore()
  doc.font('bold').fontSize(BODY).text(f.label, x + PAD, y + (MIN_ROW - BODY) / 2 - 1, { width: WIDTH - PAD * 2, lineBreak: false })
  y += MIN_ROW
  doc.save().lineWidth(0.8).rect(x, y, WIDTH, headH).stroke()
  f.columns.forEach((_, i) => { if (i) doc.moveTo(x + i * colW, y).lineTo(x + i * colW, y + headH) })
  doc.stroke().restore()
  f.columns.forEach((c, i) => doc.font('body').fontSize(SMALL).text(c, x + i * colW + PAD, y + PAD, { width: colW - PAD * 2, align: 'center' }))
  doc.y = y + headH
  for (let r = 0; r < f.rows; r++) {
    const ry = room(doc, MIN_ROW)
    doc.save().lineWidth(0.8).rect(x, ry, WIDTH, MIN_ROW)
    f.columns.forEach((_, i) => { if (i) doc.moveTo(x + i * colW, ry).lineTo(x + i * colW, ry + MIN_ROW) })
    doc.stroke().restore()
    doc.y = ry + MIN_ROW
  }
}

/** A declaration across the grid: □, its name, its text. */
function pledgeRow(doc: Doc, f: Extract<BlankField, { kind: 'pledge' }>): void {
  const x = MARGIN.left
  const textW = WIDTH - PAD * 2 - SQUARE - 6
  const text = `${f.label}：${f.text}`
  doc.font('body').fontSize(BODY)
  const h = Math.max(MIN_ROW, doc.heightOfString(text, { width: textW, lineGap: 4 }) + PAD * 2)
  const y = room(doc, h)
  doc.save().lineWidth(0.8).rect(x, y, WIDTH, h).stroke().restore()
  square(doc, x + PAD, y + PAD + 3)
  doc.font('body').fontSize(BODY).text(text, x + PAD + SQUARE + 6, y + PAD, { width: textW, lineGap: 4 })
  doc.y = y + h
}

export async function renderBlankForm(face: BlankFormFace): Promise<Buffer> {
  const doc = await newDocument(face.title, face.updatedOn, MARGIN)
  doc.font('bold').fontSize(TITLE).text(face.title, MARGIN.left, MARGIN.top, { width: WIDTH, align: 'center', characterSpacing: 1 })
  doc.moveDown(0.3)
  doc.font('body').fontSize(SMALL).fillColor('#333333')
    .text(`事项：${face.itemName}　　实施部门：${face.department}　　事项编码：${face.itemCode}`, { width: WIDTH, align: 'center' })
  doc.fillColor('#000000').moveDown(0.8)

  for (const f of face.fields) {
    if (f.kind === 'table') tableRows(doc, f)
    else if (f.kind === 'pledge') pledgeRow(doc, f)
    else fieldRow(doc, f)
  }

  if (face.commitment.length) {
    doc.y += 14
    for (const p of face.commitment) {
      doc.font('body').fontSize(15)
      const h = doc.heightOfString(p, { width: WIDTH, lineGap: 6, indent: 30 })
      room(doc, Math.min(h, 60))
      doc.text(p, MARGIN.left, doc.y, { width: WIDTH, lineGap: 6, indent: 30, align: 'justify' })
      doc.moveDown(0.3)
    }
  }

  // The signature, at the right, kept together.
  let y = room(doc, 24 + LINE_H * 3) + 24
  doc.font('body').fontSize(BODY)
  const sign = `${face.signer}（签字或盖章）：`
  const date = '日期：　　　　年　　月　　日'
  const signX = MARGIN.left + WIDTH * 0.42
  doc.text(sign, signX, y, { lineBreak: false })
  const lineFrom = signX + doc.widthOfString(sign)
  doc.save().lineWidth(0.8).moveTo(lineFrom, y + BODY + 2).lineTo(MARGIN.left + WIDTH, y + BODY + 2).stroke().restore()
  y += LINE_H * 1.6
  doc.text(date, signX, y, { lineBreak: false })
  doc.y = y + LINE_H * 1.4

  room(doc, SMALL * 4)
  doc.font('bold').fontSize(SMALL).text('填表说明', MARGIN.left, doc.y, { width: WIDTH })
  face.notes.forEach((n, i) => doc.font('body').fontSize(SMALL).text(`${i + 1}．${n}`, MARGIN.left, doc.y + 2, { width: WIDTH, lineGap: 2 }))
  return finish(doc)
}
