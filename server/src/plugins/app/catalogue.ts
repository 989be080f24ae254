/** The catalogue of items, halls and departments, read through one cached service. */
import fp from 'fastify-plugin'
import { catalogueRepo } from '../../store/catalogue'
import { catalogueService, type CatalogueService } from '../../catalogue/service'
import type { PluginOptions } from '../options'

declare module 'fastify' {
  interface FastifyInstance {
    catalogue: CatalogueService
  }
}

export default fp<PluginOptions>(async (app) => {
  app.decorate('catalogue', catalogueService(catalogueRepo(app.db)))
}, { name: 'catalogue', dependencies: ['db'] })
