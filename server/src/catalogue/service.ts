/**
 * The catalogue as the BFF serves it: summaries, search index and guide
 * bodies held in memory (each serialised once), reloaded when the stored
 * version changes. Another instance's write shows up here within
 * `recheckMs`, since the version is re-read at most that often.
 */
import {
  buildCatalogue, queryCatalogue,
  type Catalogue, type CatalogueSnapshot, type Department, type Hall, type Item, type ItemListQuery, type ItemPage,
} from '@tongban/core'
import type { CatalogueRepo } from '../store/catalogue'

export interface GuideBody {
  /** The guide serialised once, sent as is. */
  json: string
  etag: string
  /** The same guide as an object, for routes that read it (the application form). */
  item: Item
}

export interface CatalogueService {
  list(query: ItemListQuery): Promise<ItemPage>
  snapshot(): Promise<{ json: string; etag: string }>
  guide(code: string): Promise<GuideBody | null>
  halls(): Promise<Hall[]>
  departments(): Promise<Department[]>
  /** Forget everything now (after a write on this instance). */
  invalidate(): void
}

interface Loaded {
  version: string
  catalogue: Catalogue
  halls: Hall[]
  departments: Department[]
  snapshot: { json: string; etag: string }
  guides: Map<string, GuideBody | null>
}

export function catalogueService(repo: CatalogueRepo, opts: { recheckMs?: number; now?: () => number } = {}): CatalogueService {
  const recheckMs = opts.recheckMs ?? 5_000
  const now = opts.now ?? Date.now
  let loaded: Loaded | null = null
  let checkedAt = -Infinity
  let pending: Promise<Loaded> | null = null

  async function load(version: string): Promise<Loaded> {
    const [summaries, halls, departments] = await Promise.all([repo.listSummaries(), repo.listHalls(), repo.listDepartments()])
    const snapshot: CatalogueSnapshot = { items: summaries, departments, halls, version }
    return {
      version,
      catalogue: buildCatalogue(summaries),
      halls,
      departments,
      snapshot: { json: JSON.stringify(snapshot), etag: `"v-${Buffer.from(version).toString('base64url')}"` },
      guides: new Map(),
    }
  }

  async function current(): Promise<Loaded> {
    if (loaded && now() - checkedAt < recheckMs) return loaded
    pending ??= (async () => {
      try {
        const version = await repo.version()
        checkedAt = now()
        if (!loaded || loaded.version !== version) loaded = await load(version)
        return loaded
      } finally {
        pending = null
      }
    })()
    return pending
  }

  return {
    async list(query) {
      return queryCatalogue((await current()).catalogue, query)
    },
    async snapshot() {
      return (await current()).snapshot
    },
    async guide(code) {
      const c = await current()
      if (c.guides.has(code)) return c.guides.get(code)!
      const row = await repo.getItem(code)
      const body = row ? { json: JSON.stringify(row.item), etag: row.etag, item: row.item } : null
      // Unknown codes are not cached: the map must not grow with whatever people type.
      if (body) c.guides.set(code, body)
      return body
    },
    async halls() {
      return (await current()).halls
    },
    async departments() {
      return (await current()).departments
    },
    invalidate() {
      checkedAt = -Infinity
    },
  }
}
