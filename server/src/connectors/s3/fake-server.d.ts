export interface FakeS3ServerOptions {
    port?: number;
    /** Default `tongban-test`. */
    bucket?: string;
    /** Default `us-east-1` (MinIO's default). */
    region?: string;
    /** Default: a random `AKIA…` id and 40-character secret; read them back from the handle. */
    accessKeyId?: string;
    secretAccessKey?: string;
    /** The fake's clock (ms), for the 15-minute skew check. */
    now?: () => number;
}
export interface FakeS3Object {
    data: Buffer;
    contentType: string;
    etag: string;
}
export interface FakeS3Request {
    method: string;
    key: string;
    status: number;
    code?: string;
}
export interface FakeS3Server {
    url: string;
    bucket: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    /** Stored objects by key (copies). */
    objects(): Map<string, FakeS3Object>;
    /** Every request answered so far, in order. */
    requests(): FakeS3Request[];
    /** The next n requests, whatever they are, answer 503 SlowDown. */
    slowDown(n: number): void;
    close(): Promise<void>;
}
export declare function startFakeS3Server(opts?: FakeS3ServerOptions): Promise<FakeS3Server>;
