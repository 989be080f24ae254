/**
 * 办件办理 for a department: the step's opinion (承办意见, 审核意见, 审批意见)
 * is asked for, marked internal, and required before the step is sent; the
 * 告知申请人 text beside it is marked public and optional. The timeline shows
 * each opinion as internal, and each closed step's deadline on its own line,
 * saying whose it was; the header says the status's time apart from the
 * submission; a success reads in green, not the warning's amber.
 */
// @vitest-environment-options { "settings": { "disableIframePageLoading": true, "disableJavaScriptFileLoading": true } }
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError, makeProblem, type StaffCaseDetail, type StaffCaseEventBody } from '@tongban/core'
import { testPlatform } from '@tongban/app/testing'
import { PLATFORM_KEY } from '@tongban/app'
import StaffCasePage from './StaffCasePage.vue'

const CASE_NO = 'MZ-0001-20261124-0001'
const INTERNAL = '材料齐全，经营场所符合要求，拟同意。'

function detail(over: Partial<StaffCaseDetail> = {}): StaffCaseDetail {
  return {
    caseNo: CASE_NO, itemCode: 'MZ-0001', itemName: '最低生活保障申请', status: 'in_progress', statusLabel: '部门办理中',
    submittedAt: '2026-11-24T02:00:00.000Z', statusAt: '2026-11-26T06:30:00.000Z',
    deadline: '2026-12-22', light: 'green', daysLeft: 15, clockStop: null,
    formVersion: 1, form: { id: 'f', version: 1, fields: [{ type: 'text', name: 'applicantName', label: '申请人姓名', required: true }] },
    values: { applicantName: '王芳' }, answers: {}, materials: [], delivery: 'pickup', deliveryLabel: '到窗口领取', agent: null, nextSteps: [],
    timeline: [
      { at: '2026-11-24T02:00:00.000Z', day: '2026-11-24', text: '提交了申请', by: '申请人' },
      { at: '2026-11-25T02:00:00.000Z', day: '2026-11-25', text: '请补正材料（一次性告知）', by: '窗口', detail: '请补充银行流水', due: { day: '2026-11-26', met: true, step: 'pre_review' } },
      { at: '2026-11-26T06:30:00.000Z', day: '2026-11-26', text: '开始审核', by: '示例市民政局', detail: '您的材料已审查完毕', internal: [{ label: '承办意见', text: INTERNAL }] },
    ],
    branches: [{ department: '示例市民政局', statusLabel: '审核中', deadline: '2026-12-22', light: 'green', daysLeft: 15 }],
    version: 7, phones: null, actions: ['advance_branch', 'pause_branch'], myDepartment: 'mzj', myStep: 'reviewing',
    leadDepartment: 'mzj', legalDeadline: null, supplementScope: null,
    ...over,
  }
}

async function setup(d: StaffCaseDetail, event: (body: StaffCaseEventBody) => Promise<StaffCaseDetail>) {
  const { platform, pinia } = testPlatform({
    'workbench.case': async () => d,
    'workbench.event': async ({ body }) => event(body as StaffCaseEventBody),
    'notices.staffList': async () => [],
  })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/staff/cases/:caseNo', component: StaffCasePage }] })
  await router.push(`/staff/cases/${CASE_NO}`)
  await router.isReady()
  const w = mount(StaffCasePage, { attachTo: document.body, global: { plugins: [router, pinia], provide: { [PLATFORM_KEY as symbol]: platform }, stubs: { RouterLink: RouterLinkStub } } })
  await flushPromises()
  return w
}

afterEach(() => { document.body.innerHTML = '' })

describe('StaffCasePage: the application as submitted', () => {
  it('shows each material by name and size, a licence by title and holder, and 查看 opens it in the viewer', async () => {
    const fileId = '0b5e1b9c-1c1a-4a8e-9d7e-1b2c3d4e5f60'
    const w = await setup(detail({
      form: { id: 'f', version: 1, fields: [
        { type: 'text', name: 'applicantName', label: '申请人姓名', required: true },
        { type: 'material', name: 'photo', label: '家庭照片' },
        { type: 'material', name: 'hukou', label: '户口簿', eLicenceTypes: ['居民户口簿'] },
      ] },
      values: { applicantName: '王芳', photo: { kind: 'upload', fileId }, hukou: { kind: 'eLicence', licenceId: 'l-1' } },
      materials: [
        { field: 'photo', label: '家庭照片', kind: 'upload', title: 'family.jpg', size: 1_572_864, mime: 'image/jpeg' },
        { field: 'hukou', label: '户口簿', kind: 'eLicence', title: '居民户口簿', holder: '王芳' },
      ],
    }), async () => detail())
    const form = w.find('section[aria-labelledby="h-form"]')
    expect(form.findAll('[data-testid="attached"]').map((a) => a.text())).toEqual(['图片family.jpg1.5MB', '证居民户口簿电子证照 · 持证者：王芳'])
    expect(form.text()).not.toContain('已上传')
    // No picture is fetched here (each look is logged for the citizen): 查看 opens the viewer's preview.
    expect(form.find('img').exists()).toBe(false)
    await form.findAll('button').find((b) => b.text() === '查看')!.trigger('click')
    await flushPromises()
    expect(w.find('.viewer img').attributes('src')).toBe(`/api/staff/cases/${CASE_NO}/files/${fileId}?preview=1`)
  })
})

describe('StaffCasePage: staff write for two audiences', () => {
  it('asks for the 审核意见 as internal and the 告知申请人 as public, and sends no step without the opinion', async () => {
    const sent: StaffCaseEventBody[] = []
    const w = await setup(detail(), async (body) => { sent.push(body); return detail({ version: 8, myStep: 'approving', actions: ['pause_branch'] }) })
    expect(w.find('label[for="opinion"]').text()).toBe('审核意见')
    expect(w.find('#opinion-hint').text()).toContain('不告知申请人')
    expect(w.find('label[for="to-applicant"]').text()).toBe('告知申请人（选填）')
    expect(w.find('#to-applicant-hint').text()).toContain('显示在申请人的办理进度里')

    await w.findAll('button').find((b) => b.text() === '提交下一环节')!.trigger('click')
    await flushPromises()
    expect(sent).toEqual([])
    expect(w.find('#opinion-error').text()).toBe('请填写审核意见')
    expect(w.find('#opinion').attributes('aria-invalid')).toBe('true')
    expect(document.activeElement?.id).toBe('opinion')

    await w.find('#opinion').setValue('  同意承办意见 ')
    await w.find('#to-applicant').setValue('已进入审批')
    await w.findAll('button').find((b) => b.text() === '提交下一环节')!.trigger('click')
    await flushPromises()
    expect(sent).toEqual([{ type: 'advance_branch', department: 'mzj', opinion: '同意承办意见', toApplicant: '已进入审批', version: 7 }])
    // Done: in green (notice-ok), not the amber of a warning (notice).
    const done = w.find('[role="status"]')
    expect(done.text()).toBe('已转入下一环节。')
    expect(done.classes()).toEqual(['notice-ok'])
    expect(w.find('#opinion-error').exists()).toBe(false)
  })

  it('takes the case (开始承办) with no opinion asked, and shows the BFF\'s refusal at the opinion field', async () => {
    const sent: StaffCaseEventBody[] = []
    const w = await setup(detail({ myStep: 'pending' }), async (body) => { sent.push(body); return detail({ myStep: 'undertaking' }) })
    expect(w.find('#opinion').exists()).toBe(false)
    await w.findAll('button').find((b) => b.text() === '开始承办')!.trigger('click')
    await flushPromises()
    expect(sent.map((b) => [b.type, 'opinion' in b])).toEqual([['advance_branch', false]])
    expect(w.find('[role="status"]').text()).toBe('已开始承办。')
    // The next step, sent without its 承办意见: the last success no longer shows beside the refusal.
    await w.findAll('button').find((b) => b.text() === '提交下一环节')!.trigger('click')
    await flushPromises()
    expect(w.find('#opinion-error').text()).toBe('请填写承办意见')
    expect(w.find('[role="status"]').exists()).toBe(false)
    expect(sent).toHaveLength(1)

    const refused = await setup(detail({ myStep: 'undertaking' }), async () => {
      throw new ApiError(makeProblem('VALIDATION', { errors: [{ path: 'opinion', code: 'invalid_event', message: '请填写承办意见' }] }))
    })
    await refused.find('#opinion').setValue('拟同意')
    await refused.findAll('button').find((b) => b.text() === '提交下一环节')!.trigger('click')
    await flushPromises()
    expect(refused.find('#opinion-error').text()).toBe('请填写承办意见')
    expect(refused.find('[role="alert"]').exists()).toBe(false)
  })

  it('shows each opinion as internal under its step, and a closed step\'s deadline on its own line, saying whose', async () => {
    const w = await setup(detail(), async () => detail())
    const steps = w.findAll('section[aria-labelledby="h-timeline"] li')
    const asked = steps[1]!
    expect(asked.find('.what').text()).toBe('窗口请补正材料（一次性告知）：请补充银行流水')
    expect(asked.find('.due').text()).toBe('窗口受理审查期限11月26日，按期')
    const reviewed = steps[2]!
    expect(reviewed.find('.what').text()).toBe('示例市民政局开始审核：您的材料已审查完毕')
    expect(reviewed.find('.internal').text()).toBe(`承办意见（内部）${INTERNAL}`)
  })

  it('says the status\'s time in the header, and the submission apart', async () => {
    const w = await setup(detail(), async () => detail())
    const header = w.find('header.card')
    expect(header.find('.status').text()).toBe('部门办理中 · 2026-11-26 14:30')
    expect(header.find('.submitted').text()).toBe('提交于 2026-11-24 10:00')
  })
})
