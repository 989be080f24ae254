/** 代办授权 rows: an agent's request for a resident's consent, and its grant. */
import type { Queryable } from './db'

export interface ConsentRow {
  id: string
  status: 'pending' | 'granted'
  resident_phone: string
  item_code: string
  item_name: string
  agent_name: string
  agent_id: string
  /** The resident's account, once granted. */
  account_id: string | null
  created_at: Date
  granted_at: Date | null
}

const SELECT = `select c.id, c.status, c.resident_phone, c.item_code, i.doc->>'name' as item_name, s.display_name as agent_name,
  c.agent_id, c.account_id, c.created_at, c.granted_at
  from consents c join items i on i.code = c.item_code join staff s on s.id = c.agent_id`

export function consentRepo(db: Queryable) {
  return {
    async create(agentId: string, residentPhone: string, itemCode: string): Promise<string> {
      const rows = await db.query<{ id: string }>('insert into consents (agent_id, resident_phone, item_code) values ($1, $2, $3) returning id', [agentId, residentPhone, itemCode])
      return rows[0]!.id
    },
    async remove(id: string): Promise<void> {
      await db.query('delete from consents where id = $1', [id])
    },
    async byId(id: string): Promise<ConsentRow | null> {
      return (await db.query<ConsentRow>(`${SELECT} where c.id = $1`, [id]))[0] ?? null
    },
    async grant(id: string, accountId: string, at: Date): Promise<void> {
      await db.query("update consents set status = 'granted', account_id = $2, granted_at = $3 where id = $1", [id, accountId, at])
    },
    async forAgent(agentId: string): Promise<ConsentRow[]> {
      return db.query<ConsentRow>(`${SELECT} where c.agent_id = $1 order by c.created_at desc, c.item_code limit 100`, [agentId])
    },
    async grantedBy(accountId: string): Promise<ConsentRow[]> {
      return db.query<ConsentRow>(`${SELECT} where c.account_id = $1 and c.status = 'granted' order by c.granted_at desc, c.item_code limit 100`, [accountId])
    },
  }
}
