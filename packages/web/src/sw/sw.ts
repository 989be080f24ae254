/**
 * The PWA's service worker (built by vite-plugin-pwa's injectManifest):
 * the app shell and its assets precached, so the app opens with no
 * network; every page address answered with the shell; guides and the
 * catalogue cached as they are read (stale-while-revalidate), so a guide
 * seen once opens offline; Background Sync of the submission queue
 * (sync.ts); and Web Push notifications, a tap opening the case (push.ts). A new version takes over at once (the app updates itself;
 * workbox-window in src/pwa/register.ts registers it).
 */
import { clientsClaim } from 'workbox-core'
import { ExpirationPlugin } from 'workbox-expiration'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { StaleWhileRevalidate } from 'workbox-strategies'
import { SYNC_TAG } from '@tongban/app/queue'
import { sendQueued, workerIo } from './sync'
import { acknowledgeShown, notificationOptions, openNotificationTarget, pushData, renewSubscription } from './push'

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

self.addEventListener('push', (event) => {
  const data = pushData(event.data?.text() ?? null)
  event.waitUntil(self.registration.showNotification(data.title, notificationOptions(data)).then(() => acknowledgeShown(fetch, data)))
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const url = (event.notification.data as { url?: unknown } | null)?.url
  event.waitUntil(openNotificationTarget({
    origin: self.location.origin,
    windows: () => self.clients.matchAll({ type: 'window', includeUncontrolled: true }),
    open: (target) => self.clients.openWindow(target),
  }, url))
})

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(renewSubscription({
    subscribe: (applicationServerKey) => self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey }),
    fetch: (url, init) => fetch(url, init),
  }, event.oldSubscription, event.newSubscription))
})
