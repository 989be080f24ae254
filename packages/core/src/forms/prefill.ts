/**
 * Prefill (自动带出): fills a new form's top-level fields from the signed-in
 * account, so a citizen never types their own name or ID number twice.
 * Only empty fields are filled; what the citizen typed is never overwritten.
 */
import { compileSchema } from './compile'
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
    if (!f.prefill) continue
    const current = Object.hasOwn(values, f.name) ? values[f.name] : undefined
    if (current !== undefined && current !== null && current !== '') continue
    const v = pick(source, f.prefill)
    if (v !== undefined) out[f.name] = v
  }
  return out
}
