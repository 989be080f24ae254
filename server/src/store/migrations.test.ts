/** Migrations that change existing rows, each run over rows as the release before it left them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config'
import { CASE_BACKFILLS } from '../cases/responsibility'
import { openDb, type Db } from './db'
import { migrate } from './migrations'

describe('data migrations', () => {
  let db: Db
  beforeAll(async () => {
    db = await openDb({ ...loadConfig({}), databaseUrl: undefined, dataDir: 'memory://', pgliteSnapshot: undefined })
    await migrate(db, CASE_BACKFILLS)
  })
  afterAll(() => db.close())

  /** Runs one migration again over rows written as before it. */
  async function rerun(id: string): Promise<void> {
    await db.query('delete from schema_migrations where id = $1', [id])
    expect(await migrate(db, CASE_BACKFILLS)).toEqual([id])
  }

  it('029: the demo wallet’s 户口簿 becomes the catalogue’s 居民户口簿', async () => {
    const [account] = await db.query<{ id: string }>(`insert into accounts (phone) values ('13900000029') returning id`)
    const insert = (title: string) => db.query(
      `insert into licences (account_id, type, title, number_masked, holder, issuer, issued_on) values ($1, '户口簿', $2, '3501******53', '李桂兰', '示例市公安局', '2008-06-18')`,
      [account!.id, title])
    await insert('户口簿 · 李桂兰')
    await rerun('029_hukou_book_type')
    const rows = await db.query<{ type: string; title: string }>('select type, title from licences where account_id = $1', [account!.id])
    expect(rows).toEqual([{ type: '居民户口簿', title: '居民户口簿 · 李桂兰' }])
  })
})
