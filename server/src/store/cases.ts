/**
 * Cases (办件) as submitted: the form, its values, the situation answers and
 * the materials are kept exactly as they were sent, with the form schema of
 * that moment, so a later change to the item never alters a submitted case.
 * Every write appends to case_events; the status is a projection of them.
 * Case numbers come from one counter row per item and day.
 */
import { CLOSED_STATUSES, type Answers, type CaseMaterial, type CaseStatus, type DeliveryMethod, type FormSchema, type FormValues } from '@tongban/core'
import type { Queryable } from './db'

export interface CaseRow {
  id: string
  case_no: string
  item_code: string
  item_name: string
  account_id: string
  agent_id: string | null
  agent_name: string | null
  consent_id: string | null
  form_version: number
  form: FormSchema
  form_values: FormValues
  answers: Answers
  materials: CaseMaterial[]
  delivery: DeliveryMethod
  status: CaseStatus
  submitted_at: Date
}

const SELECT = `select c.id, c.case_no, c.item_code, i.doc->>'name' as item_name, c.account_id, c.agent_id, s.display_name as agent_name,
  c.consent_id, c.form_version, c.form, c.form_values, c.answers, c.materials, c.delivery, c.status, c.submitted_at
  from cases c join items i on i.code = c.item_code left join staff s on s.id = c.agent_id`

/** The closed statuses as an SQL list (constants from the core, not user input); the partial index cases_open_due names the same three. */
const CLOSED = `(${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`

export interface NewCase {
  caseNo: string
  itemCode: string
  accountId: string
  agentId: string | null
  consentId: string | null
  form: FormSchema
  values: FormValues
  answers: Answers
  materials: CaseMaterial[]
  delivery: DeliveryMethod
  at: Date
}

export type KeyClaim =
  | { claimed: true }
  | { claimed: false; requestHash: string; caseId: string | null }

export function caseRepo(db: Queryable) {
  return {
    /**
     * Claims an idempotency key for this account. Inside a transaction on
     * PostgreSQL, a concurrent claim of the same key waits here until the
     * first one commits (then sees its case) or rolls back (then claims it).
     */
    async claimKey(accountId: string, key: string, requestHash: string): Promise<KeyClaim> {
      const inserted = await db.query(
        'insert into idempotency_keys (account_id, key, request_hash) values ($1, $2, $3) on conflict do nothing returning key',
        [accountId, key, requestHash],
      )
      if (inserted.length) return { claimed: true }
      const row = (await db.query<{ request_hash: string; case_id: string | null }>(
        'select request_hash, case_id from idempotency_keys where account_id = $1 and key = $2', [accountId, key],
      ))[0]
      // The row was there a moment ago; it can only be gone if its claim rolled back.
      if (!row) return this.claimKey(accountId, key, requestHash)
      return { claimed: false, requestHash: row.request_hash, caseId: row.case_id }
    },

    /** The next sequence number of an item on a day (Asia/Shanghai), atomically. */
    async nextSeq(itemCode: string, day: string): Promise<number> {
      const rows = await db.query<{ seq: number }>(
        `insert into case_counters (item_code, day, seq) values ($1, $2, 1)
         on conflict (item_code, day) do update set seq = case_counters.seq + 1 returning seq`,
        [itemCode, day],
      )
      return rows[0]!.seq
    },

    async insert(c: NewCase): Promise<string> {
      const rows = await db.query<{ id: string }>(
        `insert into cases (case_no, item_code, account_id, agent_id, consent_id, form_version, form, form_values, answers, materials, delivery, submitted_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
        [c.caseNo, c.itemCode, c.accountId, c.agentId, c.consentId, c.form.version, JSON.stringify(c.form), JSON.stringify(c.values),
          JSON.stringify(c.answers), JSON.stringify(c.materials), c.delivery, c.at],
      )
      return rows[0]!.id
    },

    async appendEvent(caseId: string, type: string, actor: string, data: Record<string, unknown>, at: Date): Promise<void> {
      await db.query('insert into case_events (case_id, type, actor, data, at) values ($1, $2, $3, $4, $5)', [caseId, type, actor, JSON.stringify(data), at])
    },

    async bindKey(accountId: string, key: string, caseId: string): Promise<void> {
      await db.query('update idempotency_keys set case_id = $3 where account_id = $1 and key = $2', [accountId, key, caseId])
    },

    async byId(id: string): Promise<CaseRow | null> {
      return (await db.query<CaseRow>(`${SELECT} where c.id = $1`, [id]))[0] ?? null
    },

    async byNo(caseNo: string): Promise<CaseRow | null> {
      return (await db.query<CaseRow>(`${SELECT} where c.case_no = $1`, [caseNo]))[0] ?? null
    },

    /** Open cases after `afterId` in id order: walking all of them in batches (the warning sweep). */
    async openAfter(afterId: string | null, limit: number): Promise<CaseRow[]> {
      return db.query<CaseRow>(`${SELECT} where c.status not in ${CLOSED} and ($1::uuid is null or c.id > $1::uuid) order by c.id limit $2`, [afterId, limit])
    },

    /**
     * A workbench queue, most urgent first: the cases on any of `desks`
     * (ordered by the earliest of their deadlines there), or with `all` every
     * open case (by its earliest running step). Stopped clocks come last.
     */
    async queue(desks: readonly string[] | 'all', limit: number, offset: number): Promise<CaseRow[]> {
      if (desks === 'all') {
        return db.query<CaseRow>(`${SELECT} where c.status not in ${CLOSED} order by c.due asc nulls last, c.submitted_at, c.case_no limit $1 offset $2`, [limit, offset])
      }
      // One desk (nearly everyone): read in the (desk, due, submitted_at, case_no) index's order, a page and no more;
      // several desks: each case once, by its earliest deadline there. Ties: first submitted first, then by number.
      const page = desks.length === 1
        ? 'select case_id, due, submitted_at, case_no from case_desks where desk = ($1::text[])[1] order by due asc nulls last, submitted_at, case_no limit $2 offset $3'
        : `select case_id, min(due) as due, submitted_at, case_no from case_desks where desk = any($1::text[])
           group by case_id, submitted_at, case_no order by min(due) asc nulls last, submitted_at, case_no limit $2 offset $3`
      return db.query<CaseRow>(`${SELECT} join (${page}) d on d.case_id = c.id order by d.due asc nulls last, d.submitted_at, d.case_no`, [desks, limit, offset])
    },

    /** Puts the case on these desks (and no others), with its earliest running deadline: in the transaction that changed it. */
    async setDesks(id: string, desks: readonly { desk: string; due: string | null }[], due: string | null): Promise<void> {
      await db.query('delete from case_desks where case_id = $1', [id])
      for (const d of desks) {
        await db.query('insert into case_desks (case_id, desk, due, submitted_at, case_no) select id, $2, $3, submitted_at, case_no from cases where id = $1', [id, d.desk, d.due])
      }
      await db.query('update cases set due = $2, desks_ready = true where id = $1', [id, due])
    },

    /** Open cases whose desks were never worked out (cases from before the desks were kept). */
    async withoutDesks(limit: number): Promise<{ id: string; item_code: string }[]> {
      return db.query(`select id, item_code from cases where not desks_ready and status not in ${CLOSED} limit $1`, [limit])
    },

    /** Locks the case row for the rest of the transaction: one action on a case at a time. */
    /**
     * 查找办件: exact matches on the case number, the applicant's mobile number or name (the account's,
     * or what the form's fields prefilled from the account carry: an agent's or an older case), within
     * `scope` — every case, or those given to a department. Newest first.
     */
    async search(term: { by: 'caseNo' | 'phone' | 'name'; value: string }, scope: 'all' | { department: string } | 'none', limit: number): Promise<CaseRow[]> {
      if (scope === 'none') return []
      const params: unknown[] = [term.value]
      const at = (v: unknown) => `$${params.push(v)}`
      const match = term.by === 'caseNo'
        ? 'c.case_no = $1'
        : `(${term.by === 'phone' ? 'a.phone = $1' : '(a.name = $1 or a.company_name = $1)'}
           or exists (select 1 from jsonb_array_elements(c.form->'fields') f
                      where f->>'prefill' = any(${at(term.by === 'phone' ? ['phone'] : ['name', 'companyName'])}::text[]) and c.form_values->>(f->>'name') = $1))`
      const within = scope === 'all' ? 'true'
        : `exists (select 1 from case_events e where e.case_id = c.id and e.type = 'accept' and e.data->'departments' ? ${at(scope.department)})`
      return db.query<CaseRow>(
        `${SELECT} join accounts a on a.id = c.account_id where ${match} and ${within} order by c.submitted_at desc, c.case_no limit ${at(limit)}`,
        params,
      )
    },
    async lockByNo(caseNo: string): Promise<string | null> {
      return (await db.query<{ id: string }>('select id from cases where case_no = $1 for update', [caseNo]))[0]?.id ?? null
    },

    /** A resubmission replaces the values and materials; the events keep what happened. */
    async replaceContent(id: string, values: FormValues, materials: CaseMaterial[]): Promise<void> {
      await db.query('update cases set form_values = $2, materials = $3 where id = $1', [id, JSON.stringify(values), JSON.stringify(materials)])
    },

    async setStatus(id: string, status: string): Promise<void> {
      await db.query('update cases set status = $2 where id = $1', [id, status])
    },

    async forAccount(accountId: string, limit = 100): Promise<CaseRow[]> {
      return db.query<CaseRow>(`${SELECT} where c.account_id = $1 order by c.submitted_at desc, c.case_no desc limit $2`, [accountId, limit])
    },

    /**
     * Where an account's cases stand (version = event count), for a live stream resumed after a gap: every open
     * case, and the `recent` last submitted of the others (a case closed during the gap is among them).
     */
    async liveVersions(accountId: string, recent = 20): Promise<{ case_no: string; status: CaseStatus; version: number }[]> {
      return db.query(
        `select c.case_no, c.status, (select count(*)::int from case_events e where e.case_id = c.id) as version from cases c
          where c.account_id = $1 and (c.status not in ${CLOSED} or c.id in (select id from cases where account_id = $1 order by submitted_at desc, case_no desc limit $2))
          order by c.submitted_at desc, c.case_no desc limit 200`,
        [accountId, recent],
      )
    },
  }
}

export interface DraftRow {
  item_code: string
  item_name: string
  form_version: number
  form_values: FormValues
  answers: Answers
  updated_at: string | number
}

export function draftRepo(db: Queryable) {
  return {
    async list(accountId: string): Promise<DraftRow[]> {
      return db.query<DraftRow>(
        'select item_code, item_name, form_version, form_values, answers, updated_at from drafts where account_id = $1 order by updated_at desc, item_code limit 50',
        [accountId],
      )
    },
    /** Keeps the newer of the stored and the given draft (by the device's updatedAt); answers with the one kept. */
    async save(accountId: string, itemCode: string, d: Omit<DraftRow, 'item_code'>): Promise<DraftRow> {
      const rows = await db.query<DraftRow>(
        `insert into drafts (account_id, item_code, item_name, form_version, form_values, answers, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (account_id, item_code) do update set item_name = excluded.item_name, form_version = excluded.form_version,
           form_values = excluded.form_values, answers = excluded.answers, updated_at = excluded.updated_at, saved_at = now()
           where drafts.updated_at <= excluded.updated_at
         returning item_code, item_name, form_version, form_values, answers, updated_at`,
        [accountId, itemCode, d.item_name, d.form_version, JSON.stringify(d.form_values), JSON.stringify(d.answers), d.updated_at],
      )
      if (rows[0]) return rows[0]
      return (await db.query<DraftRow>(
        'select item_code, item_name, form_version, form_values, answers, updated_at from drafts where account_id = $1 and item_code = $2',
        [accountId, itemCode],
      ))[0]!
    },
    async remove(accountId: string, itemCode: string): Promise<void> {
      await db.query('delete from drafts where account_id = $1 and item_code = $2', [accountId, itemCode])
    },
  }
}
