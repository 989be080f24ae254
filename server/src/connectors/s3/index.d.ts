/**
 * The S3 connector: a SigV4-signed client of PutObject / GetObject /
 * DeleteObject for S3-compatible object stores, the signature helpers, and
 * the local fake (tests and the embedded default with UPLOAD_STORE=s3).
 */
export { amzDate, createS3Client, S3Error, xmlField, type S3Client, type S3ClientConfig, type S3Object, type S3Operation } from './client';
export { startFakeS3Server, type FakeS3Object, type FakeS3Request, type FakeS3Server, type FakeS3ServerOptions } from './fake-server';
export { canonicalQueryString, canonicalRequest, canonicalUri, credentialScope, EMPTY_SHA256, parseAmzDate, parseAuthorization, signature, signingKey, stringToSign, UNSIGNED_PAYLOAD, uriEncode, type ParsedAuthorization, type SignedRequest, } from './signature';
