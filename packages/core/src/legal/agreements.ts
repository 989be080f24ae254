/**
 * 《用户服务协议》 and 《隐私政策》: one text, shown by the PWA's and the
 * mini-program's agreement pages and agreed to on both login pages. What
 * the privacy policy says it collects, keeps and shows is what the product
 * does (agreements.test.ts holds it to the numbers it quotes); change the
 * text here and bump `version` when the product changes what it does.
 */
import { DEFAULT_UPLOAD_RETENTION_DAYS } from '../api/uploads/limits'
import { OTP_TTL_SECONDS } from '../api/identity/labels'

export const AGREEMENT_IDS = ['terms', 'privacy'] as const
export type AgreementId = (typeof AGREEMENT_IDS)[number]

export interface AgreementSection {
  heading: string
  paragraphs: readonly string[]
}

export interface Agreement {
  id: AgreementId
  /** Without 《》: `agreementTitle` adds them where the text quotes it. */
  title: string
  /** YYYY-MM-DD; a new version is a new date. */
  version: string
  /** One sentence saying what the document is for, before the sections. */
  summary: string
  sections: readonly AgreementSection[]
}

/** Where a citizen asks about their data or the service (the national 政务服务便民热线). */
export const CONTACT_HOTLINE = '12345'

/** The wording of the access log's place in 我的, the same in both shells. */
export const ACCESS_LOG_TITLE = '谁查看了我的信息'

const TERMS: Agreement = {
  id: 'terms',
  title: '用户服务协议',
  version: '2026-12-07',
  summary: '通办是政务服务的网上办事入口。您登录和使用通办（网页版和微信小程序），即表示同意本协议。',
  sections: [
    {
      heading: '一、服务内容',
      paragraphs: [
        '通办提供办事指南查询、在线申请、办件进度查询、补正材料、电子证照查看等政务服务。事项由办事指南上写明的受理部门依法办理，通办只负责把您的申请送到该部门并把办理结果告诉您。',
        '查看办事指南和用办件编号查询进度不需要登录；在线申请、查看我的办件和我的证照需要用手机号登录。',
      ],
    },
    {
      heading: '二、账户',
      paragraphs: [
        '您用手机号和短信验证码登录，首次登录自动注册。在网页和微信小程序里用同一个手机号登录，是同一个账户。',
        '在线申请前需要实名（填写与身份证一致的姓名和身份证号码）。请只用您本人的手机号和身份信息；代他人办理，请由其本人授权代办。',
        '请妥善保管您的手机和验证码，不要告诉他人。发现账户异常，可以在“我的”里退出其他设备，并拨打' + CONTACT_HOTLINE + '反映。',
      ],
    },
    {
      heading: '三、您的承诺',
      paragraphs: [
        '您填写的信息和上传的材料应当真实、完整、有效。提供虚假材料的，受理部门可以依法不予受理或撤销办理结果，并依法追究责任。',
        '请不要利用通办从事违法活动，不要上传与办事无关的内容，不要干扰通办的正常运行。',
      ],
    },
    {
      heading: '四、办理结果',
      paragraphs: [
        '办理期限、收费和办理结果以受理部门依法作出的决定为准。办事指南写明的期限按工作日计算，需要补正材料时从补正材料送达之日起重新计算。',
        '对办理结果有异议的，可以依法申请行政复议或者提起行政诉讼，办事指南上写明了受理部门和咨询电话。',
      ],
    },
    {
      heading: '五、个人信息',
      paragraphs: [
        '我们如何收集、使用、保存您的个人信息，见《隐私政策》。',
      ],
    },
    {
      heading: '六、协议的变更',
      paragraphs: [
        '本协议变更时会更新上方的版本日期；每次登录都需要您阅读并同意当时的版本。您不同意的，可以停止使用通办，已提交的办件仍由受理部门依法办理。',
        '对本协议有疑问，请拨打' + CONTACT_HOTLINE + '政务服务便民热线。',
      ],
    },
  ],
}

const PRIVACY: Agreement = {
  id: 'privacy',
  title: '隐私政策',
  version: '2026-12-07',
  summary: '本政策说明通办收集您的哪些个人信息、为什么收集、交给哪个部门、保存多久，以及您怎样查看谁用过您的信息。',
  sections: [
    {
      heading: '一、我们收集的信息和用途',
      paragraphs: [
        '手机号码：用于登录和识别您的账户，以及向您发送登录验证码（验证码' + Math.round(OTP_TTL_SECONDS / 60) + '分钟内有效）。用微信登录时，还会保存微信给本小程序的用户标识，并在您同意后读取微信绑定的手机号。',
        '姓名和身份证号码（实名信息）：在线申请前核实申请人是您本人，并填入申请表的申请人栏。以单位名义办事时，还会保存单位名称和统一社会信用代码。',
        '申请表内容和上传的材料（照片、PDF 文件、您选用的电子证照）：只用于办理您申请的那个事项。',
        '办件记录（提交时间、办理进度、补正和办理结果）：用于向您和工作人员显示办理进度，以及出具回执、通知书和证照。',
        '我们不收集您的位置、通讯录，也不用您的信息做广告或画像。',
      ],
    },
    {
      heading: '二、手机上的权限',
      paragraphs: [
        '相机和相册：只在您上传材料时（由您选择拍照或从相册选择），以及您扫描文书上的二维码核验真伪时使用。',
        '聊天文件：只在您选择从微信聊天中上传 PDF 文件时使用。',
        '剪贴板：只在您点“复制”办件编号时写入，我们不读取您的剪贴板。',
        '您可以随时在微信的“设置”里关闭这些权限，关闭后不影响查看办事指南和办件进度。',
      ],
    },
    {
      heading: '三、信息交给谁',
      paragraphs: [
        '您的申请信息和材料只提供给办事指南上写明的受理部门，以及依法参与该事项审批的部门和窗口工作人员；他们只能为办理您的办件、核对您的身份或依法监督查看。',
        '短信由短信服务商代为发送，它只得到您的手机号和验证码。除法律法规规定的情形外，我们不会把您的个人信息提供给其他单位或个人。',
      ],
    },
    {
      heading: '四、保存期限',
      paragraphs: [
        '上传后没有用于任何已提交办件的材料，在上传' + DEFAULT_UPLOAD_RETENTION_DAYS + '天后删除。',
        '已提交办件的申请表、材料和办理记录，作为政务服务档案，按照国家档案管理的规定期限保存，期满后依法销毁。',
        '草稿和等待提交的申请保存在您的手机上和您的账户里，办件提交后或您删除草稿后即删除。',
      ],
    },
    {
      heading: '五、谁查看了我的信息',
      paragraphs: [
        '工作人员为窗口核验身份、帮办代办或电子监察抽查查看您的信息时，会记录查看人、身份、时间、用途和看了哪些信息。您可以在“我的—' + ACCESS_LOG_TITLE + '”中查看这些记录。',
        '受理部门办理您的办件的每一步（受理、审核、批准、补正），都记在该办件的办理进度里。',
      ],
    },
    {
      heading: '六、您的权利',
      paragraphs: [
        '您可以在“我的”里查看您的实名信息、办件和证照，退出登录或退出其他设备。',
        '实名信息有误或需要更换手机号，请带身份证到服务大厅办理；需要注销账户，请拨打' + CONTACT_HOTLINE + '提出。已提交的办件按档案规定保存，注销账户不影响其办理。',
      ],
    },
    {
      heading: '七、联系我们',
      paragraphs: [
        '对个人信息保护有疑问、意见或投诉，请拨打' + CONTACT_HOTLINE + '政务服务便民热线；对具体办件的问题，请拨打办事指南上受理部门的咨询电话。',
      ],
    },
  ],
}

export const AGREEMENTS: Readonly<Record<AgreementId, Agreement>> = { terms: TERMS, privacy: PRIVACY }

export function agreementTitle(id: AgreementId): string {
  return `《${AGREEMENTS[id].title}》`
}

/** The login pages' checkbox; each 《…》 in it opens its agreement. */
export const AGREEMENT_CONSENT = {
  lead: '我已阅读并同意',
  label: `我已阅读并同意${agreementTitle('terms')}${agreementTitle('privacy')}`,
  /** Said when the citizen asks for a code, signs in or uses WeChat without ticking it. */
  required: `请先阅读并勾选同意${agreementTitle('terms')}和${agreementTitle('privacy')}`,
} as const

/** The whole text as plain lines (for a search index, a copy, a test). */
export function agreementText(id: AgreementId): string {
  const a = AGREEMENTS[id]
  return [agreementTitle(id), a.summary, ...a.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n')
}
