export interface FieldCipher {
    encrypt(plain: string): string;
    decrypt(sealed: string): string;
}
export declare function fieldCipher(secret: Buffer, label: string): FieldCipher;
