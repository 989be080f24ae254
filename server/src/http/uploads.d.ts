import type { FastifyInstance, FastifyReply } from 'fastify';
import { type UploadedFile } from '@tongban/core';
import type { UploadConfig } from '../config';
import type { StoredFile, UploadSpace } from '../store/file-store';
import { type UploadRow } from '../store/uploads';
export declare const UPLOAD_MESSAGES: {
    readonly file: "请选择要上传的文件";
    readonly materialId: "材料编号格式不正确";
    readonly itemCode: "事项编码格式不正确";
};
export declare function uploadView(r: UploadRow): UploadedFile;
/** RFC 6266: an ASCII fallback plus the UTF-8 name (RFC 8187); quotes and controls cannot get through. */
export declare function contentDisposition(kind: 'inline' | 'attachment', name: string): string;
/** A stored upload as the answer: its sniffed type (never guessed again), its name, never cached. */
export declare function sendStoredFile(reply: FastifyReply, row: Pick<UploadRow, 'mime' | 'name'>, file: StoredFile, kind: 'inline' | 'attachment'): FastifyReply<import("fastify").RouteGenericInterface, import("fastify").RawServerDefault, import("http").IncomingMessage, import("http").ServerResponse<import("http").IncomingMessage>, unknown, import("fastify").FastifySchema, import("fastify").FastifyTypeProviderDefault, unknown>;
export declare function uploadRoutes(app: FastifyInstance, opts: {
    uploads: UploadConfig;
    space: UploadSpace;
}): Promise<void>;
