import { describe, expect, it } from 'vitest'
import { checkFileName, FILE_NAME_MESSAGES, type FileNameIssue } from './file-name'

describe('checkFileName (the one rule for a material file’s name)', () => {
  it.each([
    ['营业执照扫描件.pdf', 'pdf'],
    ['《租赁合同》（第1页）.JPG', 'jpg'],
    ['身份证　正面.png', 'png'],
    ['IMG_0001', null],
    ['a.b.c.jpeg', 'jpeg'],
  ])('keeps %s', (name, extension) => {
    expect(checkFileName(name)).toEqual({ ok: true, name, extension })
  })

  it('keeps the name in NFC, trimmed', () => {
    expect(checkFileName('  Cafe\u0301.png ')).toEqual({ ok: true, name: 'Café.png', extension: 'png' })
  })

  it.each<[string, string, FileNameIssue]>([
    ['empty', '  ', 'empty'],
    ['121 characters', `${'名'.repeat(117)}.png`, 'too_long'],
    ['a path', '../../etc/passwd.png', 'slash'],
    ['a Windows path', 'C:\\Users\\a\\photo.png', 'slash'],
    ['a full-width slash (U+FF0F)', '证件／照片.png', 'slash'],
    ['a division slash (U+2215)', 'a∕b.png', 'slash'],
    ['a fraction slash (U+2044)', 'a⁄b.png', 'slash'],
    ['a full-width backslash (U+FF3C)', 'a＼b.png', 'slash'],
    ['a set minus (U+2216)', 'a∖b.png', 'slash'],
    ['..', 'a..png', 'dot_dot'],
    ['a bell', 'photo\u0007.png', 'control'],
    ['a DEL', 'photo\u007f.png', 'control'],
    ['a C1 control', 'photo\u009b.png', 'control'],
    ['a newline', 'a\nb.png', 'line_break'],
    ['a line separator (U+2028)', 'a\u2028b.png', 'line_break'],
    ['a paragraph separator (U+2029)', 'a\u2029b.png', 'line_break'],
    ['a right-to-left override (U+202E)', 'photo\u202egnp.exe', 'bidi'],
    ['an Arabic letter mark (U+061C)', 'photo\u061c.png', 'bidi'],
    ['a right-to-left mark (U+200F)', 'photo\u200f.png', 'bidi'],
    ['a first-strong isolate (U+2068)', 'photo\u2068.png', 'bidi'],
    ['a zero-width space (U+200B)', '身份\u200b证.png', 'invisible'],
    ['a zero-width joiner (U+200D)', '身份\u200d证.png', 'invisible'],
    ['a word joiner (U+2060)', '身份\u2060证.png', 'invisible'],
    ['a byte order mark (U+FEFF)', '身份\ufeff证.png', 'invisible'],
    ['a soft hyphen (U+00AD)', '身份\u00ad证.png', 'invisible'],
    ['a Hangul filler (U+3164)', '身份\u3164证.png', 'invisible'],
    ['a tag character (U+E0041)', '身份\u{e0041}证.png', 'invisible'],
    ['a script tag', '<script>alert(1).png', 'markup'],
    ['an img tag', 'x<img src=x onerror=alert(1)>.jpg', 'markup'],
  ])('refuses %s, saying what is wrong', (_label, name, issue) => {
    expect(checkFileName(name)).toEqual({ ok: false, issue, message: FILE_NAME_MESSAGES[issue] })
  })

  it('says every problem in Chinese', () => {
    for (const m of Object.values(FILE_NAME_MESSAGES)) expect(m).toMatch(/[\u4e00-\u9fff]/)
  })
})
