import { describe, expect, it, vi } from 'vitest'
import { ApiError, makeProblem, type UploadedFile, type UploadProgress, type UploadSource } from '@tongban/core'
import { useMaterialUpload } from './material-upload'

const photo: UploadSource = { kind: 'path', path: 'wxfile://tmp/1.jpg', name: '营业执照.jpg' }
const uploaded = { id: 'f1', name: '营业执照.jpg', size: 1000, mime: 'image/jpeg' } as UploadedFile

describe('useMaterialUpload', () => {
  it('reports progress in whole percent and ends idle with the uploaded file', async () => {
    const seen: number[] = []
    const m = useMaterialUpload(async (_f, onProgress: (p: UploadProgress) => void) => {
      onProgress({ loaded: 1, total: 3 }); seen.push(m.percent.value)
      onProgress({ loaded: 3, total: 3 }); seen.push(m.percent.value)
      return uploaded
    })
    expect(await m.send(photo)).toBe(uploaded)
    expect(seen).toEqual([33, 100])
    expect(m.phase.value).toBe('idle')
    expect(m.pending.value).toBeNull()
  })

  it.each(['NETWORK', 'REQUEST_TIMEOUT', 'RATE_LIMITED', 'FILE_STORE_UNAVAILABLE'] as const)('offers 重试 with the same file after %s', async (code) => {
    const upload = vi.fn().mockRejectedValueOnce(new ApiError(makeProblem(code))).mockResolvedValueOnce(uploaded)
    const m = useMaterialUpload(upload)
    expect(await m.send(photo)).toBeNull()
    expect(m.phase.value).toBe('failed')
    expect(m.problem.value?.code).toBe(code)
    expect(m.retryable.value).toBe(true)
    expect(await m.retry()).toBe(uploaded)
    expect(upload.mock.calls.map((c) => c[0])).toEqual([photo, photo])
  })

  it('offers no 重试 when the BFF refused the file itself, nor after the shell refused it', async () => {
    const m = useMaterialUpload(async () => { throw new ApiError(makeProblem('FILE_HAS_MARKUP')) })
    await m.send(photo)
    expect(m.retryable.value).toBe(false)
    m.refuse(makeProblem('FILE_TOO_LARGE'))
    expect(m.phase.value).toBe('failed')
    expect(m.retryable.value).toBe(false)
    m.reset()
    expect([m.phase.value, m.problem.value]).toEqual(['idle', null])
  })
})
