export declare const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";
export declare const EMPTY_SHA256: string;
export declare const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
/** RFC 3986: only A–Z a–z 0–9 - _ . ~ stay as they are. */
export declare function uriEncode(s: string): string;
/** S3's canonical URI: each path segment decoded, then encoded once (S3 does not normalise `//` or `..`). */
export declare function canonicalUri(rawPath: string): string;
export declare function canonicalQueryString(rawQuery: string): string;
export interface SignedRequest {
    method: string;
    /** Path as sent on the wire (percent-encoded), without the query. */
    path: string;
    /** Query as sent, without `?`. */
    query: string;
    /** Header names in lower case; repeated headers joined with `,`. */
    headers: Record<string, string>;
    signedHeaders: string[];
    /** The x-amz-content-sha256 value: a hex SHA-256 or UNSIGNED-PAYLOAD. */
    payloadHash: string;
}
export declare function canonicalRequest(r: SignedRequest): string;
/** `20130524/us-east-1/s3/aws4_request` from `20130524T000000Z`. */
export declare function credentialScope(amzDate: string, region: string, service?: string): string;
export declare function stringToSign(amzDate: string, scope: string, canonical: string): string;
export declare function signingKey(secretAccessKey: string, date: string, region: string, service?: string): Buffer;
export declare function signature(secretAccessKey: string, region: string, amzDate: string, canonical: string, service?: string): string;
export interface ParsedAuthorization {
    accessKeyId: string;
    date: string;
    region: string;
    service: string;
    signedHeaders: string[];
    signature: string;
}
/** `AWS4-HMAC-SHA256 Credential=…/…/…/s3/aws4_request, SignedHeaders=a;b, Signature=hex`, or null. */
export declare function parseAuthorization(header: string | undefined): ParsedAuthorization | null;
/** `20130524T000000Z` → epoch ms, or NaN. */
export declare function parseAmzDate(s: string | undefined): number;
