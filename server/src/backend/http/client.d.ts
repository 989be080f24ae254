import type { HandoverCase } from './contract';
export type HandoverResult = {
    ok: true;
    externalId: string;
} | {
    ok: false;
    retry: boolean;
    error: string;
};
export interface ApprovalClient {
    handover(c: HandoverCase): Promise<HandoverResult>;
}
export declare function createApprovalClient(opts: {
    baseUrl: string;
    token: string;
    timeoutMs?: number;
    fetch?: typeof fetch;
}): ApprovalClient;
