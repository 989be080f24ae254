import type { HandoverCase, WebhookEvent } from './contract';
type Report = WebhookEvent extends infer W ? W extends unknown ? Omit<W, 'id' | 'caseNo' | 'occurredAt'> : never : never;
export interface FakeApprovalOptions {
    token: string;
    webhookSecret: string;
    /** Where its webhooks go; may be set after the BFF listens. */
    webhookUrl?: string;
    now?: () => number;
}
export interface FakeApprovalServer {
    url: string;
    setWebhookUrl(url: string): void;
    /** Cases handed over, by case number, with how many times each was sent. */
    cases(): Map<string, {
        externalId: string;
        body: HandoverCase;
        deliveries: number;
    }>;
    /** Handover calls seen (every attempt, failed or not). */
    calls(): number;
    /** The next n calls answer this HTTP status (or lose the connection with 'drop'). */
    failNext(n: number, how: number | 'drop'): void;
    /** The next call is slow: it answers only once the returned function is called. */
    holdNext(): () => void;
    /** A department of the system did something: send it as a signed webhook; the BFF's answer. */
    report(caseNo: string, what: Report, opts?: {
        id?: string;
        occurredAt?: string;
    }): Promise<{
        status: number;
        body: unknown;
        id: string;
    }>;
    /** Send a raw webhook with the given headers (forged or stale ones, in tests). */
    deliver(body: string, headers: Record<string, string>): Promise<{
        status: number;
        body: unknown;
        contentType: string | null;
    }>;
    /** The headers a body would be signed with at `seconds` (Unix time). */
    signatureFor(body: string, seconds: number): Record<string, string>;
    close(): Promise<void>;
}
export declare function startFakeApprovalServer(opts: FakeApprovalOptions): Promise<FakeApprovalServer>;
export {};
