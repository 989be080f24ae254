import { describe, expect, it } from 'vitest'
import { fileVerdict, fileVerdictText, looksLikePdf, VERIFY_FILE_MESSAGES, verifyFileIssue } from './verify-file'
import { MAX_VERIFY_PDF_BYTES } from './contracts'
import { fileSizeText } from '../file-size'

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))

describe('checking an electronic document (核对电子文书)', () => {
  it('takes a PDF of a sensible size and says in words why not anything else', () => {
    expect(verifyFileIssue({ name: '受理通知书.pdf', type: 'application/pdf', size: 40_000 })).toBeNull()
    // Some phones give a PDF from a chat no type; its name says it.
    expect(verifyFileIssue({ name: '受理通知书.PDF', type: '', size: 40_000 })).toBeNull()
    expect(verifyFileIssue({ name: '照片.jpg', type: 'image/jpeg', size: 40_000 })).toBe(VERIFY_FILE_MESSAGES.notPdf)
    expect(verifyFileIssue({ name: '假的.pdf', type: 'image/png', size: 40_000 })).toBe(VERIFY_FILE_MESSAGES.notPdf)
    expect(verifyFileIssue({ name: '空.pdf', type: 'application/pdf', size: 0 })).toBe(VERIFY_FILE_MESSAGES.empty)
    expect(verifyFileIssue({ name: '大.pdf', type: 'application/pdf', size: MAX_VERIFY_PDF_BYTES + 1 })).toBe(VERIFY_FILE_MESSAGES.tooLarge)
    expect(VERIFY_FILE_MESSAGES.tooLarge).toContain('2MB')
  })

  it('knows a PDF by its first bytes', () => {
    expect(looksLikePdf(bytes('%PDF-1.7\n'))).toBe(true)
    expect(looksLikePdf(bytes('<html>'))).toBe(false)
    expect(looksLikePdf(new Uint8Array())).toBe(false)
  })

  it('calls a file genuine only when it is byte for byte the one issued and still valid', () => {
    expect(fileVerdict({ matches: true, status: 'valid' })).toBe('genuine')
    expect(fileVerdict({ matches: false, status: 'valid' })).toBe('altered')
    expect(fileVerdict({ matches: true, status: 'revoked' })).toBe('revoked')
    expect(fileVerdict(null)).toBe('unknown')
    const doc = { title: '受理通知书', issuer: '示例市民政局' }
    expect(fileVerdictText('genuine', doc)).toEqual({ title: '与原件一致', lead: '这份PDF文件和示例市民政局出具的受理通知书一模一样，没有被改动过。' })
    expect(fileVerdictText('altered', doc).lead).toContain('被改动过，或者不是这份文书。请不要使用，可以向示例市民政局核实。')
    expect(fileVerdictText('unknown', null).lead).toContain('12345')
  })
})

describe('fileSizeText', () => {
  it('says KB below a megabyte (at least 1KB) and MB with one decimal above', () => {
    expect(fileSizeText(0)).toBe('1KB')
    expect(fileSizeText(2048)).toBe('2KB')
    expect(fileSizeText(1024 * 1024 - 1)).toBe('1024KB')
    expect(fileSizeText(2.5 * 1024 * 1024)).toBe('2.5MB')
    expect(fileSizeText(Number.NaN)).toBe('')
  })
})
