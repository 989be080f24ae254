/** Loads the demo catalogue (server/seed) into the store; unchanged items keep their ETags. */
import type { Db } from './store/db'
import { catalogueRepo } from './store/catalogue'
import { departments, halls, seedItems } from '../seed/index'

export async function seedCatalogue(db: Db): Promise<number> {
  const repo = catalogueRepo(db)
  await repo.upsertDepartments(departments)
  await repo.upsertHalls(halls)
  return repo.upsertItems(seedItems)
}
