/**
 * 办件详情: one case read back from the BFF — its number (copied with one
 * tap, to read out to a clerk), status, next steps, delivery, agent,
 * materials, and the application exactly as submitted, in the words of the
 * form it was submitted on (the case carries that form), with region names
 * from the subpackage's region list.
 */
import { computed, ref } from 'vue'
import Taro from '@tarojs/taro'
import { ApiError, DELIVERY_LABELS, materialRefs, reviewRows, shanghaiDateTime, type CaseDetail, type Problem } from '@tongban/core'
import { usePlatform } from '@tongban/app'
import { regionTree } from '../region/areas'

export type CasePageState = 'loading' | 'ready' | 'error' | 'signedOut'

export function useCasePage(caseNo: string) {
  const platform = usePlatform()
  const state = ref<CasePageState>('loading')
  const detail = ref<CaseDetail | null>(null)
  const problem = ref<Problem | null>(null)
  const copied = ref(false)

  async function load(): Promise<void> {
    state.value = 'loading'
    problem.value = null
    try {
      detail.value = await platform.api.getCase(caseNo)
      state.value = 'ready'
    } catch (e) {
      problem.value = e instanceof ApiError ? e.problem : null
      state.value = problem.value?.status === 401 ? 'signedOut' : 'error'
    }
  }

  const rows = computed(() => {
    const c = detail.value
    if (!c) return []
    // The stored values name a material by id only: its title comes with the case.
    const refs = materialRefs(c.form, c.values)
    const tree = regionTree()
    return reviewRows(c.form, c.values, {
      region: (code) => tree.names.get(code),
      material: (m) => {
        const path = refs.find((r) => r.value === m)?.path
        const attached = c.materials.find((x) => x.field === path)
        const kind = m.kind === 'eLicence' ? '电子证照' : '已上传'
        return attached ? `${kind}：${attached.title}` : kind
      },
    })
  })

  const submittedAt = computed(() => (detail.value ? shanghaiDateTime(detail.value.submittedAt) : ''))
  const deliveryLabel = computed(() => (detail.value ? DELIVERY_LABELS[detail.value.delivery] : ''))

  async function copyCaseNo(): Promise<void> {
    // WeChat shows its own "内容已复制" toast.
    const ok = await Taro.setClipboardData({ data: caseNo }).then(() => true, () => false)
    copied.value = ok
    if (!ok) void Taro.showToast({ title: '复制失败，请记下办件编号', icon: 'none' }).catch(() => undefined)
  }

  return { state, detail, problem, rows, submittedAt, deliveryLabel, copied, load, copyCaseNo }
}
