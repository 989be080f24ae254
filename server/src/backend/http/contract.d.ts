export declare const SIGNATURE_HEADER = "x-tongban-signature";
export declare const TIMESTAMP_HEADER = "x-tongban-timestamp";
/** Seconds either side of our clock a webhook's timestamp may be. */
export declare const REPLAY_WINDOW_SECONDS = 300;
export interface HandoverCase {
    caseNo: string;
    itemCode: string;
    itemName: string;
    /** The departments that handle it (joint handling when more than one). */
    departments: {
        code: string;
        name: string;
    }[];
    acceptedAt: string;
    /** Asia/Shanghai date the decision clock started. */
    acceptedDay: string;
    /** The decision deadline our clock computed (Asia/Shanghai date). */
    decisionDeadline: string | null;
    promisedDays: number;
    statutoryDays: number | null;
    form: {
        version: number;
        values: Record<string, unknown>;
    };
    /** What was sent per field: an uploaded file's name or an e-licence's title; an upload with its link. */
    materials: HandoverMaterial[];
}
export interface HandoverMaterial {
    field: string;
    label: string;
    kind: 'upload' | 'eLicence';
    title: string;
    /** Uploads only: where to fetch the bytes, until `expiresAt`. */
    download?: {
        url: string;
        expiresAt: string;
    };
}
/** A handover as kept in our outbox: an upload's file id instead of a link (links are signed when sent). */
export type StoredHandover = Omit<HandoverCase, 'materials'> & {
    materials: (Omit<HandoverMaterial, 'download'> & {
        fileId?: string;
    })[];
};
/** How long a download link in a handover works: a retried handover gets fresh ones. */
export declare const DOWNLOAD_TTL_SECONDS: number;
export declare function downloadSignature(secret: string, caseNo: string, fileId: string, expires: number): string;
/** The wire form of a stored handover: each upload's link, signed now. */
export declare function withDownloads(stored: StoredHandover, origin: string, secret: string, nowMs: number): HandoverCase;
/** Is this link one we signed, and still good at `nowMs`? */
export declare function checkDownload(secret: string, caseNo: string, fileId: string, expires: string, signature: string, nowMs: number): 'ok' | 'forged' | 'expired';
export type BranchState = 'undertaking' | 'reviewing' | 'approving' | 'approved' | 'denied' | 'suspended' | 'resumed';
export type WebhookEvent = {
    id: string;
    caseNo: string;
    occurredAt: string;
    type: 'branch.status';
    department: string;
    status: Exclude<BranchState, 'suspended' | 'resumed' | 'denied'>;
    opinion?: string;
}
/** A denial states its reasons (opinion) and the law (basis): Art. 38. */
 | {
    id: string;
    caseNo: string;
    occurredAt: string;
    type: 'branch.status';
    department: string;
    status: 'denied';
    opinion: string;
    basis: string;
}
/** Art. 45: the applicant is told how long the special procedure takes. */
 | {
    id: string;
    caseNo: string;
    occurredAt: string;
    type: 'branch.status';
    department: string;
    status: 'suspended';
    procedure: string;
    reason: string;
    expectedEnd: string;
} | {
    id: string;
    caseNo: string;
    occurredAt: string;
    type: 'branch.status';
    department: string;
    status: 'resumed';
} | {
    id: string;
    caseNo: string;
    occurredAt: string;
    type: 'case.extended';
    days: number;
    reason: string;
};
/** JSON Schema of a webhook body (the route validates it; the OpenAPI file says the same). */
export declare const webhookEventSchema: {
    readonly type: "object";
    readonly required: readonly ["id", "caseNo", "occurredAt", "type"];
    readonly properties: {
        readonly id: {
            readonly type: "string";
            readonly minLength: 8;
            readonly maxLength: 100;
            readonly pattern: "^[A-Za-z0-9_.:-]+$";
        };
        readonly caseNo: {
            readonly type: "string";
            readonly maxLength: 90;
        };
        readonly occurredAt: {
            readonly type: "string";
            readonly format: "date-time";
            readonly description: "When the step was taken in the approval system. The event is dated then (its Asia/Shanghai working day is what the clocks count), kept no earlier than the case's previous event and no later than its arrival";
        };
        readonly type: {
            readonly type: "string";
            readonly enum: readonly ["branch.status", "case.extended"];
        };
        readonly department: {
            readonly type: "string";
            readonly maxLength: 40;
            readonly description: "Required for branch.status";
        };
        readonly status: {
            readonly type: "string";
            readonly description: "Required for branch.status; denied also needs opinion (the reasons) and basis (the law it rests on, Art. 38); suspended also needs procedure, reason and expectedEnd (Art. 45)";
            readonly enum: readonly ["undertaking", "reviewing", "approving", "approved", "denied", "suspended", "resumed"];
        };
        readonly opinion: {
            readonly type: "string";
            readonly maxLength: 2000;
        };
        readonly basis: {
            readonly type: "string";
            readonly maxLength: 300;
            readonly description: "The law a denial rests on, e.g. 《食品安全法》第三十五条; required when status is denied";
        };
        readonly procedure: {
            readonly type: "string";
            readonly maxLength: 40;
        };
        readonly reason: {
            readonly type: "string";
            readonly maxLength: 2000;
        };
        readonly expectedEnd: {
            readonly type: "string";
            readonly pattern: "^\\d{4}-\\d{2}-\\d{2}$";
        };
        readonly days: {
            readonly type: "integer";
            readonly minimum: 1;
            readonly maximum: 15;
            readonly description: "Required for case.extended, with reason";
        };
    };
    readonly additionalProperties: false;
};
export declare function sign(secret: string, timestamp: string, body: string | Buffer): string;
export type SignatureCheck = 'ok' | 'missing' | 'forged' | 'stale';
/** Is this body signed with our secret, within the replay window of `nowMs`? */
export declare function checkSignature(secret: string, headers: {
    timestamp?: string;
    signature?: string;
}, body: Buffer, nowMs: number): SignatureCheck;
