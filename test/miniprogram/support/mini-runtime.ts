/**
 * Runs the built mini-program (miniprogram/dist) under miniprogram-simulate:
 * the official WXML compiler renders Taro's templates, exparser runs the
 * components, and the page's Vue app drives them through setData.
 *
 * WeChat's App() and Page() are stood in for here: a Taro page is
 * registered as a component whose methods are the page's handlers, and its
 * page lifetimes (onLoad, onShow, onReady) are called as WeChat would.
 */
import Module, { createRequire } from 'node:module'
import { join, relative, resolve, sep } from 'node:path'
import { createWxShim, type WxShim, type WxShimOptions } from './wx-shim'

const require = createRequire(join(import.meta.dirname, 'mini-runtime.ts'))

type AnyFn = (...args: unknown[]) => unknown
type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> }

/** A rendered node as j-component's toJSON gives it. */
export interface RenderedNode {
  tagName: string
  attrs: { name: string; value: unknown }[]
  event: Record<string, unknown>
  children: (RenderedNode | string)[]
}

export interface SimulatedComponent {
  instance: Record<string, unknown> & { data: Record<string, unknown> }
  dom: { textContent: string | null }
  attach(parent: unknown): void
  detach(): void
  toJSON(): RenderedNode
  querySelector(sel: string): SimulatedComponent | undefined
  querySelectorAll(sel: string): SimulatedComponent[]
  dispatchEvent(name: string, options?: Record<string, unknown>): void
}

interface Simulate {
  load(path: string, tagName?: string, options?: Record<string, unknown>): string
  render(id: string, props?: Record<string, unknown>): SimulatedComponent
}

export interface MiniProgram {
  wx: WxShim
  /** WXML runtime complaints ("Template `tmpl_0_27` not found"): each is a blank spot on a real phone. */
  renderErrors: string[]
  /**
   * Files fetched with require.async (分包异步化), in order, relative to dist.
   * While `wx.offline` is set a subpackage not yet fetched fails to load, as
   * on a phone; once fetched it stays.
   */
  asyncLoads: string[]
  /** Started in an independent subpackage (StartOptions.independent): the files outside it that something tried to load. */
  outsideRequires: string[]
  /** Opens a page (route without leading slash) with its query, as wx.navigateTo would. */
  openPage(route: string, query?: Record<string, string>): Promise<OpenedPage>
}

export interface OpenedPage {
  component: SimulatedComponent
  /** All visible text of the page, in document order, whitespace collapsed. */
  text(): string
  /** Waits until `predicate(text())` holds. */
  waitForText(predicate: (text: string) => boolean, timeoutMs?: number): Promise<string>
  /** Finds the first node whose own text (or a descendant's) includes `text`, innermost match. */
  findByText(text: string, tagName?: string): RenderedNode | null
  /** First node (document order) carrying this class. */
  findByClass(cls: string): RenderedNode | null
  /** Innermost node that shows `text` and handles taps (what a finger on that text hits). */
  findTappable(text: string): RenderedNode | null
  /** Taps the element as WeChat would: the event goes through exparser to the page's handler. */
  tap(node: RenderedNode): Promise<void>
  /** Types into an input as WeChat reports it: an `input` event with the whole new value. */
  type(node: RenderedNode, value: string): Promise<void>
  /** The input loses focus (`blur`). */
  blur(node: RenderedNode): Promise<void>
  /** Any other event WeChat sends an element, e.g. a getPhoneNumber button's `getphonenumber`. */
  trigger(node: RenderedNode, name: string, detail: Record<string, unknown>): Promise<void>
  /** The citizen pulls the page down (onPullDownRefresh; the page config must enable it). */
  pullDown(): void
  /** The citizen leaves the page (to WeChat's chat, another app) and comes back. */
  show(): void
  /** The citizen leaves the page (another page on top, WeChat's chat) and stays away. */
  hide(): void
  unload(): void
}

export function textOf(node: RenderedNode | string): string {
  if (typeof node === 'string') return node
  return node.children.map(textOf).join(' ')
}

export function attr(node: RenderedNode, name: string): unknown {
  return node.attrs.find((a) => a.name === name)?.value
}

export function findByClass(n: RenderedNode | string, cls: string): RenderedNode | null {
  if (typeof n === 'string') return null
  if (String(attr(n, 'class') ?? '').split(/\s+/).includes(cls)) return n
  for (const c of n.children) {
    const f = findByClass(c, cls)
    if (f) return f
  }
  return null
}

/** The first node with this class on the page; a test that misses it fails with the page's text. */
export function byClass(page: OpenedPage, cls: string): RenderedNode {
  const node = page.findByClass(cls)
  if (!node) throw new Error(`no .${cls} on the page:\n${page.text()}`)
  return node
}

/** What a finger on `label` hits on the page; a test that misses it fails with the page's text. */
export function tappable(page: OpenedPage, label: string): RenderedNode {
  const node = page.findTappable(label)
  if (!node) throw new Error(`nothing to tap for “${label}”:\n${page.text()}`)
  return node
}

/** The node of this id on the page; a test that misses it fails with the page's text. */
export function byId(page: OpenedPage, id: string): RenderedNode {
  let found: RenderedNode | null = null
  const visit = (n: RenderedNode | string) => {
    if (typeof n === 'string' || found) return
    if (attr(n, 'id') === id) found = n
    else n.children.forEach(visit)
  }
  visit(page.component.toJSON())
  if (!found) throw new Error(`no #${id} on the page:\n${page.text()}`)
  return found
}

/** What a finger on `label` hits inside `root` (the deepest tappable node holding it: the page may show the label elsewhere too). */
export function tappableIn(root: RenderedNode, label: string): RenderedNode {
  let found: RenderedNode | null = null
  const visit = (n: RenderedNode | string) => {
    if (typeof n === 'string' || !textOf(n).includes(label)) return
    if ('tap' in n.event) found = n
    n.children.forEach(visit)
  }
  visit(root)
  if (!found) throw new Error(`nothing to tap for “${label}” in #${String(attr(root, 'id'))}: ${textOf(root)}`)
  return found
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

export async function waitFor<T>(fn: () => T | undefined | null | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const start = Date.now()
  for (;;) {
    const v = fn()
    if (v) return v
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

export interface StartOptions extends WxShimOptions {
  /**
   * Starts in an independent subpackage (its root, `packages/queue`) as WeChat does when a scanned code opens
   * one of its pages: the main package is not there — its app.js never runs, getApp() answers undefined, and
   * requiring any of its files fails as WeChat's "module … is not defined" (recorded in `outsideRequires`).
   */
  independent?: string
}

/** Loads dist/app.js once per process: Taro's runtime is a singleton. */
export function startMiniProgram(dist: string, options: StartOptions = {}): MiniProgram {
  const wx = createWxShim(options)
  const g = globalThis as Record<string, unknown>
  // simulate merges its own wx API mocks under ours.
  g.wx = wx.api
  const simulate = require('miniprogram-simulate') as Simulate
  markTapGestures(wx)

  const renderErrors: string[] = []
  for (const level of ['error', 'warn'] as const) {
    const original = console[level].bind(console)
    console[level] = (...args: unknown[]) => {
      const message = args.map(String).join(' ')
      if (/WXMLRT|not found/.test(message)) renderErrors.push(message)
      original(...args)
    }
  }

  let appInstance: Record<string, unknown> | null = null
  const pageStack: Record<string, unknown>[] = []
  g.App = (options: Record<string, unknown>) => { appInstance = options }
  g.getApp = () => appInstance
  g.getCurrentPages = () => pageStack
  g.Page = (options: PageOptions) => {
    const methods: Record<string, AnyFn> = {}
    for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v as AnyFn
    const Component = g.Component as (def: Record<string, unknown>) => void
    Component({ data: options.data ?? {}, methods })
  }

  const asyncLoads: string[] = []
  installRequireAsync(dist, (file) => {
    if (asyncLoads.includes(file)) return true
    if (wx.offline) return false
    asyncLoads.push(file)
    return true
  })

  const outsideRequires: string[] = []
  if (options.independent) {
    // An independent subpackage must not register an App (WeChat: undefined behaviour); only the main package does.
    g.App = () => { throw new Error(`App() called from the independent subpackage ${options.independent}`) }
    g.getApp = () => undefined
    confineRequires(dist, options.independent, outsideRequires)
  } else {
    require(join(dist, 'app.js'))
    if (!appInstance) throw new Error('dist/app.js did not call App()')
    const app = appInstance as Record<string, AnyFn>
    const launch = { path: 'pages/home/index', query: {}, scene: 1001 }
    app.onLaunch?.call(app, launch)
    app.onShow?.call(app, launch)
  }

  // An independent subpackage is compiled as WeChat does it, on its own: its templates may import nothing outside it.
  const rootPath = options.independent ? join(dist, options.independent) : dist

  async function openPage(route: string, query: Record<string, string> = {}): Promise<OpenedPage> {
    const id = simulate.load(join(dist, route), 'page', { rootPath })
    const component = simulate.render(id)
    const parent = (globalThis as unknown as { document: { createElement(t: string): unknown } }).document.createElement('div')
    component.attach(parent)
    const page = component.instance as Record<string, unknown>
    const lifetime = (name: string, ...args: unknown[]) => (page[name] as AnyFn | undefined)?.call(page, ...args)
    page.route = route
    page.__route__ = route
    page.options = query
    pageStack.push(page)
    lifetime('onLoad', { ...query })
    lifetime('onShow')
    lifetime('onReady')

    const tree = (): RenderedNode => component.toJSON()
    const text = () => collapse(textOf(tree()))

    function findByText(needle: string, tagName?: string): RenderedNode | null {
      let found: RenderedNode | null = null
      const visit = (n: RenderedNode | string) => {
        if (typeof n === 'string') return
        if (!collapse(textOf(n)).includes(needle)) return
        if (!tagName || n.tagName === tagName) found = n
        n.children.forEach(visit)
      }
      visit(tree())
      return found
    }

    function findTappable(needle: string): RenderedNode | null {
      let found: RenderedNode | null = null
      const visit = (n: RenderedNode | string) => {
        if (typeof n === 'string' || !collapse(textOf(n)).includes(needle)) return
        if ('tap' in n.event) found = n
        n.children.forEach(visit)
      }
      visit(tree())
      return found
    }

    function dispatch(node: RenderedNode, name: string, detail: Record<string, unknown>): Promise<void> {
      const sid = String(attr(node, 'id'))
      const el = component.querySelector(`#${sid}`)
      if (!el) throw new Error(`no element #${sid} to send ${name} to`)
      el.dispatchEvent(name, { detail })
      return new Promise((r) => setTimeout(r, 0))
    }

    return {
      component,
      text,
      findByText,
      findByClass: (cls) => findByClass(tree(), cls),
      findTappable,
      tap: (node) => dispatch(node, 'tap', { x: 0, y: 0 }),
      type: (node, value) => dispatch(node, 'input', { value, cursor: value.length, keyCode: 0 }),
      blur: (node) => dispatch(node, 'blur', { value: attr(node, 'value') ?? '' }),
      trigger: dispatch,
      pullDown: () => { lifetime('onPullDownRefresh') },
      show: () => { lifetime('onHide'); lifetime('onShow') },
      hide: () => { lifetime('onHide') },
      async waitForText(predicate, timeoutMs = 10_000) {
        try {
          return await waitFor(() => (predicate(text()) ? text() : null), timeoutMs, 'page text')
        } catch (e) {
          throw new Error(`${(e as Error).message}; page text was:\n${text()}`)
        }
      },
      unload() {
        lifetime('onUnload')
        pageStack.splice(pageStack.indexOf(page), 1)
        component.detach()
      },
    }
  }

  return { wx, renderErrors, asyncLoads, openPage, outsideRequires }
}

/**
 * Any file of the built mini-program outside `root` fails to load, as it does on a phone that opened the
 * independent subpackage `root` without the main package; each such file is recorded.
 */
function confineRequires(dist: string, root: string, outside: string[]): void {
  const M = Module as unknown as { _resolveFilename(request: string, parent: unknown, ...rest: unknown[]): string }
  const distDir = resolve(dist) + sep
  const inside = resolve(dist, root) + sep
  const original = M._resolveFilename
  M._resolveFilename = function (this: unknown, request: string, parent: unknown, ...rest: unknown[]): string {
    const file = original.call(this, request, parent, ...rest)
    if (file.startsWith(distDir) && !file.startsWith(inside)) {
      const rel = relative(dist, file)
      outside.push(rel)
      throw new Error(`module "${rel}" is not defined (the independent subpackage ${root} cannot load the main package)`)
    }
    return file
  }
}

/**
 * WeChat lets some APIs (wx.requestSubscribeMessage) run only from a tap: while the tap event is being
 * dispatched, its handlers' synchronous part included, and not after anything they await. j-component
 * dispatches an event in a microtask through exparser, so the shim is told around exparser's dispatch of
 * each tap, not around the test's call.
 */
function markTapGestures(wx: WxShim): void {
  const exparser = require('miniprogram-exparser') as { Event: { dispatchEvent(target: unknown, event: { type?: string }): unknown } }
  const events = exparser.Event as typeof exparser.Event & { __tongbanTaps?: { shim: WxShim } }
  if (events.__tongbanTaps) {
    events.__tongbanTaps.shim = wx
    return
  }
  const taps = { shim: wx }
  events.__tongbanTaps = taps
  const dispatch = events.dispatchEvent.bind(events)
  events.dispatchEvent = (target, event) => {
    if (event.type !== 'tap') return dispatch(target, event)
    taps.shim.inTap = true
    try {
      return dispatch(target, event)
    } finally {
      taps.shim.inTap = false
    }
  }
}

/**
 * WeChat's require.async for the built code, which Node's require lacks: the
 * module wrapper of every file that calls it gets one. `fetch` says whether
 * the file's package downloads (false: it fails as WeChat's does, with
 * `{ mod, errMsg }`); then the file is required.
 */
function installRequireAsync(dist: string, fetch: (file: string) => boolean): void {
  const g = globalThis as Record<string, unknown>
  g.__tongbanRequireAsync = (req: NodeJS.Require, from: string, path: string) => {
    const file = resolve(from, '..', path)
    const rel = file.slice(resolve(dist).length + 1)
    return new Promise((ok, fail) => setTimeout(() => {
      if (fetch(rel)) ok(req(file))
      else fail({ mod: rel, errMsg: 'loadSubpackage: fail network error' })
    }, 0))
  }
  const M = Module as unknown as { wrap(script: string): string; __tongbanWrapped?: boolean }
  if (M.__tongbanWrapped) return
  const wrap = M.wrap
  const shim = 'require.async = (p) => globalThis.__tongbanRequireAsync(require, __filename, p);'
  M.wrap = (script: string) => {
    if (!script.includes('require.async(')) return wrap(script)
    // After the "use strict" directive, which must stay first.
    const strict = /^\s*(["'])use strict\1;?/.exec(script)?.[0] ?? ''
    return wrap(strict + shim + script.slice(strict.length))
  }
  M.__tongbanWrapped = true
}
