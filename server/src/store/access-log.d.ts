/** Who looked at whose personal data, when and why (数据访问记录). Append only. */
import type { AccessPurpose, StaffRole } from '@tongban/core';
import type { Queryable } from './db';
export declare function accessLogRepo(db: Queryable): {
    record(accountId: string, staffId: string, purpose: AccessPurpose, fields: string[], at?: Date): Promise<void>;
    forAccount(accountId: string, limit?: number): Promise<{
        at: Date;
        display_name: string;
        roles: StaffRole[];
        purpose: AccessPurpose;
        fields: string[];
    }[]>;
};
