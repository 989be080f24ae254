import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import {
  ApiError, COMPRESS_TARGET_BYTES, makeProblem, MAX_UPLOAD_BYTES,
  type ApiClient, type FakeCalls, type Licence, type MaterialField, type MaterialValue, type UploadedFile, type UploadProgress, type UploadSource,
} from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import { fakeApi } from '@tongban/app/testing'
import MaterialInput from './MaterialInput.vue'

const field: MaterialField = { type: 'material', name: 'businessLicenceFile', label: '营业执照', required: true, materialId: 'business-licence', accept: ['pdf', 'image'], eLicenceTypes: ['营业执照'] }

const stored = (over: Partial<UploadedFile> = {}): UploadedFile => ({ id: 'f-1', name: '执照.pdf', mime: 'application/pdf', size: 2048, sha256: 'a'.repeat(64), createdAt: '2026-11-23T08:00:00Z', ...over })
const licence = (over: Partial<Licence> = {}): Licence => ({ id: 'lic-1', type: '营业执照', title: '营业执照 · 示例市好味餐饮有限公司', number: '91350100MA2XHW8K1X', holder: '示例市好味餐饮有限公司', holderKind: 'company', holderCreditCode: '91350100MA2XHW8K1X', issuer: '示例市市场监督管理局', issuedOn: '2021-05-20', validUntil: null, ...over })

function setup(api: Partial<Omit<ApiClient, 'call'>> & FakeCalls, opts: { modelValue?: MaterialValue; compressImage?: Platform['compressImage']; field?: MaterialField } = {}) {
  const platform: Platform = {
    transport: { request: () => Promise.reject(new Error('no transport in tests')) },
    api: fakeApi(api),
    storage: memoryStorage(),
    isOnline: () => true,
    now: () => 1_700_000_000_000,
    compressImage: opts.compressImage,
  }
  const w = mount(MaterialInput, {
    props: { field: opts.field ?? field, modelValue: opts.modelValue, itemCode: 'SJ-0001', 'onUpdate:modelValue': (v: MaterialValue | undefined) => w.setProps({ modelValue: v }) },
    global: { provide: { [PLATFORM_KEY as symbol]: platform } },
    attachTo: document.body,
  })
  return w
}

async function choose(w: ReturnType<typeof setup>, file: File, which: 'file' | 'camera' = 'file') {
  const input = w.find(`[data-testid="material-businessLicenceFile-${which}"]`)
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
}

const values = (w: ReturnType<typeof setup>) => (w.emitted('update:modelValue') ?? []).map((e) => e[0])

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('MaterialInput', () => {
  it('offers 拍照 with the rear camera, 选择文件 with the accepted types, and the wallet', () => {
    const w = setup({})
    expect(w.findAll('button').map((b) => b.text())).toEqual(['拍照', '选择文件', '使用电子证照'])
    expect(w.find('[data-testid="material-businessLicenceFile-camera"]').attributes()).toMatchObject({ capture: 'environment', accept: 'image/*' })
    expect(w.find('[data-testid="material-businessLicenceFile-file"]').attributes('accept')).toBe('image/jpeg,image/png,.jpg,.jpeg,.png,application/pdf,.pdf')
    const pdfOnly = setup({}, { field: { ...field, accept: ['pdf'], eLicenceTypes: undefined } })
    expect(pdfOnly.findAll('button').map((b) => b.text())).toEqual(['选择文件'])
  })

  it('shows the upload progress as an accessible progress bar, then the file with its name', async () => {
    let progress!: (p: UploadProgress) => void
    let finish!: (f: UploadedFile) => void
    const uploadFile = vi.fn((_s: UploadSource, o?: { onProgress?: (p: UploadProgress) => void }) => {
      progress = o!.onProgress!
      return new Promise<UploadedFile>((r) => { finish = r })
    })
    const w = setup({ uploadFile })
    await choose(w, new File(['%PDF-1.4'], '执照.pdf', { type: 'application/pdf' }))
    await flushPromises()
    expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ kind: 'blob', name: '执照.pdf' }), expect.objectContaining({ materialId: 'business-licence', itemCode: 'SJ-0001' }))
    progress({ loaded: 42, total: 100 })
    await flushPromises()
    const bar = w.get('[role="progressbar"]')
    expect(bar.attributes()).toMatchObject({ 'aria-valuenow': '42', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-label': '营业执照上传进度' })
    expect(w.text()).toContain('正在上传 42%')
    finish(stored())
    await flushPromises()
    expect(values(w)).toEqual([{ kind: 'upload', fileId: 'f-1', name: '执照.pdf', size: 2048, mime: 'application/pdf' }])
    expect(w.find('.thumb.pdf').exists()).toBe(true)
    expect(w.text()).toContain('执照.pdf')
    expect(w.text()).toContain('2KB · 已上传')
  })

  it('shrinks a photo through the platform before sending it', async () => {
    const small = new Blob(['jpeg'], { type: 'image/jpeg' })
    const compressImage = vi.fn(async (): Promise<UploadSource> => ({ kind: 'blob', blob: small, name: 'IMG_1.jpg' }))
    const uploadFile = vi.fn(async (_s: UploadSource) => stored({ id: 'f-2', name: 'IMG_1.jpg', mime: 'image/jpeg' }))
    const w = setup({ uploadFile }, { compressImage })
    await choose(w, new File([new Uint8Array(3_000_000)], 'IMG_1.HEIC', { type: 'image/heic' }), 'camera')
    await flushPromises()
    expect(compressImage).toHaveBeenCalledWith(expect.objectContaining({ name: 'IMG_1.HEIC' }), { maxBytes: COMPRESS_TARGET_BYTES, maxSide: 2000 })
    expect(uploadFile.mock.calls[0]![0]).toEqual({ kind: 'blob', blob: small, name: 'IMG_1.jpg' })
    expect(w.find('img.thumb').attributes('alt')).toBe('营业执照的预览')
    // Said, not done silently: the original size, and the new name.
    expect(w.find('.shrunk').text()).toBe('已为您缩小照片（原图2.9MB，IMG_1.HEIC 存为 IMG_1.jpg），上传更快，窗口照样看得清')
  })

  it('says what went wrong in the BFF\'s words and 重试 sends the same file again', async () => {
    const uploadFile = vi.fn()
      .mockRejectedValueOnce(new ApiError(makeProblem('NETWORK')))
      .mockResolvedValueOnce(stored())
    const w = setup({ uploadFile })
    await choose(w, new File(['%PDF-1.4'], '执照.pdf', { type: 'application/pdf' }))
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toContain(makeProblem('NETWORK').title)
    await w.findAll('button').find((b) => b.text() === '重试')!.trigger('click')
    await flushPromises()
    expect(uploadFile).toHaveBeenCalledTimes(2)
    expect(uploadFile.mock.calls[1]![0]).toBe(uploadFile.mock.calls[0]![0])
    expect(values(w)).toHaveLength(1)
  })

  it('refuses a name the BFF would refuse before sending anything, saying what is wrong with it', async () => {
    const uploadFile = vi.fn()
    const w = setup({ uploadFile })
    await choose(w, new File(['%PDF-1.4'], '证件／扫描\u200b件.pdf', { type: 'application/pdf' }))
    await flushPromises()
    expect(uploadFile).not.toHaveBeenCalled()
    const alert = w.get('[role="alert"]').text()
    expect(alert).toContain(makeProblem('FILE_NAME_INVALID').title)
    expect(alert).toContain('零宽字符')
    expect(w.findAll('button').some((b) => b.text() === '重试')).toBe(false)
  })

  it('offers no 重试 when the BFF refused the file itself', async () => {
    const uploadFile = vi.fn().mockRejectedValueOnce(new ApiError(makeProblem('FILE_TYPE_MISMATCH')))
    const w = setup({ uploadFile })
    await choose(w, new File(['%PDF-1.4'], '照片.jpg', { type: 'image/jpeg' }))
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toContain('文件内容和文件名后缀对不上')
    // One way to choose again: the pickers, not also a 重新选择 beside them.
    expect(w.findAll('button').map((b) => b.text())).toEqual(['拍照', '选择文件', '使用电子证照'])
  })

  it('says a value restored from the case is a file, not a PDF, and tries its picture', () => {
    const w = setup({}, { modelValue: { kind: 'upload', fileId: 'f-9' } })
    expect(w.find('.attached').text()).not.toContain('PDF')
    expect(w.find('img.thumb').attributes('src')).toBe('/api/uploads/f-9')
  })

  it('names a restored e-licence from the wallet', async () => {
    const w = setup({ 'licences.mine': async () => [licence()] }, { modelValue: { kind: 'eLicence', licenceId: 'lic-1' } })
    await flushPromises()
    expect(w.find('.attached .name').text()).toBe('营业执照 · 示例市好味餐饮有限公司')
  })

  it('refuses a file over 10 MB or of another type on the phone, without sending it', async () => {
    const uploadFile = vi.fn()
    const w = setup({ uploadFile })
    await choose(w, new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], '扫描.pdf', { type: 'application/pdf' }))
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toContain(makeProblem('FILE_TOO_LARGE').title)
    await choose(w, new File(['x'], '说明.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }))
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toContain('只能上传PDF或图片')
    expect(w.findAll('button').map((b) => b.text())).not.toContain('重试')
    expect(uploadFile).not.toHaveBeenCalled()
  })

  it('删除 can be undone for a few seconds; only then is the file deleted on the BFF', async () => {
    vi.useFakeTimers()
    const deleteUpload = vi.fn(async () => {})
    const value = { kind: 'upload', fileId: 'f-9', name: '旧照片.jpg', size: 500_000, mime: 'image/jpeg' } as MaterialValue
    const w = setup({ deleteUpload }, { modelValue: value })
    expect(w.get('img.thumb').attributes('src')).toBe('/api/uploads/f-9')
    await w.get('button[aria-label="删除营业执照：旧照片.jpg"]').trigger('click')
    expect(values(w)).toEqual([undefined])
    await w.findAll('button').find((b) => b.text() === '撤销')!.trigger('click')
    expect(values(w)).toEqual([undefined, value])
    expect(w.text()).toContain('旧照片.jpg')

    await w.get('button[aria-label="删除营业执照：旧照片.jpg"]').trigger('click')
    vi.advanceTimersByTime(3000)
    expect(deleteUpload).not.toHaveBeenCalled()
    vi.advanceTimersByTime(4000)
    expect(deleteUpload).toHaveBeenCalledWith('f-9')
    await w.vm.$nextTick()
    expect(w.text()).not.toContain('撤销')
  })

  it('picks an e-licence of the accepted types from the wallet, with whose it is (for the core’s ownership rule)', async () => {
    const myLicences = vi.fn(async () => [licence(), licence({ id: 'lic-2', type: '居民身份证', title: '居民身份证 · 王芳', holder: '王芳', holderKind: 'person', holderCreditCode: undefined, holderSelf: true })])
    const w = setup({ 'licences.mine': myLicences })
    const open = w.findAll('button').find((b) => b.text() === '使用电子证照')!
    await open.trigger('click')
    await flushPromises()
    expect(open.attributes('aria-expanded')).toBe('true')
    const choices = w.findAll('.licence')
    expect(choices.map((c) => c.find('.name').text())).toEqual(['营业执照 · 示例市好味餐饮有限公司'])
    await choices[0]!.trigger('click')
    expect(values(w)).toEqual([{
      kind: 'eLicence', licenceId: 'lic-1', title: '营业执照 · 示例市好味餐饮有限公司',
      type: '营业执照', holder: '示例市好味餐饮有限公司', holderKind: 'company', holderCreditCode: '91350100MA2XHW8K1X',
    }])
    expect(w.text()).toContain('电子证照，无需上传')
  })

  it('says so when the wallet has none of the accepted types', async () => {
    const w = setup({ 'licences.mine': async () => [licence({ type: '结婚证', title: '结婚证 · 王芳', holder: '王芳', holderKind: 'person', holderCreditCode: undefined, holderSelf: true })] })
    await w.findAll('button').find((b) => b.text() === '使用电子证照')!.trigger('click')
    await flushPromises()
    expect(w.get('.wallet [role="status"]').text()).toBe('您的证照夹里还没有营业执照，请拍照或选择文件上传。')
  })
})
