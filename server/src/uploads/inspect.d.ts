import { type UploadMimeType } from '@tongban/core';
export interface CheckedName {
    name: string;
    /** Lower-case extension without the dot, or null when the name has none. */
    extension: string | null;
}
/** Throws FILE_NAME_INVALID for a name that is not a plain file name. */
export declare function checkFileName(raw: string | undefined): CheckedName;
export interface Inspected {
    mime: UploadMimeType;
    /** The display name, with the canonical extension added when it had none. */
    name: string;
    width: number | null;
    height: number | null;
}
/**
 * Checks a received file: `head` is its first bytes (enough for the type and,
 * nearly always, the image header); `path` the whole file, read only when an
 * image keeps its size further in (a JPEG with a large EXIF block).
 */
export declare function inspectFile(head: Uint8Array, path: string, name: CheckedName): Promise<Inspected>;
