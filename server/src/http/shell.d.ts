import type { FastifyReply } from 'fastify';
import type { CatalogueService } from '../catalogue/service';
/** Vite's build manifest: one entry per source module that became a chunk. */
type Manifest = Record<string, {
    file: string;
    imports?: string[];
    css?: string[];
    isEntry?: boolean;
}>;
export interface PageShell {
    send(path: string, reply: FastifyReply): Promise<FastifyReply>;
}
export declare function pageShell(webRoot: string, catalogue: CatalogueService): PageShell;
/** modulepreload and stylesheet links for a lazily loaded page and what it imports, less what the entry loads already. */
export declare function preloadHints(manifest: Manifest, page: string): string[];
/** JSON inside <script>: no "</script>" or "<!--" can end or change the block. */
export declare function escapeScriptData(json: string): string;
export {};
