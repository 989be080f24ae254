/**
 * What each notice says, from the case (number, item, applicant), the item
 * (department, promises, kind) and the event that gave rise to it (day,
 * supplement items, refusal reason and basis). Pure: data in, the printed
 * face out. Wording follows the 行政许可法 (Arts. 32, 42, 45) for licences;
 * other items get the same notices without citing it.
 */
import {
  DOCUMENT_TITLES, noticeKindOf, remedyParagraph, statutoryDays,
  type CaseEvent, type FormField, type FormSchema, type FormValues, type Item, type NoticeKind,
} from '@tongban/core'
import { chineseDate, type NoticeFace } from './render'

/** 文号 characters per kind: 〔2026〕受字第12号. */
const NUMBER_WORD: Record<NoticeKind | 'certificate', string> = { acceptance: '受', supplement: '补', refusal: '不受', denial: '不批', certificate: '许' }

export function documentNumber(kind: NoticeKind | 'certificate', year: number, serial: number): string {
  return `〔${year}〕${NUMBER_WORD[kind]}字第${serial}号`
}

/** The events of a kind of notice, with their index in the case's events, oldest first. */
export function noticeEvents(events: readonly CaseEvent[], kind: NoticeKind): { index: number; event: CaseEvent }[] {
  return events.flatMap((event, index) => (noticeKindOf(events, index) === kind ? [{ index, event }] : []))
}

/**
 * The applicant as the notice addresses them: the organisation for a legal
 * person's form (经营者名称), else the person's name from the form, else the
 * account's real name.
 */
export function applicantName(form: FormSchema | null, values: FormValues, accountName: string | null): string {
  const fields: readonly FormField[] = form?.fields ?? []
  const valueOf = (key: 'companyName' | 'name') => {
    const f = fields.find((x) => 'prefill' in x && x.prefill === key)
    const v = f ? values[f.name] : undefined
    return typeof v === 'string' && v.trim() ? v.trim() : null
  }
  return valueOf('companyName') ?? valueOf('name') ?? accountName?.trim() ?? '申请人'
}

/** A supplement item's path (savings, members.0.idNumber) in the form's own words: 家庭成员第1项·身份证号码. */
export function pathLabel(form: FormSchema | null, path: string): string {
  let fields: readonly FormField[] = form?.fields ?? []
  const words: string[] = []
  const parts = path.split('.')
  for (let i = 0; i < parts.length; i++) {
    const f = fields.find((x) => x.name === parts[i])
    if (!f) return words.length ? words.join('·') : path
    if (f.type === 'group') {
      const n = Number(parts[i + 1])
      words.push(Number.isInteger(n) ? `${f.label}第${n + 1}项` : f.label)
      if (Number.isInteger(n)) i++
      fields = f.fields
    } else {
      words.push(f.label)
    }
  }
  return words.join('·') || path
}

/** The organ that hears a reconsideration of a municipal department: the government of its city (or county, district). */
export function reconsiderationBody(department: string): string {
  const m = /^(.+?[市县区])/.exec(department)
  return m ? `${m[1]}人民政府` : '本机关的本级人民政府'
}

export interface NoticeFacts {
  kind: NoticeKind
  number: string
  caseNo: string
  applicant: string
  item: Pick<Item, 'name' | 'kind' | 'department' | 'promisedDays' | 'statutoryDays' | 'consultPhone'>
  form: FormSchema | null
  /** All the case's events, and the index of the one the notice is issued on. */
  events: readonly CaseEvent[]
  eventIndex: number
  /** Department code → name (a denial names each department that said no). */
  departmentName: (code: string) => string
}

/** The day of the (re)submission the decision answers: the last submit or resubmit before the event. */
function appliedOn(events: readonly CaseEvent[], before: number): string {
  for (let i = before - 1; i >= 0; i--) {
    const e = events[i]!
    if (e.type === 'submit' || e.type === 'resubmit') return e.day
  }
  return events[0]?.day ?? ''
}

export function noticeFace(f: NoticeFacts): NoticeFace {
  const event = f.events[f.eventIndex]
  if (!event || noticeKindOf(f.events, f.eventIndex) !== f.kind) throw new Error(`event ${f.eventIndex} does not issue a ${f.kind} notice`)
  const licence = f.item.kind === 'licence'
  const issuer = f.item.department.name
  const applied = f.item.name.endsWith('申请') ? f.item.name : `${f.item.name}申请`
  const opening = `你（单位）于${chineseDate(appliedOn(f.events, f.eventIndex))}提出的${applied}（办件编号：${f.caseNo}）`
  const common = { title: DOCUMENT_TITLES[f.kind], number: f.number, caseNo: f.caseNo, itemName: f.item.name, addressee: f.applicant, issuer, issuedOn: event.day }
  switch (event.type) {
    case 'accept': {
      const law = licence ? '根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，' : ''
      // The law's period for how the case is handled: joint handling by several departments has 45 days (Art. 26).
      const joint = new Set(event.departments).size > 1
      const legal = joint || f.item.statutoryDays ? statutoryDays({ promisedDays: f.item.promisedDays, statutoryDays: f.item.statutoryDays }, joint) : null
      const days = f.item.promisedDays === 0
        ? '本机关将在受理后当场或尽快作出决定。'
        : `本机关将自受理之日起${f.item.promisedDays}个工作日内作出决定${legal ? `（法定期限${legal}个工作日${joint ? '，多个部门联合办理' : ''}）` : ''}。`
      const paused = licence ? '依法需要听证、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在上述期限内。' : ''
      return {
        ...common,
        paragraphs: [
          `${opening}，经审查，申请材料齐全、符合法定形式。${law}决定予以受理。`,
          `${days}${paused}`,
          `办理进度可在“通办”我的办件中查看，也可凭办件编号和申请时所留手机号码后4位在“办件查询”中查询。咨询电话：${f.item.consultPhone}。`,
        ],
        closing: '特此通知。',
      }
    }
    case 'request_supplement': {
      const law = licence ? '根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，' : ''
      return {
        ...common,
        paragraphs: [`${opening}，经审查，申请材料不齐全或者不符合法定形式。${law}现一次性告知需要补正的全部内容（共${event.items.length}项）：`],
        items: event.items.map((i) => `${pathLabel(f.form, i.path)}：${i.reason}`),
        after: [
          '请按上述要求补正后重新提交，可在“通办”我的办件中在线补正，也可到窗口提交。补正期间暂停计时，自收到全部补正材料之日起重新审查。',
          `咨询电话：${f.item.consultPhone}。`,
        ],
        closing: '特此告知。',
      }
    }
    case 'refuse': {
      const reason = event.reason.trim().replace(/[。；;，,]+$/, '')
      const basis = event.basis.trim().replace(/[。；;，,]+$/, '')
      return {
        ...common,
        paragraphs: [
          `${opening}，经审查，${reason}。根据${basis}的规定，决定不予受理。`,
          remedyParagraph(reconsiderationBody(issuer)),
        ],
        closing: '特此决定。',
      }
    }
    case 'decide_branch': {
      // Every department that said no, with its reasons and the law (Art. 38); the item's department issues it.
      const noes = f.events.slice(0, f.eventIndex + 1).flatMap((e) => (e.type === 'decide_branch' && e.outcome === 'denied' ? [e] : []))
      const clean = (s: string | undefined) => (s ?? '').trim().replace(/[。；;，,]+$/, '')
      const joint = new Set(f.events.flatMap((e) => (e.type === 'accept' ? e.departments : []))).size > 1
      return {
        ...common,
        paragraphs: [
          `${opening}，本机关已依法受理。经审查，该申请不符合法定条件，决定不予批准。理由和依据如下：`,
        ],
        items: noes.map((e) => `${joint ? `${f.departmentName(e.department)}：` : ''}${clean(e.opinion)}。依据：${clean(e.basis)}。`),
        after: [
          remedyParagraph(reconsiderationBody(issuer)),
          `咨询电话：${f.item.consultPhone}。`,
        ],
        closing: '特此决定。',
      }
    }
    default:
      throw new Error(`no notice for ${event.type}`)
  }
}
