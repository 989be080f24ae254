/*
 * Background Sync for queued submissions (imported into the generated
 * service worker). The app writes its queue to IndexedDB (idb-keyval:
 * database "tongban", store "kv", key "tb.submissions", a JSON string) and
 * registers the sync tag "tb-submit" when it queues one without a network;
 * the browser wakes this worker when the network is back, even with the app
 * closed. Each submission carries its idempotency key, so the app sending
 * the same one again on its next open lands on the same case.
 */
/* eslint-env serviceworker */
const QUEUE_DB = 'tongban'
const QUEUE_STORE = 'kv'
const QUEUE_KEY = 'tb.submissions'

function idb(mode, fn) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(QUEUE_DB)
    open.onupgradeneeded = () => open.result.createObjectStore(QUEUE_STORE)
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction(QUEUE_STORE, mode)
      const req = fn(tx.objectStore(QUEUE_STORE))
      tx.oncomplete = () => { open.result.close(); resolve(req && req.result) }
      tx.onerror = () => { open.result.close(); reject(tx.error) }
    }
  })
}

async function sendQueued() {
  const raw = await idb('readonly', (s) => s.get(QUEUE_KEY))
  let queue = []
  try { queue = raw ? JSON.parse(raw) : [] } catch { return }
  if (!Array.isArray(queue) || !queue.length) return
  const sent = []
  let retry = false
  for (const p of queue) {
    let res
    try {
      res = await fetch('/api/cases', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'idempotency-key': p.key },
        body: JSON.stringify(p.body),
      })
    } catch {
      retry = true
      break
    }
    // Landed (201) or landed before (200): done. A refusal stays for the app to show; a fault is retried later.
    if (res.ok) sent.push(p.key)
    else if (res.status >= 500 || res.status === 409 || res.status === 429) retry = true
  }
  if (sent.length) {
    // Read again: the app may have changed the queue meanwhile.
    const now = await idb('readonly', (s) => s.get(QUEUE_KEY))
    let latest = []
    try { latest = now ? JSON.parse(now) : [] } catch { latest = [] }
    const left = latest.filter((p) => !sent.includes(p.key))
    await idb('readwrite', (s) => s.put(JSON.stringify(left), QUEUE_KEY))
    const clients = await self.clients.matchAll({ type: 'window' })
    for (const c of clients) c.postMessage({ type: 'tb-submitted', keys: sent })
  }
  if (retry) throw new Error('queued submissions still waiting for the network')
}

self.addEventListener('sync', (event) => {
  if (event.tag === 'tb-submit') event.waitUntil(sendQueued())
})
