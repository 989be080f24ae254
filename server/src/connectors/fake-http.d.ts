/**
 * The listening part every local fake of an outside API shares: a node:http
 * server on 127.0.0.1 whose handler may be async; a handler that throws gets
 * the fake's own "internal error" answer (or a dropped connection once
 * headers went out), as a real gateway would.
 */
import { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
export declare function listenLocal(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, onError: (res: ServerResponse, e: unknown) => void, port?: number): Promise<{
    server: Server;
    url: string;
}>;
