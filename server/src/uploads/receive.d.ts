import { type Readable } from 'node:stream';
/** Enough for file-type and for the header of any ordinary photo. */
export declare const HEAD_BYTES: number;
export interface Received {
    tempPath: string;
    size: number;
    sha256: string;
    head: Buffer;
}
export declare function receiveToTemp(source: Readable, dir: string, maxBytes: number): Promise<Received>;
