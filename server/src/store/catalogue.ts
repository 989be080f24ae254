/** Catalogue rows: departments, halls, items (guide document + summary). */
import { createHash } from 'node:crypto'
import { toSummary, type Department, type Hall, type Item, type ItemSummary } from '@tongban/core'
import type { Db } from './db'

export type NewItem = Omit<Item, 'updatedAt'>

export function etagOf(doc: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(doc)).digest('base64url').slice(0, 27)}"`
}

export interface CatalogueRepo {
  /**
   * `signAlone`: departments whose steps one person may sign (separate_duties false). Written when a
   * department is first stored only: one switched later in the database stays as it was switched.
   */
  upsertDepartments(list: Department[], signAlone?: readonly string[]): Promise<void>
  upsertHalls(list: Hall[]): Promise<void>
  /** Writes items whose content changed; returns how many did. */
  upsertItems(list: NewItem[], now?: Date): Promise<number>
  listSummaries(): Promise<ItemSummary[]>
  getItem(code: string): Promise<{ item: Item; etag: string } | null>
  listHalls(): Promise<Hall[]>
  listDepartments(): Promise<Department[]>
  /** The departments that switched off the separation of 承办、审核、审批 (the rest keep it). */
  departmentsSigningAlone(): Promise<string[]>
  /** Changes whenever any item is added, changed or removed. */
  version(): Promise<string>
}

export function catalogueRepo(db: Db): CatalogueRepo {
  return {
    async upsertDepartments(list, signAlone = []) {
      await db.transaction(async (tx) => {
        for (const d of list) {
          await tx.query(
            'insert into departments (code, name, separate_duties) values ($1, $2, $3) on conflict (code) do update set name = excluded.name',
            [d.code, d.name, !signAlone.includes(d.code)],
          )
        }
      })
    },
    async upsertHalls(list) {
      await db.transaction(async (tx) => {
        for (const h of list) {
          await tx.query('insert into halls (id, level, doc) values ($1, $2, $3) on conflict (id) do update set level = excluded.level, doc = excluded.doc', [h.id, h.level, JSON.stringify(h)])
        }
      })
    },
    async upsertItems(list, now = new Date()) {
      return db.transaction(async (tx) => {
        let changed = 0
        for (const seed of list) {
          // The content hash ignores updatedAt, so an unchanged item keeps its ETag.
          const contentTag = etagOf(seed)
          const rows = await tx.query<{ etag: string }>('select etag from items where code = $1', [seed.code])
          if (rows[0]?.etag === contentTag) continue
          const item: Item = { ...seed, updatedAt: now.toISOString() }
          await tx.query(
            `insert into items (code, department_code, doc, summary, etag, updated_at) values ($1, $2, $3, $4, $5, $6)
             on conflict (code) do update set department_code = excluded.department_code, doc = excluded.doc,
               summary = excluded.summary, etag = excluded.etag, updated_at = excluded.updated_at`,
            [item.code, item.department.code, JSON.stringify(item), JSON.stringify(toSummary(item)), contentTag, now.toISOString()],
          )
          changed++
        }
        return changed
      })
    },
    async listSummaries() {
      return (await db.query<{ summary: ItemSummary }>('select summary from items order by code')).map((r) => r.summary)
    },
    async getItem(code) {
      const rows = await db.query<{ doc: Item; etag: string }>('select doc, etag from items where code = $1', [code])
      return rows[0] ? { item: rows[0].doc, etag: rows[0].etag } : null
    },
    async listHalls() {
      return (await db.query<{ doc: Hall }>('select doc from halls order by id')).map((r) => r.doc)
    },
    async listDepartments() {
      return db.query<Department>('select code, name from departments order by code')
    },
    async departmentsSigningAlone() {
      return (await db.query<{ code: string }>('select code from departments where not separate_duties order by code')).map((r) => r.code)
    },
    async version() {
      const rows = await db.query<{ v: string | null }>(
        `select count(*)::text || '-' || coalesce(max(extract(epoch from updated_at))::text, '0') || '-' || coalesce(md5(string_agg(etag, ',' order by code)), '') as v from items`,
      )
      return rows[0]?.v ?? '0'
    },
  }
}
