import { describe, expect, it } from 'vitest'
import { shrunkPhotoText, wasShrunk } from './shrunk-photo'

describe('shrunkPhotoText', () => {
  it('names the original size and, when it changed, the new name', () => {
    const from = { fromName: 'IMG_0001.png', fromSize: 3.2 * 1024 * 1024 }
    expect(shrunkPhotoText(from, 'IMG_0001.jpg')).toBe('已为您缩小照片（原图3.2MB，IMG_0001.png 存为 IMG_0001.jpg），上传更快，窗口照样看得清')
    expect(shrunkPhotoText(from, 'IMG_0001.png')).toBe('已为您缩小照片（原图3.2MB），上传更快，窗口照样看得清')
  })

  it('has something to say only when the photo sent is smaller or renamed', () => {
    const from = { fromName: 'a.png', fromSize: 2048 }
    expect(wasShrunk(from, { name: 'a.png', size: 2048 })).toBe(false)
    expect(wasShrunk(from, { name: 'a.png', size: 1024 })).toBe(true)
    expect(wasShrunk(from, { name: 'a.jpg', size: 2048 })).toBe(true)
  })
})
