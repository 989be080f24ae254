/**
 * One material field: a photo (camera or album, compressed towards
 * COMPRESS_TARGET_BYTES, and saying so when it was) or a PDF from a WeChat
 * chat, uploaded with progress; a failed upload can be retried with the
 * same file; or an e-licence the citizen already holds, when the field
 * accepts one.
 */
import { computed, reactive, ref } from 'vue'
import Taro from '@tarojs/taro'
import {
  API, checkFileName, COMPRESS_TARGET_BYTES, MAX_UPLOAD_BYTES, shrunkPhotoText, wasShrunk, type Licence, type MaterialField, type ShrunkPhoto, type UploadedFile,
} from '@tongban/core'
import { licenceValue, toProblem, useMaterialUpload, usePlatform } from '@tongban/app'
import { useApplyForm } from './formContext'
import { rememberPreview } from './previews'
import { isPermissionDenied, offerSettings, permissionDeniedText } from '../../../platform/permissions'
import { PRIVACY_REFUSED, requirePrivacy } from '../../../platform/privacy'
import { wxCall } from '../../../platform/wx-call'

interface Source {
  path: string
  name: string
}

/** Lower qualities tried in turn until the photo is small enough. */
const QUALITIES = [80, 60, 40, 20]

export function useMaterialInput(field: MaterialField, path: string) {
  const platform = usePlatform()
  const { form, itemCode } = useApplyForm()
  const sending = useMaterialUpload((file, onProgress) => platform.api.uploadFile(file, { materialId: field.materialId, itemCode, onProgress }))
  /** What stopped a file before it was sent (its name, its size) or the wallet from opening; an upload's own failure is `sending.problem`. */
  const note = ref('')
  const state = reactive({
    busy: computed(() => (sending.phase.value === 'preparing' ? 'compressing' : sending.phase.value === 'uploading' ? 'uploading' : '')),
    progress: sending.percent,
    problem: computed(() => note.value || (sending.problem.value?.title ?? '')),
  })
  /** The photo as picked, when the one sent is smaller or renamed: said under the attached file, in the PWA's words. */
  const shrunk = ref<ShrunkPhoto | null>(null)
  const shrunkText = computed(() => {
    const v = form.get(path) as { kind?: string; name?: string } | undefined
    return shrunk.value && v?.kind === 'upload' ? shrunkPhotoText(shrunk.value, v.name) : ''
  })
  const licences = ref<Licence[] | null>(null)
  const licencesOpen = ref(false)

  const acceptsImage = !field.accept || field.accept.includes('image')
  const acceptsPdf = !field.accept || field.accept.includes('pdf')
  const acceptsLicence = (field.eLicenceTypes?.length ?? 0) > 0

  function fileSize(filePath: string): Promise<number | null> {
    return new Promise((resolve) => {
      try {
        Taro.getFileSystemManager().getFileInfo({
          filePath,
          success: (res) => resolve(res.size),
          fail: () => resolve(null),
        })
      } catch {
        resolve(null)
      }
    })
  }

  async function compress(src: string, size: number): Promise<string> {
    if (size <= COMPRESS_TARGET_BYTES) return src
    sending.prepare()
    let best = src
    for (const quality of QUALITIES) {
      try {
        best = (await wxCall<Taro.compressImage.SuccessCallbackResult>((cb) => Taro.compressImage({ src, quality, ...cb }))).tempFilePath
      } catch {
        return best
      }
      const now = await fileSize(best)
      if (now !== null && now <= COMPRESS_TARGET_BYTES) return best
    }
    return best
  }

  async function upload(source: Source): Promise<void> {
    // The BFF's own rule for names (a PDF forwarded in a chat keeps whatever its sender called it), said before sending.
    const named = checkFileName(source.name)
    if (!named.ok) {
      note.value = named.message
      sending.reset()
      form.touch(path)
      return
    }
    note.value = ''
    attach(await sending.send({ kind: 'path', path: source.path, name: source.name }), source.path)
  }

  /** The uploaded file into the form, with its name, size and type for the review (a photo's thumbnail from the phone's own copy). */
  function attach(file: UploadedFile | null, localPath?: string): void {
    if (file) {
      if (localPath && file.mime.startsWith('image/')) rememberPreview(file.id, localPath)
      form.set(path, { kind: 'upload', fileId: file.id, name: file.name, size: file.size, mime: file.mime } as never)
    }
    form.touch(path)
  }

  /** 拍照 or 从相册选择. Cancelling the picker changes nothing. */
  /**
   * Before a picker: the privacy agreement (WeChat asks through our popup); false, with the reason shown, when the
   * citizen said no.
   */
  async function privacyAgreed(purpose: string): Promise<boolean> {
    if (await requirePrivacy(purpose)) return true
    note.value = PRIVACY_REFUSED
    form.touch(path)
    return false
  }

  /** A picker failed: a refused permission is said, with WeChat's settings offered; a cancel changes nothing. */
  function pickerFailed(error: unknown, what: '相机' | '相册'): void {
    if (!isPermissionDenied(error)) return
    note.value = permissionDeniedText(what)
    form.touch(path)
    void offerSettings(what)
  }

  async function choosePhoto(from: 'camera' | 'album'): Promise<void> {
    if (!(await privacyAgreed(from === 'camera' ? '拍照' : '从相册选择照片'))) return
    let res: Taro.chooseMedia.SuccessCallbackResult
    try {
      res = await wxCall((cb) => Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: [from], sizeType: ['compressed'], ...cb }))
    } catch (e) {
      pickerFailed(e, from === 'camera' ? '相机' : '相册')
      return
    }
    note.value = ''
    shrunk.value = null
    const file = res.tempFiles[0]
    if (!file) return
    const filePath = await compress(file.tempFilePath, file.size)
    // A photo has only a temporary path for a name: it goes up named after its material, with the extension it has now.
    const named = (p: string) => `${field.label}.${/\.png$/i.test(p) ? 'png' : 'jpg'}`
    const name = named(filePath)
    if (filePath !== file.tempFilePath) {
      const from = { fromName: named(file.tempFilePath), fromSize: file.size }
      if (wasShrunk(from, { name, size: (await fileSize(filePath)) ?? file.size })) shrunk.value = from
    }
    await upload({ path: filePath, name })
  }

  /** A PDF sent to the citizen in a WeChat chat. */
  async function choosePdf(): Promise<void> {
    if (!(await privacyAgreed('从微信聊天中选择文件'))) return
    let res: Taro.chooseMessageFile.SuccessCallbackResult
    try {
      res = await wxCall((cb) => Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'], ...cb }))
    } catch {
      return
    }
    shrunk.value = null
    const file = res.tempFiles[0]
    if (!file) return
    if (file.size > MAX_UPLOAD_BYTES) {
      sending.reset()
      note.value = `文件不能超过${MAX_UPLOAD_BYTES / 1024 / 1024}MB，请换一份`
      form.touch(path)
      return
    }
    await upload({ path: file.path, name: file.name })
  }

  /** 重试 with the same file, offered after a transient failure only (useMaterialUpload.retryable). */
  async function retry(): Promise<void> {
    const source = sending.pending.value
    attach(await sending.retry(), source?.kind === 'path' ? source.path : undefined)
  }

  /** 删除: the field is empty again; an uploaded file is deleted at the BFF too (best effort). */
  function remove(): void {
    const v = form.get(path) as { kind?: string; fileId?: string } | undefined
    form.set(path, undefined)
    form.touch(path)
    shrunk.value = null
    if (v?.kind === 'upload' && v.fileId) void platform.api.deleteUpload(v.fileId).catch(() => undefined)
  }

  async function openLicences(): Promise<void> {
    licencesOpen.value = true
    note.value = ''
    try {
      const all = await platform.api.call(API.licences.mine)
      licences.value = all.filter((l) => field.eLicenceTypes?.includes(l.type))
    } catch (e) {
      licences.value = null
      note.value = toProblem(e).title
    }
  }

  function chooseLicence(l: Licence): void {
    // With whose it is, so the core's rule says at once when it is not the applicant's (licences/owner.ts).
    form.set(path, licenceValue(l) as never)
    form.touch(path)
    licencesOpen.value = false
  }

  return {
    state, shrunkText, licences, licencesOpen, acceptsImage, acceptsPdf, acceptsLicence,
    choosePhoto, choosePdf, retry, remove, openLicences, chooseLicence, canRetry: () => sending.retryable.value,
  }
}
