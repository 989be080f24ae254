/**
 * `npm run build:server`: the BFF as one ES module, server/dist/main.js, for
 * `npm start` (node --enable-source-maps, no TypeScript loader at run time).
 * Our code and the workspace packages (@tongban/core) are bundled; npm
 * dependencies stay external and are loaded from node_modules as they are
 * (native sharp, PGlite's wasm, pdfkit's font data, the Noto font files).
 */
import { builtinModules } from 'node:module'
import { defineConfig } from 'rolldown'

const builtins = new Set(builtinModules)

/**
 * Bare specifiers of npm packages (and node builtins) stay imports; relative
 * paths, @tongban/* and JSON data (the core's holiday tables: an external JSON
 * import would need an import attribute under node) are bundled.
 */
function external(id: string): boolean {
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0') || id.endsWith('.json')) return false
  if (id.startsWith('node:') || builtins.has(id.split('/')[0]!)) return true
  return !id.startsWith('@tongban/')
}

export default defineConfig({
  input: 'server/src/main.ts',
  platform: 'node',
  external,
  tsconfig: 'server/tsconfig.json',
  output: {
    file: 'server/dist/main.js',
    format: 'esm',
    sourcemap: true,
    // Stack traces need the mappings only; the sources are in the tree. Node keeps the map it
    // loads for the life of the process (--enable-source-maps), so it is kept small.
    sourcemapExcludeSources: true,
    codeSplitting: false,
  },
})
