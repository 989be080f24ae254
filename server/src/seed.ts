/** Loads the demo catalogue (server/seed) into the store; unchanged items keep their ETags. */
import type { Db } from './store/db'
import { catalogueRepo } from './store/catalogue'
import { departments, halls, seedItems, SIGNS_ALONE } from '../seed/index'
import { DEMO_STAFF_PASSWORD, demoStaff } from '../seed/staff'
import { staffRepo } from './store/staff'
import { hashPassword } from './auth/passwords'
import { seedQueues } from '../seed/queue'
import { queueRepo } from './store/queue'

export async function seedCatalogue(db: Db): Promise<number> {
  const repo = catalogueRepo(db)
  await repo.upsertDepartments(departments, SIGNS_ALONE)
  await repo.upsertHalls(halls)
  const count = await repo.upsertItems(seedItems)
  // Each hall's queue as first configured; a hall_admin's later changes are kept.
  const queues = queueRepo(db)
  for (const [hallId, config] of Object.entries(seedQueues(seedItems))) {
    if (!(await queues.config(hallId))) await queues.saveConfig(hallId, config)
  }
  return count
}

/** Demo staff accounts (embedded runs and tests only; never in production). */
export async function seedDemoStaff(db: Db): Promise<void> {
  const repo = staffRepo(db)
  for (const s of demoStaff) {
    if (await repo.exists(s.username)) continue
    await repo.insert({ ...s, passwordHash: await hashPassword(DEMO_STAFF_PASSWORD) })
  }
}
