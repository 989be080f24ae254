/**
 * Encryption of personal data at rest (resident ID numbers): AES-256-GCM with
 * a key derived from the server secret (HKDF-SHA256, its own label), a fresh
 * 12-byte IV per value, stored as `v1.<iv>.<tag>.<ciphertext>` in base64url.
 * A keyed hash (HMAC) finds equal values without decrypting.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

export interface FieldCipher {
  encrypt(plain: string): string
  decrypt(sealed: string): string
}

export function fieldCipher(secret: Buffer, label: string): FieldCipher {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `tongban field ${label}`, 32))
  return {
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
    },
    decrypt(sealed) {
      const [v, iv, tag, body] = sealed.split('.')
      if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    },
  }
}
