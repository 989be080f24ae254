// @vitest-environment happy-dom
/**
 * Screen readers: the accessible names and roles the sources give
 * (aria-label, aria-role, aria-checked) reach the built WXML — in
 * base.wxml's templates and on the rendered page — where Taro 4.2 dropped
 * them (config/aria.ts).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'
import { startBff, type TestBff } from './support/bff'
import { attr, startMiniProgram, type MiniProgram, type RenderedNode } from './support/mini-runtime'

let bff: TestBff
let mp: MiniProgram

beforeAll(async () => {
  ensureMiniprogramBuilt()
  bff = await startBff()
  mp = startMiniProgram(DIST, { bffUrl: bff.url })
})

afterAll(async () => {
  await bff?.close()
})

/** The template a tag name is written in, e.g. every `<view …>` of base.wxml. */
function openingTags(wxml: string, tag: string): string[] {
  return [...wxml.matchAll(new RegExp(`<${tag}\\s[^>]*>`, 'g'))].map((m) => m[0])
}

/** Nodes carrying an attribute (the simulator names attributes in camelCase: ariaLabel). */
function nodesWith(root: RenderedNode | string, name: string): RenderedNode[] {
  if (typeof root === 'string') return []
  const own = root.attrs.some((a) => a.name === name && a.value !== undefined && a.value !== '') ? [root] : []
  return [...own, ...root.children.flatMap((c) => nodesWith(c, name))]
}

// The independent subpackage 排队取号 has a base.wxml of its own (config/independent.ts), made by the same plugin.
describe.each(['base.wxml', 'packages/queue/base.wxml'])('%s', (file) => {
  const wxml = () => readFileSync(join(DIST, file), 'utf8')

  it.each(file === 'base.wxml' ? ['view', 'text', 'button', 'input'] : ['view', 'text', 'input'])('passes aria-label and aria-role through every <%s> template', (tag) => {
    // Taro's pure-view and click-view (class, style, a tap) stand for views with no other attribute: none to pass.
    const tags = openingTags(wxml(), tag).filter((t) => /hover-class|type=|value=|src=|decode=|user-select=|selectable=/.test(t))
    expect(tags.length).toBeGreaterThan(0)
    for (const t of tags) {
      expect(t).toMatch(/ aria-label="\{\{i\.p\d+\}\}"/)
      expect(t).toMatch(/ aria-role="\{\{i\.p\d+\}\}"/)
    }
  })
})

describe('a rendered page', () => {
  it('carries the names and roles of 首页 (the 我的 link, 办件查询, the 长辈模式 switch)', async () => {
    const page = await mp.openPage('pages/home/index')
    await page.waitForText((t) => t.includes('长辈模式'))
    const tree = page.component.toJSON()
    const labels = nodesWith(tree, 'ariaLabel').map((n) => String(attr(n, 'ariaLabel')))
    expect(labels).toEqual(expect.arrayContaining(['办件查询：不用登录，输入办件编号查进度', '长辈模式']))
    const toggle = nodesWith(tree, 'ariaRole').find((n) => attr(n, 'ariaRole') === 'switch')
    expect(toggle && attr(toggle, 'ariaLabel')).toBe('长辈模式')
    expect(String(attr(toggle!, 'ariaChecked'))).toBe('false')
    page.unload()
  })
})

it('renders every element it is given (no missing WXML templates)', () => {
  expect(mp.renderErrors).toEqual([])
})
