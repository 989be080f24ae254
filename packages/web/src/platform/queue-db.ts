/**
 * Where the PWA keeps the app's storage (idb-keyval's database and store),
 * named once for the page (web-platform.ts) and the service worker, which
 * reads the submission queue there.
 */
export const QUEUE_DB = 'tongban'
export const QUEUE_STORE = 'kv'
