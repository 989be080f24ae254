/** 代办授权 rows: an agent's request for a resident's consent, and its grant. */
import type { Queryable } from './db';
export interface ConsentRow {
    id: string;
    status: 'pending' | 'granted';
    resident_phone: string;
    item_code: string;
    item_name: string;
    agent_name: string;
    agent_id: string;
    /** The resident's account, once granted. */
    account_id: string | null;
    created_at: Date;
    granted_at: Date | null;
}
export declare function consentRepo(db: Queryable): {
    create(agentId: string, residentPhone: string, itemCode: string): Promise<string>;
    remove(id: string): Promise<void>;
    byId(id: string): Promise<ConsentRow | null>;
    grant(id: string, accountId: string, at: Date): Promise<void>;
    forAgent(agentId: string): Promise<ConsentRow[]>;
    grantedBy(accountId: string): Promise<ConsentRow[]>;
};
