/**
 * One material's upload, for both shells' material fields: its phase, the
 * percentage sent, what went wrong (as a Problem), and 重试 with the same
 * file — offered only when the failure was transient (no answer, a
 * timeout, a fault): a file the BFF refused gets the same answer again.
 * Picking, shrinking and showing the file stay in the shells.
 */
import { computed, ref, shallowRef, type ComputedRef, type Ref } from 'vue'
import { isTransient, type Problem, type UploadedFile, type UploadProgress, type UploadSource } from '@tongban/core'
import { toProblem } from '../catalogue/catalogue'

export type UploadPhase = 'idle' | 'preparing' | 'uploading' | 'failed'

export interface MaterialUpload {
  phase: Ref<UploadPhase>
  /** 0–100 while uploading. */
  percent: Ref<number>
  problem: Ref<Problem | null>
  /** The file a failed upload would send again. */
  pending: Ref<UploadSource | null>
  /** 重试 would help: a transient failure, with its file still at hand. */
  retryable: ComputedRef<boolean>
  /** The shell is picking or shrinking the file. */
  prepare(): void
  /** Stops before sending, with the shell's reason (a file too large, a bad name). */
  refuse(problem: Problem): void
  /** Sends `file`; the uploaded file, or null when it failed (then `problem` says why). */
  send(file: UploadSource): Promise<UploadedFile | null>
  retry(): Promise<UploadedFile | null>
  /** Back to nothing chosen. */
  reset(): void
}

export function percentOf(p: UploadProgress): number {
  return p.total > 0 ? Math.min(100, Math.round((p.loaded / p.total) * 100)) : 0
}

export function useMaterialUpload(upload: (file: UploadSource, onProgress: (p: UploadProgress) => void) => Promise<UploadedFile>): MaterialUpload {
  const phase = ref<UploadPhase>('idle')
  const percent = ref(0)
  const problem = ref<Problem | null>(null)
  const pending = shallowRef<UploadSource | null>(null)
  const retryable = computed(() => pending.value !== null && problem.value !== null && isTransient(problem.value))

  function prepare(): void {
    phase.value = 'preparing'
    problem.value = null
  }

  function refuse(p: Problem): void {
    phase.value = 'failed'
    pending.value = null
    problem.value = p
  }

  async function send(file: UploadSource): Promise<UploadedFile | null> {
    pending.value = file
    phase.value = 'uploading'
    percent.value = 0
    problem.value = null
    try {
      const up = await upload(file, (p) => { percent.value = percentOf(p) })
      phase.value = 'idle'
      pending.value = null
      return up
    } catch (e) {
      phase.value = 'failed'
      problem.value = toProblem(e)
      return null
    }
  }

  const retry = (): Promise<UploadedFile | null> => (pending.value ? send(pending.value) : Promise.resolve(null))

  function reset(): void {
    phase.value = 'idle'
    pending.value = null
    problem.value = null
  }

  return { phase, percent, problem, pending, retryable, prepare, refuse, send, retry, reset }
}
