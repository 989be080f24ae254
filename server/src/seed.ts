/** Loads the demo catalogue (server/seed) into the store; unchanged items keep their ETags. */
import type { Db } from './store/db'
import { catalogueRepo } from './store/catalogue'
import { departments, halls, seedItems, SIGNS_ALONE } from '../seed/index'
import { DEMO_STAFF_PASSWORD, demoStaff } from '../seed/staff'
import { staffRepo } from './store/staff'
import { hashPassword } from './auth/passwords'

export async function seedCatalogue(db: Db): Promise<number> {
  const repo = catalogueRepo(db)
  await repo.upsertDepartments(departments, SIGNS_ALONE)
  await repo.upsertHalls(halls)
  return repo.upsertItems(seedItems)
}

/** Demo staff accounts (embedded runs and tests only; never in production). */
export async function seedDemoStaff(db: Db): Promise<void> {
  const repo = staffRepo(db)
  for (const s of demoStaff) {
    if (await repo.exists(s.username)) continue
    await repo.insert({ ...s, passwordHash: await hashPassword(DEMO_STAFF_PASSWORD) })
  }
}
