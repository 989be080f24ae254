import { describe, expect, it } from 'vitest'
import { attachedBadge, attachedLines, attachedOf, attachedText, isImageAttachment } from './attachments'

describe('an attached material, as the pages show it', () => {
  it('says what a file is, by its type or else its name', () => {
    expect(attachedBadge({ kind: 'upload', fileId: 'f', mime: 'image/png', name: 'x.pdf' })).toBe('图片')
    expect(attachedBadge({ kind: 'upload', fileId: 'f', name: 'scan.PDF' })).toBe('PDF')
    expect(attachedBadge({ kind: 'upload', fileId: 'f' })).toBe('文件')
    expect(attachedBadge({ kind: 'eLicence', licenceId: 'l' })).toBe('证')
    expect(isImageAttachment({ kind: 'upload', fileId: 'f', name: 'IMG_1.JPG' })).toBe(true)
  })

  it('names a file with its size and a licence with its holder, and never says a bare 已上传', () => {
    expect(attachedLines({ kind: 'upload', fileId: 'f', name: 'a.png', size: 3 * 1024 * 1024 })).toEqual({ name: 'a.png', detail: '3.0MB' })
    expect(attachedLines({ kind: 'eLicence', licenceId: 'l', title: '营业执照', holder: '示例市好味餐饮有限公司' })).toEqual({ name: '营业执照', detail: '电子证照 · 持证者：示例市好味餐饮有限公司' })
    expect(attachedText({ kind: 'upload', fileId: 'f' })).toBe('已上传的文件')
  })

  it('keeps only what it knows of a value, of the right types', () => {
    expect(attachedOf({ kind: 'upload', fileId: 'f' }, { name: 'a.jpg', size: '12', mime: 7, extra: 1 })).toEqual({ kind: 'upload', fileId: 'f', name: 'a.jpg' })
    expect(attachedOf({ kind: 'eLicence', licenceId: 'l' }, { title: '结婚证', holder: '' })).toEqual({ kind: 'eLicence', licenceId: 'l', title: '结婚证' })
  })
})
