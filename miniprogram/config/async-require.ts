/**
 * Loads a lazy chunk the way WeChat loads code from another package
 * (分包异步化): every `import()` in the mini-program build becomes
 * `require.async("<path relative to the importing file>")`, which downloads
 * the chunk's subpackage first and resolves to its exports. The path stays a
 * literal, as WeChat's code analysis (miniprogram-ci analyseCode) wants.
 */
import type { Plugin } from 'vite'

export function asyncRequire(): Plugin {
  return {
    name: 'tongban:async-require',
    renderDynamicImport({ format }) {
      return format === 'cjs' ? { left: 'require.async(', right: ')' } : null
    },
  }
}
