/**
 * The demo wallet (SEED on, never in production): what a citizen of 示例市
 * would find after real-name sign-in — 居民身份证, 居民户口簿 and 结婚证 issued
 * to the account's own real name and ID number, and a 营业执照 of its
 * company (the profile's; else the 个体工商户 the person runs). Never a
 * fixed person's: without a real name there is nothing to issue, and the
 * wallet stays empty until one is given.
 */
import { createHash } from 'node:crypto'
import { birthDateOfResidentId, creditCodeCheckCharacter, maskResidentId, type RealName } from '@tongban/core'
import type { NewLicence } from '../store/licences'
import type { FieldCipher } from '../auth/crypto'

export interface WalletOwner {
  accountId: string
  realName: RealName
  company: { name: string; creditCode: string } | null
}

/** Digits derived from the account, so a wallet looks the same however often it is rebuilt. */
function digits(seed: string, n: number): string {
  const hex = createHash('sha256').update(seed).digest('hex')
  return [...hex].map((c) => String(parseInt(c, 16) % 10)).join('').slice(0, n)
}

function maskMiddle(s: string, keepStart: number, keepEnd: number): string {
  return s.slice(0, keepStart) + '*'.repeat(Math.max(0, s.length - keepStart - keepEnd)) + s.slice(s.length - keepEnd)
}

/** The 个体工商户 a person without a company on the profile runs: 92 (个体工商户), 鼓楼区 350102, a valid check character. */
export function demoShopOf(owner: Pick<WalletOwner, 'accountId' | 'realName'>): { name: string; creditCode: string } {
  const first17 = `92350102${digits(`${owner.accountId}shop`, 9)}`
  return { name: `示例市鼓楼区${owner.realName.name}小吃店`, creditCode: first17 + creditCodeCheckCharacter(first17) }
}

/** `idHash`: the keyed hash accounts keep of an ID number (the holder of a person's licence). */
export function demoLicences(owner: WalletOwner, cipher: FieldCipher, idHash: (idNumber: string) => string): NewLicence[] {
  const person = owner.realName
  const company = owner.company ?? demoShopOf(owner)
  const born = birthDateOfResidentId(person.idNumber)
  const seed = owner.accountId
  const hukouNo = `35010${digits(`${seed}hukou`, 7)}`
  const marriageNo = `J350102-2019-${digits(`${seed}marriage`, 6)}`
  const personal = { holder: person.name, holderKind: 'person' as const, holderIdHash: idHash(person.idNumber) }
  return [
    {
      type: '居民身份证', title: `居民身份证 · ${person.name}`,
      numberMasked: maskResidentId(person.idNumber), numberEnc: cipher.encrypt(person.idNumber),
      ...personal, issuer: '示例市公安局鼓楼分局', issuedOn: '2019-03-07', validUntil: '2039-03-07',
    },
    {
      type: '居民户口簿', title: `居民户口簿 · ${person.name}`,
      numberMasked: maskMiddle(hukouNo, 4, 2), numberEnc: cipher.encrypt(hukouNo),
      ...personal, issuer: '示例市公安局', issuedOn: born < '2008-01-01' ? '2008-06-18' : born, validUntil: null,
    },
    {
      type: '结婚证', title: `结婚证 · ${person.name}`,
      numberMasked: maskMiddle(marriageNo, 8, 3), numberEnc: cipher.encrypt(marriageNo),
      ...personal, issuer: '示例市鼓楼区民政局', issuedOn: '2019-10-08', validUntil: null,
    },
    {
      // A company's credit code is public (it is printed on the licence on the wall): shown in full.
      type: '营业执照', title: `营业执照 · ${company.name}`,
      numberMasked: company.creditCode, numberEnc: null,
      holder: company.name, holderKind: 'company', holderCreditCode: company.creditCode,
      issuer: '示例市市场监督管理局', issuedOn: '2021-05-20', validUntil: null,
    },
  ]
}
