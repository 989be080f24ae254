/**
 * The demo wallet (SEED on, never in production): what a citizen of 示例市
 * would find after real-name sign-in — 居民身份证, 户口簿, 结婚证 and a
 * 营业执照 — built from the account's own real name, ID number and company
 * when it has them, otherwise from demo values that pass the core's checks.
 */
import { createHash } from 'node:crypto'
import { birthDateOfResidentId, maskResidentId } from '@tongban/core'
import type { NewLicence } from '../store/licences'
import type { FieldCipher } from '../auth/crypto'

export const DEMO_PERSON = { name: '林晓', idNumber: '350102199003072114' }
/** A valid unified social credit code (GB 32100) for the demo company. */
export const DEMO_COMPANY = { name: '示例市好味餐饮有限公司', creditCode: '91350100MA2XHW8K1X' }

export interface WalletOwner {
  accountId: string
  name: string | null
  idNumber: string | null
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

export function demoLicences(owner: WalletOwner, cipher: FieldCipher): NewLicence[] {
  const person = owner.name && owner.idNumber ? { name: owner.name, idNumber: owner.idNumber } : DEMO_PERSON
  const company = owner.company ?? DEMO_COMPANY
  const born = birthDateOfResidentId(person.idNumber)
  const seed = owner.accountId
  const hukouNo = `35010${digits(`${seed}hukou`, 7)}`
  const marriageNo = `J350102-2019-${digits(`${seed}marriage`, 6)}`
  return [
    {
      type: '居民身份证', title: `居民身份证 · ${person.name}`,
      numberMasked: maskResidentId(person.idNumber), numberEnc: cipher.encrypt(person.idNumber),
      holder: person.name, issuer: '示例市公安局鼓楼分局', issuedOn: '2019-03-07', validUntil: '2039-03-07',
    },
    {
      type: '户口簿', title: `户口簿 · ${person.name}`,
      numberMasked: maskMiddle(hukouNo, 4, 2), numberEnc: cipher.encrypt(hukouNo),
      holder: person.name, issuer: '示例市公安局', issuedOn: born < '2008-01-01' ? '2008-06-18' : born, validUntil: null,
    },
    {
      type: '结婚证', title: `结婚证 · ${person.name}`,
      numberMasked: maskMiddle(marriageNo, 8, 3), numberEnc: cipher.encrypt(marriageNo),
      holder: person.name, issuer: '示例市鼓楼区民政局', issuedOn: '2019-10-08', validUntil: null,
    },
    {
      // A company's credit code is public (it is printed on the licence on the wall): shown in full.
      type: '营业执照', title: `营业执照 · ${company.name}`,
      numberMasked: company.creditCode, numberEnc: null,
      holder: company.name, issuer: '示例市市场监督管理局', issuedOn: '2021-05-20', validUntil: null,
    },
  ]
}
