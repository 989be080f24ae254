/**
 * A photo shrunk on the phone before it was sent, said the same way by both
 * shells: the citizen sees a smaller size (and perhaps another name) than
 * the file they picked, and must not think the file was spoiled.
 */
import { fileSizeText } from './file-size'

export interface ShrunkPhoto {
  /** The name the picked file had (the PWA: the file's; the mini-program: the material's, with the picked extension). */
  fromName: string
  fromSize: number
}

/** Whether the photo sent differs from the one picked (smaller, or renamed): only then is there something to say. */
export function wasShrunk(from: ShrunkPhoto, sent: { name: string; size: number }): boolean {
  return sent.size < from.fromSize || sent.name !== from.fromName
}

/** 已为您缩小照片（原图3.2MB，IMG_0001.png 存为 IMG_0001.jpg），上传更快，窗口照样看得清 — the new name only when it changed. */
export function shrunkPhotoText(from: ShrunkPhoto, sentName: string | null | undefined): string {
  const renamed = sentName && sentName !== from.fromName ? `，${from.fromName} 存为 ${sentName}` : ''
  return `已为您缩小照片（原图${fileSizeText(from.fromSize)}${renamed}），上传更快，窗口照样看得清`
}
