/**
 * Words for the guide's numbers and code lists: the core's, so the PWA and
 * the mini-program say the same thing.
 */
export {
  CHECKLIST_STATUS_LABELS, chineseDate, deliveryLabels, feeLabel, formsLabel, lawTitle, levelsLabel,
  promisedDaysLabel, sourceLabel, statutoryDaysLabel,
} from '@tongban/core'
