/**
 * The PWA's service worker (built by vite-plugin-pwa's injectManifest):
 * the app shell and its assets precached, so the app opens with no
 * network; every page address answered with the shell; guides and the
 * catalogue cached as they are read (stale-while-revalidate), so a guide
 * seen once opens offline; and Background Sync of the submission queue
 * (sync.ts). A new version takes over at once (the app updates itself;
 * workbox-window in src/pwa/register.ts registers it).
 */
import { clientsClaim } from 'workbox-core'
import { ExpirationPlugin } from 'workbox-expiration'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { StaleWhileRevalidate } from 'workbox-strategies'
import { SYNC_TAG } from '@tongban/app/queue'
import { sendQueued, workerIo } from './sync'

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] }

void self.skipWaiting()
clientsClaim()
cleanupOutdatedCaches()
precacheAndRoute(self.__WB_MANIFEST)

// Addresses the BFF answers itself are never the shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/healthz/, /^\/dev\//] }))

registerRoute(
  ({ url }) => url.pathname.startsWith('/api/items/') || url.pathname === '/api/catalogue',
  new StaleWhileRevalidate({ cacheName: 'tongban-guides', plugins: [new ExpirationPlugin({ maxEntries: 500 })] }),
)

self.addEventListener('sync', (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(sendQueued(workerIo(self)))
})
