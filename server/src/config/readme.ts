/**
 * The README's configuration table, generated from the declarations in
 * variables.ts and kept between two markers. `npm run docs:config` rewrites
 * it; readme.test.ts fails when README.md and the declarations differ.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { variablesOf, type Tree, type Var } from './declare'
import { VARIABLES } from './variables'

export const README_FILE = fileURLToPath(new URL('../../../README.md', import.meta.url))
const BEGIN = '<!-- config:begin (generated from server/src/config/variables.ts by `npm run docs:config`) -->'
const END = '<!-- config:end -->'

/** The "required in production" cell: yes, yes under a condition, and whether a set variable requires it anywhere. */
function required(v: Var<unknown>): string {
  const when = v.requiredIf ?? v.when
  const cell = v.production ? (when ? `with \`${when.text}\`` : 'yes') : ''
  return v.withVar ? `${cell} (and outside production when \`${v.withVar}\` is set)` : cell
}

export function configTable(tree: Tree = VARIABLES): string {
  const rows = variablesOf(tree).map((v) => `| \`${v.name}\` | ${v.type} | ${v.shownDefault} | ${required(v)} | ${v.doc} |`)
  return ['| variable | type | default | required in production | meaning |', '|---|---|---|---|---|', ...rows].join('\n')
}

/** The README with its table replaced by the generated one (throws when the markers are missing). */
export function withConfigTable(readme: string, table = configTable()): string {
  const begin = readme.indexOf(BEGIN)
  const end = readme.indexOf(END)
  if (begin < 0 || end < begin) throw new Error(`README.md must hold the configuration table between ${BEGIN} and ${END}`)
  return `${readme.slice(0, begin + BEGIN.length)}\n${table}\n${readme.slice(end)}`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const before = readFileSync(README_FILE, 'utf8')
  const after = withConfigTable(before)
  if (after !== before) writeFileSync(README_FILE, after)
  console.log(after === before ? `${README_FILE}: configuration table up to date` : `rewrote the configuration table in ${README_FILE}`)
}
