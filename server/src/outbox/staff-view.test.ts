/**
 * Staff see every kind of outbox job that has not gone through, in words,
 * and may send a stopped one again — not only approval handovers (here a
 * notice whose case is gone, with the built-in backend).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApprovalHandover } from '@tongban/core'
import { startTestServer, type TestServer } from '../testing'
import { DEMO_STAFF_PASSWORD } from '../../seed/staff'
import { ISSUE_NOTICE } from '../notices/jobs'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => server?.close())

describe('the workbench list of what has not gone through', () => {
  it('shows a stopped notice job as 出具通知书 and sends it again on request', async () => {
    const clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
    const as = { authorization: `Bearer ${clerk}` }
    const payload = { caseNo: 'XX-0000-20261207-0001', eventIndex: 1, notice: 'acceptance', at: new Date(server.app.now()).toISOString() }
    const id = await server.app.db.transaction((tx) => server.app.outbox.enqueue(tx, ISSUE_NOTICE, { payload }))
    expect(await server.app.outbox.dispatch()).toMatchObject({ dead: 1 })
    const list = async () => (await server.app.inject({ url: '/api/staff/outbox', headers: as })).json<ApprovalHandover[]>()
    expect((await list()).find((h) => h.id === id)).toMatchObject({ kind: 'notice.issue', what: '出具通知书', state: 'dead', attempts: 1, lastError: expect.stringContaining('gone') })
    const again = await server.app.inject({ method: 'POST', url: `/api/staff/outbox/${id}/resend`, headers: as })
    expect(again.statusCode).toBe(202)
    expect((await list()).find((h) => h.id === id)).toMatchObject({ state: 'retrying' })
    expect(await server.app.outbox.dispatch()).toMatchObject({ dead: 1 })
    expect((await list()).find((h) => h.id === id)).toMatchObject({ state: 'dead', attempts: 2 })
  })
})
