/** The value of a Taro input event (`detail.value`), whatever the template's DOM typing says. */
export function inputValue(event: unknown): string {
  const value = (event as { detail?: { value?: unknown } } | null)?.detail?.value
  return typeof value === 'string' ? value : String(value ?? '')
}
