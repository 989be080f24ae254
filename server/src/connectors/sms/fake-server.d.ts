export declare const FAKE_SMS_TEMPLATES: Readonly<Record<string, string>>;
export interface FakeSmsServerOptions {
    port?: number;
    /** Default: a random pair per server; read it back from the handle. */
    accessKeyId?: string;
    accessKeySecret?: string;
    /** TemplateCode → text with `${sign}` and `${var}` placeholders. */
    templates?: Record<string, string>;
    /** Approved sign names; absent → any non-empty name is accepted. */
    signNames?: string[];
    /** Flow control: at most one message per phone in this window. Default 30 s. */
    minIntervalMs?: number;
    /** The fake's clock (ms), for flow control and the timestamp window. */
    now?: () => number;
}
export interface FakeSms {
    phone: string;
    templateCode: string;
    params: Record<string, string>;
    signName: string;
    at: Date;
    bizId: string;
    /** The text the citizen would read. */
    text: string;
}
export interface FakeSmsServer {
    url: string;
    accessKeyId: string;
    accessKeySecret: string;
    messages(): FakeSms[];
    /** The next n requests, whatever they are, get isp.SYSTEM_ERROR (HTTP 500). */
    failNext(n: number): void;
    close(): Promise<void>;
}
export declare function startFakeSmsServer(opts?: FakeSmsServerOptions): Promise<FakeSmsServer>;
