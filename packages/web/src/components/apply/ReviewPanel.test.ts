/** 核对申请's 领取方式: the item's own choices (the core's deliveryChoices), 邮寄 shown as coming, never 电子证照 for an item that issues none. */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { deliveryChoices, type Item } from '@tongban/core'
import { idCardItem } from '@tongban/core/testing'
import ReviewPanel from './ReviewPanel.vue'

function panel(item: Item) {
  return mount(ReviewPanel, {
    props: {
      rows: [], situationRows: [], itemName: item.name, departmentName: item.department.name, problem: null, submitting: false, submitLabel: '确认提交',
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
