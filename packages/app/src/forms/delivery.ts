/**
 * 领取方式 on the review step of both shells: the item's own choices (the
 * core's deliveryChoices) and the one picked, starting at the item's
 * default and moved to it again when the item (re)loads without the
 * picked one among its open choices.
 */
import { computed, ref, watch, type Ref } from 'vue'
import { deliveryChoices, type DeliveryMethod, type Item } from '@tongban/core'

export function useDeliveryChoice(item: Ref<Pick<Item, 'visits' | 'deliveryOptions' | 'result'> | null | undefined>) {
  const choices = computed(() => (item.value ? deliveryChoices(item.value) : []))
  const delivery = ref<DeliveryMethod>('pickup')
  watch(choices, (now) => {
    const open = now.filter((c) => !c.soon)
    if (open.length && !open.some((c) => c.method === delivery.value)) delivery.value = open[0]!.method
  }, { immediate: true })
  return { choices, delivery }
}
