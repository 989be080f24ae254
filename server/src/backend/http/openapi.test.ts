import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { approvalOpenApi, handoverCaseSchema, OPENAPI_FILE } from './openapi'
import type { HandoverCase } from './contract'

describe('the approval-system contract (OpenAPI)', () => {
  it('is the file in server/openapi, as the code builds it (run `node --import tsx server/src/backend/http/openapi.ts` after a change)', () => {
    expect(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'))).toEqual(JSON.parse(JSON.stringify(approvalOpenApi())))
  })

  it('requires every field of a handover the code sends, and no other', () => {
    const sample: Record<keyof HandoverCase, true> = {
      caseNo: true, itemCode: true, itemName: true, departments: true, acceptedAt: true, acceptedDay: true,
      decisionDeadline: true, promisedDays: true, statutoryDays: true, form: true, materials: true,
    }
    expect([...handoverCaseSchema.required].sort()).toEqual(Object.keys(sample).sort())
    expect(Object.keys(handoverCaseSchema.properties).sort()).toEqual(Object.keys(sample).sort())
  })
})
