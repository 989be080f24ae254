/**
 * A first start of the built mini-program with no signal and nothing on the
 * phone yet, against the local fake BFF (the catalogue is all it needs).
 * The app loads once per process (Taro's runtime is a singleton), so each
 * test file using this is one such start.
 */
import { afterAll, beforeAll } from 'vitest'
import { DIST, ensureMiniprogramBuilt } from './ensure-built'
import { startFakeBff } from './fake-bff'
import { startMiniProgram, type MiniProgram } from './mini-runtime'

/** The app, once beforeAll has run: started with a signal, which the test then takes away. */
export function useFirstStart(): { readonly mp: MiniProgram } {
  let bff: { url: string; close(): Promise<void> } | undefined
  const started: { mp?: MiniProgram } = {}
  beforeAll(async () => {
    ensureMiniprogramBuilt()
    bff = await startFakeBff()
    started.mp = startMiniProgram(DIST, { bffUrl: bff.url })
  })
  afterAll(async () => {
    await bff?.close()
  })
  return {
    get mp() {
      if (!started.mp) throw new Error('the mini-program starts in beforeAll')
      return started.mp
    },
  }
}
