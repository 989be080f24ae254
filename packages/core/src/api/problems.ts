/**
 * Problem details (RFC 9457): stable codes, each with an HTTP status and a
 * Chinese title fit to show a citizen. Retired codes are never reused.
 * The BFF answers with these; both shells show `title` (or the per-field
 * messages) as they are.
 */

export const PROBLEMS = {
  BAD_REQUEST: { status: 400, title: '请求内容有误，请检查后重试' },
  BAD_URL: { status: 400, title: '网址不正确，请检查后重试' },
  URI_TOO_LONG: { status: 414, title: '网址太长了，请检查后重试' },
  HEADERS_TOO_LARGE: { status: 431, title: '请求信息太多了，请清除浏览器的缓存和Cookie后重试' },
  REQUEST_TIMEOUT: { status: 408, title: '发送超时了，请检查网络后重试' },
  VALIDATION: { status: 400, title: '填写的内容有误，请按提示修改' },
  QUERY_TOO_LONG: { status: 400, title: '搜索内容太长了，请精简到100个字以内' },
  ITEM_NOT_FOUND: { status: 404, title: '没有找到这个事项，请检查事项编码或重新搜索' },
  CONSENT_NOT_FOUND: { status: 404, title: '没有找到这条代办授权申请' },
  CITIZEN_NOT_FOUND: { status: 404, title: '没有找到使用这个手机号的账户' },
  FORM_NOT_FOUND: { status: 404, title: '这个事项暂不支持网上申请，请按办事指南到窗口办理' },
  UNAUTHENTICATED: { status: 401, title: '请先登录' },
  FORBIDDEN: { status: 403, title: '您没有权限进行这项操作' },
  CROSS_SITE_REFUSED: { status: 403, title: '这个请求来自其他网站，为保护您的账户已拒绝。请直接在通办页面里操作' },
  REAL_NAME_REQUIRED: { status: 403, title: '办事前需要先实名，请填写您的姓名和居民身份证号码' },
  ID_NUMBER_TAKEN: { status: 409, title: '这个身份证号码已经绑定了另一个账户' },
  STAFF_LOGIN_FAILED: { status: 401, title: '用户名或密码不正确' },
  STAFF_LOCKED: { status: 423, title: '密码错误次数太多，登录已临时锁定，请15分钟后再试' },
  STAFF_LOGIN_BUSY: { status: 503, title: '登录的人较多，请稍等几秒再试' },
  WECHAT_CODE_INVALID: { status: 400, title: '微信登录已过期，请重新进入小程序再试' },
  WECHAT_BLOCKED: { status: 403, title: '这个微信账号暂时无法登录，请改用手机号登录' },
  WECHAT_UNAVAILABLE: { status: 503, title: '微信服务繁忙，请稍后再试或改用手机号登录' },
  WECHAT_NOT_SIGNED_IN: { status: 409, title: '请在微信小程序里登录后再订阅消息提醒' },
  OTP_WRONG: { status: 400, title: '验证码不正确' },
  OTP_DEAD: { status: 400, title: '验证码已失效，请重新获取' },
  OTP_TOO_FREQUENT: { status: 429, title: '获取验证码太频繁了，请稍后再试' },
  SMS_UNAVAILABLE: { status: 503, title: '短信暂时发不出去，请稍后再试' },
  FILE_TOO_LARGE: { status: 413, title: '文件太大了，单个文件不能超过10MB，请压缩或分页后再传' },
  CASE_FILES_TOO_LARGE: { status: 413, title: '这次申请的材料总共超过40MB了，请压缩后再传' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, title: '只能上传PDF或图片（JPG、PNG）文件' },
  IMAGE_TOO_LARGE: { status: 413, title: '图片像素太大了，请压缩或截图后再传' },
  FILE_NAME_INVALID: { status: 400, title: '文件名不正确，请改名后再传' },
  FILE_EMPTY: { status: 400, title: '文件是空的，请重新选择' },
  FILE_TYPE_MISMATCH: { status: 415, title: '文件内容和文件名后缀对不上，请上传原始文件，不要只改后缀名' },
  FILE_HAS_MARKUP: { status: 415, title: '文件里夹带了网页或脚本代码，不能接收。请上传相机、扫描仪或办公软件直接生成的原始文件' },
  PDF_ACTIVE_CONTENT: { status: 415, title: 'PDF里含有脚本、自动执行的操作或附件，不能接收。请用“打印”→“另存为PDF”重新生成一份后再传' },
  UPLOADS_QUOTA_EXCEEDED: { status: 413, title: '已上传但还没提交的材料太多了，请先删除用不到的文件再传' },
  UPLOAD_IN_USE: { status: 409, title: '这个文件已随申请提交，不能删除' },
  PREVIEW_UNAVAILABLE: { status: 422, title: '这张图片生成不了预览，请点“在新窗口打开”查看原图' },
  UPLOAD_NOT_FOUND: { status: 404, title: '没有找到这个文件，可能已删除，请重新上传' },
  FILE_STORE_UNAVAILABLE: { status: 503, title: '文件暂时存取不了，请稍后再试' },
  LICENCE_NOT_FOUND: { status: 404, title: '没有找到这张电子证照，请重新选择' },
  DRAFT_TOO_LARGE: { status: 413, title: '草稿内容太多了，无法保存到云端（本机仍已保存）' },
  CASE_NOT_FOUND: { status: 404, title: '没有找到这个办件，请检查办件编号' },
  FORM_OUTDATED: { status: 409, title: '申请表已更新，请核对新增或变化的内容后再提交' },
  CONSENT_REQUIRED: { status: 400, title: '请阅读并同意个人信息使用说明后再提交' },
  DELIVERY_NOT_OFFERED: { status: 422, title: '这个事项不提供您选择的领取方式，请重新选择' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: '这次提交与之前的提交内容不一致，请刷新后重新提交' },
  IDEMPOTENCY_KEY_MISSING: { status: 400, title: '提交缺少编号，请刷新后重试' },
  SUBMIT_IN_PROGRESS: { status: 409, title: '正在提交，请稍候' },
  QUERY_NOT_FOUND: { status: 404, title: '没有找到这个办件，请核对办件编号和手机号后4位' },
  QUERY_LOCKED: { status: 429, title: '这个办件编号查询失败次数太多，请1小时后再试；申请人也可以登录后在“我的办件”中查看' },
  CASE_CHANGED: { status: 409, title: '这个办件刚被其他人处理过，请刷新后再确认一次' },
  ILLEGAL_TRANSITION: { status: 409, title: '办件当前的状态不能进行这项操作' },
  HANDLED_EXTERNALLY: { status: 409, title: '这一步由部门审批系统办理，请在审批系统中操作' },
  WEBHOOK_UNSIGNED: { status: 401, title: '回调缺少签名' },
  WEBHOOK_FORGED: { status: 401, title: '回调签名不正确' },
  WEBHOOK_STALE: { status: 401, title: '回调已过期，请重新发送' },
  WEBHOOK_NOT_ENABLED: { status: 404, title: '未启用外部审批系统' },
  DOWNLOAD_FORGED: { status: 403, title: '下载链接不正确' },
  DOWNLOAD_EXPIRED: { status: 403, title: '下载链接已过期，请重新获取办件' },
  NOT_FOUND: { status: 404, title: '您要找的页面或数据不存在' },
  METHOD_NOT_ALLOWED: { status: 405, title: '不支持这种操作' },
  PAYLOAD_TOO_LARGE: { status: 413, title: '提交的内容太大了' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: '提交的内容格式不正确' },
  RATE_LIMITED: { status: 429, title: '操作太频繁了，请稍等一会儿再试' },
  INTERNAL: { status: 500, title: '系统暂时出了点问题，请稍后再试' },
  UNAVAILABLE: { status: 503, title: '服务正在维护，请稍后再试' },
  /** Client-side only: the request never reached the BFF. */
  NETWORK: { status: 0, title: '网络连接失败，请检查网络后重试' },
  NOTICE_NOT_FOUND: { status: 404, title: '这个办件还没有这份通知书' },
  DOCUMENT_NOT_FOUND: { status: 404, title: '无法核验：没有找到这份文书，请核对二维码或向出具机关咨询' },
  VERIFY_FILE_NOT_PDF: { status: 415, title: '这个文件的内容不是PDF，请选择您收到的电子文书原件' },
  BLANK_FORM_NOT_FOUND: { status: 404, title: '这份材料没有可下载的空白表格，请按办事指南准备或到窗口领取' },
  NOT_ACCEPTABLE: { status: 406, title: '这个地址只提供实时更新（text/event-stream），请用支持它的方式打开' },
  HALL_NOT_FOUND: { status: 404, title: '没有找到这个服务大厅，请重新扫描大厅里的二维码' },
  QUEUE_CLOSED: { status: 409, title: '现在不在取号时间，请在办公时间内取号' },
  TICKET_HELD: { status: 409, title: '您在这项业务已经取了号，请等候叫号，不用重复取号' },
  TICKET_NOT_FOUND: { status: 404, title: '没有找到这张号，可能已过期，请重新取号' },
  NOT_YOUR_TICKET: { status: 403, title: '这张号不是用这台手机或这个账户取的，不能操作' },
  TICKET_STATE: { status: 409, title: '这张号当前的状态不能进行这项操作，请刷新后再试' },
  WINDOW_NOT_FOUND: { status: 404, title: '这个大厅没有这个窗口，请重新选择您的窗口' },
  NOBODY_WAITING: { status: 409, title: '现在没有人在等候本窗口的业务' },
  LIVE_STREAMS_TOO_MANY: { status: 429, title: '打开的页面太多了，实时更新暂时停用，页面仍会定时刷新' },
  APPOINTMENT_NOT_FOUND: { status: 404, title: '没有找到这个预约，请刷新后再试' },
  APPOINTMENT_FULL: { status: 409, title: '这个时段已经约满了，请选择其他时段' },
  APPOINTMENT_HELD: { status: 409, title: '您这一天已经预约了这项业务，不用重复预约；要换时段请先取消原来的预约' },
  APPOINTMENT_STATE: { status: 409, title: '这个预约当前的状态不能进行这项操作，请刷新后再试' },
  CHECK_IN_TOO_EARLY: { status: 409, title: '还没到签到时间，预约时段开始前15分钟起可以签到' },
  CHECK_IN_TOO_LATE: { status: 409, title: '签到时间已过，这个预约已失效，请直接取号排队' },
} as const

export type ProblemCode = keyof typeof PROBLEMS

export interface FieldIssue {
  /** Dotted path of the field, e.g. "page" or "applicant.idNumber". */
  path: string
  code: string
  message: string
}

export interface Problem {
  type: string
  title: string
  status: number
  code: ProblemCode
  detail?: string
  instance?: string
  errors?: FieldIssue[]
  /** Extension member: why the case machine refused an event (its RefusalReason, e.g. `supplement_notice_late`). */
  reason?: string
  /** Extension member: seconds to wait before trying again (a 429's Retry-After, for a countdown). */
  retryAfter?: number
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

export function problemType(code: ProblemCode): string {
  return `urn:tongban:problem:${code.toLowerCase().replace(/_/g, '-')}`
}

export function makeProblem(code: ProblemCode, extra: Partial<Omit<Problem, 'code' | 'type'>> = {}): Problem {
  const p = PROBLEMS[code]
  return { type: problemType(code), title: p.title, status: p.status, code, ...extra }
}

export function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && typeof (x as Problem).title === 'string'
    && typeof (x as Problem).status === 'number' && typeof (x as Problem).code === 'string'
}

/** The error every client call throws: carries the problem to show. */
export class ApiError extends Error {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.title)
    this.name = 'ApiError'
    this.problem = problem
  }
  get isNetwork(): boolean {
    return this.problem.code === 'NETWORK'
  }
}

/** What a refusal to wait is about, said before its wait: 操作太频繁了，请42秒后再试. */
const WAITS: Partial<Record<ProblemCode, string>> = {
  RATE_LIMITED: '操作太频繁了',
  OTP_TOO_FREQUENT: '获取验证码太频繁了',
}

/**
 * The words to show for a problem: its title, or — where the BFF said how long
 * to wait (a 429's detail, 请42秒后再试) — what it is about and that wait, in
 * place of the title's "请稍后再试".
 */
export function problemText(p: Pick<Problem, 'code' | 'title' | 'detail'>): string {
  const about = WAITS[p.code]
  return about && p.detail && /^请.+后再试$/.test(p.detail) ? `${about}，${p.detail}` : p.title
}
