import { Readable } from 'node:stream';
export interface S3ClientConfig {
    /** `https://oss-cn-hangzhou.aliyuncs.com`, `http://127.0.0.1:9000`: scheme, host and port only. */
    endpoint: string;
    bucket: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    /**
     * Until the answer's headers arrive (for PutObject that includes sending
     * the body); then, for GetObject, the longest wait for the next bytes.
     * Default 30 s.
     */
    timeoutMs?: number;
    /** Tries per operation, the first included. Default 4. */
    maxAttempts?: number;
    /** First back-off; each further one doubles, with jitter (½–1×). Default 200 ms. */
    backoffMs?: number;
    /** Tests record the back-off instead of waiting. */
    sleep?: (ms: number) => Promise<void>;
    /** Clock for X-Amz-Date. */
    now?: () => Date;
}
export type S3Operation = 'PutObject' | 'GetObject' | 'DeleteObject';
/** What went wrong, with S3's error code (or Timeout / NetworkError / BadResponse). Never carries a secret. */
export declare class S3Error extends Error {
    readonly operation: S3Operation;
    readonly code: string;
    readonly status: number | null;
    readonly retryable: boolean;
    readonly requestId?: string | undefined;
    readonly name = "S3Error";
    constructor(operation: S3Operation, code: string, status: number | null, retryable: boolean, message: string, requestId?: string | undefined);
}
export interface S3Object {
    size: number;
    stream: Readable;
}
export interface S3Client {
    readonly bucket: string;
    /** Uploads the file at `path` (its size and SHA-256 read from it) as `key`. */
    putObject(key: string, path: string, contentType?: string): Promise<void>;
    getObject(key: string): Promise<S3Object | null>;
    /** S3 answers 204 whether or not the key existed. */
    deleteObject(key: string): Promise<void>;
    /** Closes idle kept-alive connections. */
    close(): void;
}
/** `20130524T000000Z`. */
export declare function amzDate(d: Date): string;
/** The first `<Name>…</Name>` of an S3 XML error document (flat, so no XML parser is needed). */
export declare function xmlField(xml: string, name: string): string | undefined;
export declare function createS3Client(config: S3ClientConfig): S3Client;
