/** Catalogue routes: list/search items, one guide, the whole snapshot, halls, departments. */
import type { FastifyInstance } from 'fastify';
import type { CatalogueService } from '../catalogue/service';
declare module 'fastify' {
    interface FastifyInstance {
        catalogue: CatalogueService;
    }
}
export declare function catalogueRoutes(app: FastifyInstance): Promise<void>;
