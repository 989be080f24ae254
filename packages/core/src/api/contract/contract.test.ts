import { describe, expect, it } from 'vitest'
import { allContracts } from '../areas'
import { buildPath } from './contract'
import { contractIssues, openObjects, unboundedNumbers, unpatternedParams } from './lint'
import { Obj, Str } from './schema'

describe('contracts', () => {
  it('the checks find what they look for', () => {
    expect(unboundedNumbers({ type: 'object', properties: { a: { type: 'integer', minimum: 0 }, b: { type: ['integer', 'null'], minimum: 0, maximum: 9 }, c: { type: 'array', items: { type: 'number' } } } }, ''))
      .toEqual(['a (no maximum)', 'c[] (no minimum, no maximum)'])
    expect(unpatternedParams('/x/:a/:b/:c', { properties: { a: { type: 'string', maxLength: 9 }, b: { type: 'string', enum: ['x'] } } })).toEqual(['a', 'c'])
    expect(openObjects({ type: 'object', additionalProperties: false, properties: { a: { type: 'object' }, b: { type: 'array', items: { type: 'object', additionalProperties: true } } } })).toEqual(['a'])
    expect(contractIssues({ method: 'GET', path: '/api/x/:id', access: 'public', summary: 'x', cache: 'none', params: Obj({ id: Str() }) }))
      .toEqual(['GET /api/x/:id: path parameter id has no pattern or enum', 'GET /api/x/:id: says nothing of response, binary, noContent'])
  })

  it('every contract holds to them: bounded numbers, patterned params, an answer, closed response objects', () => {
    const all = allContracts()
    expect(all.length).toBeGreaterThan(5)
    expect(all.flatMap(({ contract }) => contractIssues(contract))).toEqual([])
  })

  it('each route is declared once, by a unique id and method + path', () => {
    const all = allContracts()
    const keys = all.map(({ contract }) => `${contract.method} ${contract.path}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(all.map(({ area, name, contract }) => contract.id === `${area}.${name}` && contract.tag === area)).not.toContain(false)
  })

  it('fills path parameters, encoded, and refuses a missing one', () => {
    expect(buildPath('/api/cases/:caseNo/notices/:kind', { caseNo: 'SJ-0001-20261124-0001', kind: 'a/b' })).toBe('/api/cases/SJ-0001-20261124-0001/notices/a%2Fb')
    expect(() => buildPath('/api/items/:code')).toThrow('missing path parameter code')
  })
})
