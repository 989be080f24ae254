/**
 * PDF materials on the workbench, drawn by pdf.js onto a canvas instead of
 * handed to the browser's PDF plugin inside our origin: pdf.js has no
 * script engine (the document's JavaScript, form actions and links never
 * run; eval off, XFA off, annotations not drawn), and the bytes are read
 * with the staff session like any other request. The BFF serves the file
 * as a sandboxed attachment besides. The legacy build, for the older
 * browsers on office PCs; loaded when the first PDF is opened, and kept
 * out of the service worker's precache (vite.config.ts).
 */
export interface PdfHandle {
  pages: number
  /** Draws page `n` (from 1) fitted to `width` CSS pixels, sharp on the screen's pixel ratio. */
  render(n: number, canvas: HTMLCanvasElement, width: number): Promise<void>
  close(): Promise<void>
}

export async function openPdf(url: string): Promise<PdfHandle> {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'),
  ])
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default
  const res = await fetch(url, { credentials: 'same-origin' })
  if (!res.ok) throw new Error(`material answered ${res.status}`)
  const data = new Uint8Array(await res.arrayBuffer())
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false, verbosity: 0 }).promise
  return {
    pages: doc.numPages,
    async render(n, canvas, width) {
      const page = await doc.getPage(n)
      const ratio = window.devicePixelRatio || 1
      const viewport = page.getViewport({ scale: (width / page.getViewport({ scale: 1 }).width) * ratio })
      canvas.width = Math.floor(viewport.width)
      canvas.height = Math.floor(viewport.height)
      canvas.style.width = `${width}px`
      await page.render({ canvas, viewport, annotationMode: pdfjs.AnnotationMode.DISABLE }).promise
    },
    close: () => doc.destroy(),
  }
}
