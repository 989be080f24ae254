/**
 * The built PWA at / with hashed assets cached for a year and the shell
 * revalidated, a page shell for any other page address (http/shell.ts), and
 * problem+json for everything else not found (all a worker has beside /healthz).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import { makeProblem } from '@tongban/core'
import { sendProblem } from '../errors'
import { pageShell } from '../http/shell'
import type { PluginOptions } from './options'

export default fp<PluginOptions>(async (app, { config }) => {
  // A worker serves no pages.
  const webRoot = config.processRole === 'worker' ? undefined : config.webRoot
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'))
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      preCompressed: true,
      // .vite/manifest.json is for the BFF (http/shell.ts), not for browsers.
      dotfiles: 'ignore',
      setHeaders(res, path) {
        // Hashed assets never change; the shell and the service worker must always be revalidated.
        if (path.includes(`${join(webRoot, 'assets')}`)) res.header('cache-control', 'public, max-age=31536000, immutable')
        else res.header('cache-control', 'no-cache')
      },
    })
  }

  const shell = hasWeb && webRoot !== undefined ? pageShell(webRoot, app.catalogue) : null
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/'
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html')
    if (shell && wantsPage) return shell.send(path, reply)
    return sendProblem(reply, makeProblem('NOT_FOUND', { instance: path }))
  })
}, { name: 'web', dependencies: ['catalogue'] })
