/**
 * The demo catalogue of the fictional city 示例市: departments, halls and
 * items, written from published national 办事指南. Loaded by the BFF on
 * start-up (`updatedAt` is stamped then).
 */
import { items as agriculture } from './items/agriculture'
import { items as civilAffairs } from './items/civil-affairs'
import { items as disabledPersons } from './items/disabled-persons'
import { items as health } from './items/health'
import { items as housingConstruction } from './items/housing-construction'
import { items as housingFund } from './items/housing-fund'
import { items as humanResources } from './items/human-resources'
import { items as marketRegulation } from './items/market-regulation'
import { items as medicalSecurity } from './items/medical-security'
import { items as naturalResources } from './items/natural-resources'
import { items as publicSecurity } from './items/public-security'
import { items as realEstate } from './items/real-estate'
import { items as transport } from './items/transport'
import { withBlankForms } from '@tongban/core'
import type { SeedItem } from './types'
import { foodLicenceForm } from './forms/food-licence'
import { housingFundWithdrawalForm } from './forms/housing-fund-withdrawal'
import { minimumLivingForm } from './forms/minimum-living'

export { departments, DEPT, CONSULT_PHONE, COMPLAINT_PHONE, SIGNS_ALONE } from './departments'
export { halls, HALL } from './halls'
export type { SeedItem } from './types'

/** Application forms (申请表) by item code; more come as items go online. */
export const seedForms: Record<string, NonNullable<SeedItem['form']>> = {
  'SJ-0001': foodLicenceForm,
  'GJ-0001': housingFundWithdrawalForm,
  'MZ-0001': minimumLivingForm,
}

const allItems: SeedItem[] = [
  ...publicSecurity,
  ...marketRegulation,
  ...humanResources,
  ...medicalSecurity,
  ...housingFund,
  ...civilAffairs,
  ...disabledPersons,
  ...health,
  ...housingConstruction,
  ...naturalResources,
  ...realEstate,
  ...transport,
  ...agriculture,
]

/** Each item with its form, and each blank form its guide promises linked to the PDF the BFF renders. */
export const seedItems: SeedItem[] = allItems.map((item) => withBlankForms(seedForms[item.code] ? { ...item, form: seedForms[item.code] } : item))
