/** 核对申请's 领取方式: the item's own choices (the core's deliveryChoices), 邮寄 shown as coming, never 电子证照 for an item that issues none. */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { deliveryChoices, type Item, type ReviewRow } from '@tongban/core'
import { idCardItem } from '@tongban/core/testing'
import ReviewPanel from './ReviewPanel.vue'

function panel(item: Item, rows: ReviewRow[] = [], extra: Record<string, unknown> = {}) {
  return mount(ReviewPanel, {
    props: {
      ...extra,
      rows, situationRows: [], itemName: item.name, departmentName: item.department.name, problem: null, submitting: false, submitLabel: '确认提交',
      choices: deliveryChoices(item), delivery: 'pickup', personalData: false,
    },
  })
}

const labels = (w: ReturnType<typeof panel>) => w.find('fieldset.delivery').findAll('label').map((l) => [l.text(), (l.find('input').element as HTMLInputElement).disabled])

describe('ReviewPanel delivery', () => {
  it('offers 低保 (no licence, one visit) only 到窗口领取', () => {
    const dibao = { ...idCardItem(), visits: 1, deliveryOptions: ['self'], result: { name: '最低生活保障审核确认决定' } } as Item
    expect(labels(panel(dibao))).toEqual([['到窗口领取', false]])
  })

  it('offers a 零跑动 licence 电子证照 and 邮寄 (coming), never the window', () => {
    const food = { ...idCardItem(), visits: 0, deliveryOptions: ['self', 'deliver_result'], result: { name: '食品经营许可证', eLicence: true } } as Item
    expect(labels(panel(food))).toEqual([['电子证照（发到“我的证照”）', false], ['邮寄到家（EMS）（即将开通）', true]])
  })
})

describe('ReviewPanel materials', () => {
  const rows: ReviewRow[] = [
    { path: 'kitchenFlowFile', label: '设备布局和工艺流程图', text: 'kitchen.png · 2KB', depth: 0, attached: { kind: 'upload', fileId: '0b5e1b9c-1c1a-4a8e-9d7e-1b2c3d4e5f60', name: 'kitchen.png', size: 2048, mime: 'image/png' } },
    { path: 'layoutFile', label: '经营布局', text: 'layout.pdf · 1.2MB', depth: 0, attached: { kind: 'upload', fileId: '1b5e1b9c-1c1a-4a8e-9d7e-1b2c3d4e5f61', name: 'layout.pdf', size: 1_258_291, mime: 'application/pdf' } },
    { path: 'businessLicenceFile', label: '营业执照', text: '', depth: 0, attached: { kind: 'eLicence', licenceId: 'l-1', title: '营业执照', holder: '示例市好味餐饮有限公司' } },
    { path: 'operatorName', label: '经营者名称', text: '示例市好味餐饮有限公司', depth: 0 },
  ]
  const food = { ...idCardItem(), visits: 0, deliveryOptions: ['self'], result: { name: '食品经营许可证', eLicence: true } } as Item

  it('shows each upload by name and size, a picture as its thumbnail, a licence by title and holder', () => {
    const w = panel(food, rows)
    const attached = w.findAll('[data-testid="attached"]')
    expect(attached.map((a) => a.text())).toEqual(['kitchen.png2KB', 'PDFlayout.pdf1.2MB', '证营业执照电子证照 · 持证者：示例市好味餐饮有限公司'])
    expect(attached[0]!.find('img').attributes('src')).toBe('/api/uploads/0b5e1b9c-1c1a-4a8e-9d7e-1b2c3d4e5f60')
    expect(attached[1]!.find('img').exists()).toBe(false)
    expect(w.text()).not.toContain('已上传')
    expect(w.text()).toContain('示例市好味餐饮有限公司')
  })

  it('shows no thumbnail where the page may not load the files (an agent applying), and a badge on a picture that fails', async () => {
    const agent = panel(food, rows, { thumbnails: false })
    expect(agent.findAll('img')).toHaveLength(0)
    expect(agent.findAll('[data-testid="attached"]')[0]!.text()).toBe('图片kitchen.png2KB')
    const own = panel(food, rows)
    await own.find('img').trigger('error')
    expect(own.findAll('img')).toHaveLength(0)
    expect(own.findAll('[data-testid="attached"]')[0]!.text()).toContain('图片')
  })
})
