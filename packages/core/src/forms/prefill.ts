/**
 * Prefill (自动带出): fills a new form's top-level fields from the signed-in
 * account, so a citizen never types their own name or ID number twice, and
 * starts a list whose first item is the applicant's own (a household's 本人)
 * with that item. Only empty fields are filled; what the citizen typed is
 * never overwritten, and a list the citizen emptied stays empty.
 */
import { compileSchema, type CompiledField } from './compile'
import type { FormValues, PrefillKey } from './schema'

/** What an account can offer; AccountView fits. */
export interface PrefillSource {
  name?: string | null
  phone?: string | null
  idNumber?: string | null
  company?: { name?: string | null; creditCode?: string | null } | null
}

function pick(source: PrefillSource, key: PrefillKey): string | undefined {
  const v = key === 'companyName' ? source.company?.name : key === 'creditCode' ? source.company?.creditCode : source[key]
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined
}

export function prefillForm(schema: unknown, source: PrefillSource, values: FormValues = {}): FormValues {
  const out: FormValues = { ...values }
  for (const f of compileSchema(schema).fields) {
    const current = Object.hasOwn(values, f.name) ? values[f.name] : undefined
    if (f.selfItem) {
      if (current === undefined || current === null) out[f.name] = [selfItem(f.selfItem, source)]
      continue
    }
    if (!f.prefill) continue
    if (current !== undefined && current !== null && current !== '') continue
    const v = pick(source, f.prefill)
    if (v !== undefined) out[f.name] = v
  }
  return out
}

function selfItem(self: NonNullable<CompiledField['selfItem']>, source: PrefillSource): FormValues {
  const item: FormValues = { ...self.values }
  for (const [name, key] of Object.entries(self.prefill)) {
    const v = pick(source, key)
    if (v !== undefined) item[name] = v
  }
  return item
}
