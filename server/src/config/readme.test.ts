import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { variablesOf } from './declare'
import { configTable, README_FILE, withConfigTable } from './readme'
import { VARIABLES } from './variables'

describe('the README configuration table', () => {
  it('is the one the declarations generate (run `npm run docs:config` after changing a variable)', () => {
    const readme = readFileSync(README_FILE, 'utf8')
    expect(withConfigTable(readme)).toBe(readme)
  })

  it('has one row per variable, each declared once', () => {
    const names = variablesOf(VARIABLES).map((v) => v.name)
    expect(new Set(names).size).toBe(names.length)
    const table = configTable()
    for (const name of names) expect(table).toContain(`| \`${name}\` |`)
    expect(table.split('\n')).toHaveLength(names.length + 2)
  })

  it('keeps every doc on one table line', () => {
    for (const v of variablesOf(VARIABLES)) expect(v.doc, v.name).not.toMatch(/\n|(?<!\\)\|/)
  })
})
