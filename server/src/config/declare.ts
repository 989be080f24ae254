/**
 * How an environment variable is declared, and the one validator that reads
 * them all. A declaration holds everything about its variable — name, type,
 * default, when it must be set, its doc line — so loadConfig, the start-up
 * check and the README table (readme.ts) all come from it. The validator
 * never stops at the first problem: it reports every one at once.
 */
export type Env = Record<string, string | undefined>

/** Every problem found in the environment; the message is one per line. */
export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string | string[]) {
    const list = typeof problems === 'string' ? [problems] : problems
    super(list.join('\n'))
    this.problems = list
  }
}

/** Thrown by a parser: the variable's value is wrong (one problem). */
export class Invalid extends Error {}

/** A condition on other variables, with the words the README and the messages use for it. */
export interface Condition {
  text: string
  holds(env: Env): boolean
}

export interface Var<T> {
  readonly name: string
  /** What the value looks like, for the README ("integer 1–600", "URL"…). */
  readonly type: string
  /** The default as the README shows it; '—' when there is none. */
  readonly shownDefault: string
  /** One line: what it does. Markdown; no `|` (it is a table cell). */
  readonly doc: string
  /** Only read and checked when this holds; otherwise the default stands, whatever is set. */
  readonly when?: Condition
  /** Required (below) only when this holds; its text names the group in the message ("UPLOAD_STORE=s3 needs …"). */
  readonly requiredIf?: Condition
  /** Must be set with NODE_ENV=production (a string: why, for the message). */
  readonly production?: true | string
  /** Must be set whenever this other variable is. */
  readonly withVar?: string
  /** '' counts as a value (parsed) rather than as unset. */
  readonly keepEmpty?: boolean
  fallback(env: Env): T
  /** A set value (not undefined; '' only with keepEmpty) → the config value, or throws Invalid. */
  parse(raw: string, env: Env): T
}

export type Tree = { readonly [key: string]: Var<unknown> | Tree }
export type Values<T> = T extends Var<infer V> ? V : { -readonly [K in keyof T]: Values<T[K]> }

export const isVar = (node: Var<unknown> | Tree): node is Var<unknown> => typeof (node as Var<unknown>).parse === 'function'

/** Every declaration of a tree, in declaration order. */
export function variablesOf(tree: Tree): Var<unknown>[] {
  return Object.values(tree).flatMap((node) => (isVar(node) ? [node] : variablesOf(node)))
}

export const isProduction = (env: Env): boolean => env.NODE_ENV === 'production'

const isSet = (v: Var<unknown>, raw: string | undefined): raw is string => raw !== undefined && (raw !== '' || v.keepEmpty === true)

/**
 * Reads every variable of the tree. Problems: each malformed value, then the
 * missing ones, grouped by the condition that requires them.
 */
export function readTree<T extends Tree>(tree: T, env: Env): { values: Values<T>; problems: string[] } {
  const problems: string[] = []
  const read = (node: Tree): Record<string, unknown> => Object.fromEntries(Object.entries(node).map(([key, child]) => {
    if (!isVar(child)) return [key, read(child)]
    const raw = env[child.name]
    if ((child.when && !child.when.holds(env)) || !isSet(child, raw)) return [key, child.fallback(env)]
    try {
      return [key, child.parse(raw, env)]
    } catch (e) {
      if (!(e instanceof Invalid)) throw e
      problems.push(e.message)
      return [key, child.fallback(env)]
    }
  }))
  const values = read(tree) as Values<T>
  return { values, problems: [...problems, ...missing(variablesOf(tree), env)] }
}

function missing(vars: Var<unknown>[], env: Env): string[] {
  const groups = new Map<string, string[]>()
  const out: string[] = []
  const production = isProduction(env)
  for (const v of vars) {
    if (isSet(v, env[v.name]) && env[v.name] !== '') continue
    const condition = v.requiredIf ?? v.when
    if (condition && !condition.holds(env)) continue
    let suffix: string | undefined
    if (production && v.production) suffix = 'in production'
    else if (v.withVar && env[v.withVar]) suffix = `when ${v.withVar} is set`
    if (!suffix) continue
    if (!condition) {
      out.push(`${v.name} must be set ${suffix}${typeof v.production === 'string' ? `: ${v.production}` : ''}`)
      continue
    }
    const key = `${condition.text} needs\u0000 ${suffix}`
    groups.set(key, [...(groups.get(key) ?? []), v.name])
  }
  for (const [key, names] of groups) out.push(key.replace('\u0000', ` ${names.join(', ')}`))
  return out
}

type Common<T> = Pick<Var<T>, 'doc'> & Partial<Pick<Var<T>, 'when' | 'requiredIf' | 'production' | 'withVar' | 'keepEmpty' | 'shownDefault' | 'type'>>

/** A variable with its own parser. */
export function custom<T>(name: string, spec: Common<T> & { type: string; fallback: T | ((env: Env) => T); parse(raw: string, env: Env): T }): Var<T> {
  const { fallback } = spec
  return {
    shownDefault: '—',
    ...spec,
    name,
    fallback: typeof fallback === 'function' ? (fallback as (env: Env) => T) : () => fallback,
  }
}

const code = (value: string | number) => `\`${value}\``

/** An integer within bounds. */
export function int(name: string, spec: Common<number> & { default: number; min: number; max: number }): Var<number> {
  const { min, max } = spec
  return custom(name, {
    type: `integer ${min}–${max}`,
    shownDefault: code(spec.default),
    ...spec,
    fallback: spec.default,
    parse(raw) {
      const n = Number(raw)
      if (!Number.isInteger(n) || n < min || n > max) throw new Invalid(`${name} must be an integer between ${min} and ${max}, got "${raw}"`)
      return n
    },
  })
}

/** Free text; without a default, undefined when unset. */
export function text(name: string, spec: Common<string> & { default: string }): Var<string>
export function text(name: string, spec: Common<string | undefined>): Var<string | undefined>
export function text(name: string, spec: Common<string | undefined> & { default?: string }): Var<string | undefined> {
  return custom(name, {
    type: 'text',
    shownDefault: spec.default === undefined ? '—' : code(spec.default),
    ...spec,
    fallback: spec.default,
    parse: (raw) => raw,
  })
}

/** One of a few words. */
export function oneOf<const W extends string>(name: string, words: readonly W[], spec: Common<W> & { default: W }): Var<W> {
  return custom(name, {
    type: words.map(code).join(' \\| '),
    shownDefault: code(spec.default),
    ...spec,
    fallback: spec.default,
    parse(raw) {
      if (!(words as readonly string[]).includes(raw)) throw new Invalid(`${name} must be ${words.slice(0, -1).join(', ')} or ${words.at(-1)}, got "${raw}"`)
      return raw as W
    },
  })
}
