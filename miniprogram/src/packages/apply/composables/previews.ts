/**
 * Photos picked on this phone, by their upload's id: the temporary file
 * WeChat gave, so the review can show a thumbnail without downloading what
 * was just sent. Kept for the session only (a temporary path means nothing
 * later, and a device path has no place in a draft); a file without one
 * shows a badge instead.
 */
const previews = new Map<string, string>()

export function rememberPreview(fileId: string, path: string): void {
  previews.set(fileId, path)
}

export function previewOf(fileId: string): string | null {
  return previews.get(fileId) ?? null
}
