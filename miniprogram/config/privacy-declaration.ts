/**
 * 《小程序用户隐私保护指引》 as it must be filled in on the WeChat admin console (设置 → 服务内容声明 → 用户隐私保护指引):
 * each privacy interface the mini-program calls, the information WeChat names for it, and our purpose in the words
 * of the PWA's 《隐私政策》 (packages/core/src/legal/agreements.ts). WeChat refuses a privacy interface not declared
 * there; test/miniprogram/privacy-declaration.test.ts holds this list to the calls in the source and to the README.
 */
export interface PrivacyDeclaration {
  /** The wx API (or the button open-type) WeChat guards. */
  api: string
  /** 收集的信息, as the console's list names it. */
  info: string
  /** 用途, finishing the console's sentence 开发者将在获取你的明示同意后，收集你的…，用于…. */
  purpose: string
}

export const PRIVACY_DECLARATION: PrivacyDeclaration[] = [
  { api: 'getPhoneNumber', info: '手机号', purpose: '登录和识别您的账户，并在办件有进展时联系您' },
  { api: 'chooseMedia', info: '选中的照片或视频信息', purpose: '上传您选择拍摄或从相册选择的申请材料' },
  { api: 'chooseMessageFile', info: '选中的文件', purpose: '上传您从聊天记录中选择的申请材料' },
  { api: 'setClipboardData', info: '剪切板', purpose: '在您点击“复制”时复制办件编号' },
]
