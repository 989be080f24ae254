/**
 * A hall's 扫码取号 poster (issue 19): one A4 page for the wall, in large type
 * for people of 70 — the hall's name, 扫码取号, a QR code a phone reads from
 * two metres, three steps, the categories with their letters, the hours, and
 * what to do without a smartphone. The same renderer as the notices: a pure
 * function of its input.
 */
import { hoursText, type HallQueueConfig } from '@tongban/core'
import { A4, drawQr, finish, newDocument } from './render'

const MM = 72 / 25.4
const SIDE = 18 * MM

export interface PosterFace {
  hallName: string
  /** What the QR code opens: `<PUBLIC_ORIGIN>/h/<hallId>` (and, mapped in WeChat's console, the mini-program). */
  url: string
  config: Pick<HallQueueConfig, 'categories' | 'hours'>
  /** The day it was printed (YYYY-MM-DD). */
  printedOn: string
}

export async function renderHallPoster(face: PosterFace): Promise<Buffer> {
  const doc = await newDocument(`${face.hallName} 扫码取号`, face.printedOn, { top: SIDE, bottom: SIDE, left: SIDE, right: SIDE })
  const width = A4.width - SIDE * 2
  const centred = { width, align: 'center' as const }
  doc.font('bold').fontSize(24).fillColor('#0b66c3').text(face.hallName, SIDE, SIDE, centred)
  doc.moveDown(0.3)
  doc.font('bold').fontSize(54).fillColor('#000000').text('扫码取号', centred)
  const qrSize = 250
  const qrTop = doc.y + 12
  drawQr(doc, { url: face.url }, (A4.width - qrSize) / 2, qrTop, qrSize)
  doc.y = qrTop + qrSize + 14
  doc.font('body').fontSize(11).fillColor('#333333').text(face.url, SIDE, doc.y, centred)
  doc.moveDown(0.8)
  const steps = ['用微信“扫一扫”或手机相机扫描上面的二维码', '选择您要办理的业务，点“取号”', '留意手机上的排队进度，叫到号时请到对应窗口']
  doc.fillColor('#000000')
  for (const [i, step] of steps.entries()) doc.font('bold').fontSize(20).text(`${i + 1}. ${step}`, SIDE + 12, doc.y, { width: width - 24, lineGap: 4 })
  doc.moveDown(0.6)
  doc.font('bold').fontSize(18).text('可办理的业务', SIDE + 12, doc.y)
  doc.font('body').fontSize(18).text(face.config.categories.map((c) => `${c.code} ${c.name}`).join('    '), SIDE + 12, doc.y, { width: width - 24, lineGap: 4 })
  doc.moveDown(0.6)
  doc.font('body').fontSize(14).fillColor('#333333').text(`取号时间：${hoursText(face.config.hours)}`, SIDE + 12, doc.y, { width: width - 24, lineGap: 3 })
  doc.moveDown(0.4)
  doc.font('bold').fontSize(16).fillColor('#000000').text('没有智能手机？请到自助取号机或咨询台取号，工作人员会帮您。', SIDE + 12, doc.y, { width: width - 24, lineGap: 3 })
  return finish(doc)
}
