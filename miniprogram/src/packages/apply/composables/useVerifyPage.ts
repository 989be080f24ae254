/**
 * 文书核验 in the mini-program: a notice's or certificate's 核验码, typed
 * or scanned from its QR code (Taro.scanCode — the camera, so WeChat's
 * privacy agreement first, and a refused camera said with 去设置), asked of
 * the BFF as the PWA's /verify/:id does. Not found is a verdict (无法核验);
 * a network or server failure is not, and is tried again when the signal
 * returns.
 */
import { ref } from 'vue'
import Taro from '@tarojs/taro'
import { API, VERIFY_TEXT, verifyCodeOf, type Problem, type VerifyView } from '@tongban/core'
import { toProblem, useFileCheck, usePlatform } from '@tongban/app'
import { isPermissionDenied, offerSettings, permissionDeniedText, type PermissionUse } from '../../../platform/permissions'
import { PRIVACY_REFUSED, requirePrivacy } from '../../../platform/privacy'
import { useReconnect } from '../../../composables/useReconnect'
import { wxCall } from '../../../platform/wx-call'

export type VerifyState = 'idle' | 'checking' | 'found' | 'notFound' | 'failed'

const SCANNING: PermissionUse = { doing: '扫码', otherwise: '也可以输入文书二维码下方的核验码' }

export function useVerifyPage(initial?: string) {
  const platform = usePlatform()
  const code = ref('')
  /** Why the code typed or scanned is none (said at the field). */
  const codeError = ref('')
  /** A refused camera, said on the page as well as in the dialog. */
  const scanNote = ref('')
  const state = ref<VerifyState>('idle')
  const doc = ref<VerifyView | null>(null)
  const problem = ref<Problem | null>(null)
  const scanning = ref(false)
  let asked = ''

  async function verify(id: string): Promise<void> {
    asked = id
    state.value = 'checking'
    doc.value = null
    problem.value = null
    try {
      doc.value = await platform.api.call(API.notices.verify, { params: { id } })
      state.value = 'found'
    } catch (e) {
      problem.value = toProblem(e)
      // No such document (or an id the BFF calls malformed) is an answer; anything else is not.
      state.value = problem.value.status === 404 || problem.value.status === 400 ? 'notFound' : 'failed'
    }
  }

  function check(): void {
    const id = verifyCodeOf(code.value)
    if (!id) {
      codeError.value = VERIFY_TEXT.codeInvalid
      return
    }
    codeError.value = ''
    void verify(id)
  }

  async function scan(): Promise<void> {
    if (scanning.value) return
    scanNote.value = ''
    if (!(await requirePrivacy('扫描文书上的二维码'))) {
      void Taro.showToast({ title: PRIVACY_REFUSED, icon: 'none', duration: 3000 }).catch(() => undefined)
      return
    }
    scanning.value = true
    try {
      const res = await Taro.scanCode({ scanType: ['qrCode'] })
      const id = verifyCodeOf(res.result ?? '')
      if (!id) {
        codeError.value = VERIFY_TEXT.scannedOther
        return
      }
      code.value = id
      codeError.value = ''
      await verify(id)
    } catch (e) {
      // A cancelled scan says nothing; a refused camera says so and offers WeChat's settings.
      if (isPermissionDenied(e)) {
        scanNote.value = permissionDeniedText('相机', SCANNING)
        void offerSettings('相机', SCANNING)
      }
    } finally {
      scanning.value = false
    }
  }

  function retry(): void {
    if (asked) void verify(asked)
  }
  useReconnect(() => state.value === 'failed', retry)

  // Opened with a code (a link, or WeChat's 扫普通链接二维码打开小程序 handing over the QR code's address as `q`).
  const given = initial ? verifyCodeOf(initial) : null
  if (given) {
    code.value = given
    void verify(given)
  }

  // ---- 核对电子文书: a PDF sent to the citizen in a WeChat chat, compared with the one issued (nothing is kept) ----
  const fileCheck = useFileCheck(() => asked, () => doc.value)
  /** Why no file was picked (the privacy agreement refused), said in the file card. */
  const fileNote = ref('')

  async function chooseFile(): Promise<void> {
    if (fileCheck.checking.value) return
    fileNote.value = ''
    if (!(await requirePrivacy('从微信聊天中选择文件'))) {
      fileNote.value = PRIVACY_REFUSED
      return
    }
    let picked: Taro.chooseMessageFile.ChooseFile | undefined
    try {
      picked = (await wxCall<Taro.chooseMessageFile.SuccessCallbackResult>((cb) => Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'], ...cb }))).tempFiles[0]
    } catch {
      return // cancelled: nothing changes
    }
    if (!picked) return
    const path = picked.path
    let bytes: ArrayBuffer | null = null
    const read = async (): Promise<ArrayBuffer> => {
      const got = bytes ?? (await wxCall<{ data: string | ArrayBuffer }>((cb) => Taro.getFileSystemManager().readFile({ filePath: path, ...cb }))).data as ArrayBuffer
      bytes = got
      return got
    }
    await fileCheck.check({
      // WeChat names a chat's file as it was sent; its type is only ever 'file'.
      name: picked.name, type: '', size: picked.size,
      head: async () => new Uint8Array((await read()).slice(0, 8)),
      body: () => bytes,
    })
  }

  return {
    code, codeError, scanNote, state, doc, problem, scanning, check, scan, retry,
    fileChecking: fileCheck.checking, fileIssue: fileCheck.issue, fileOutcome: fileCheck.outcome, fileNote, chooseFile,
  }
}
