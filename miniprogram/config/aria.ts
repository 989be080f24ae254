/**
 * The ARIA attributes WeChat reads out (基础库 2.7.1+, "aria-component":
 * aria-role, aria-label, aria-checked and more) that our pages use, on the
 * components they put them on. Taro 4.2 writes into base.wxml only the attributes it knows
 * for a component, and knows none of these, so a screen reader got nothing:
 * `config/aria-plugin.ts` adds them to the build's templates and `src/app.ts`
 * to the runtime's table, which must name the same ones (Taro sends each
 * attribute under a short alias counted from that table).
 */
// Only those our templates use: each one is written into every template of every component below
// (~1.8 KB of the main package's base.wxml apiece). Add one here when a page starts using it.
const ATTRIBUTES = ['aria-role', 'aria-label', 'aria-checked'] as const

/** Components (as Taro names them) that carry them in our templates, or in NutUI's (nut-button: button or view). */
const COMPONENTS = ['View', 'Text', 'Button', 'Input', 'Textarea'] as const

/**
 * `{ View: { 'aria-role': '', … }, … }`, keyed as Taro's own table is (dashed names, written
 * as is into the template; '' = no default, so nothing is read out unless the page sets it).
 */
export function ariaComponents(): Record<string, Record<string, string>> {
  const attrs = Object.fromEntries(ATTRIBUTES.map((a) => [a, '']))
  return Object.fromEntries(COMPONENTS.map((c) => [c, { ...attrs }]))
}

export const ARIA_ATTRIBUTES: readonly string[] = ATTRIBUTES
