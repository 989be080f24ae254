/**
 * 最低生活保障申请书: the applicant, where the household lives, every member
 * living together (relation, ID, monthly income, whether able to work),
 * the household's savings and vehicles, why it applies, and the
 * authorisation to check the family's finances (家庭经济状况核对授权书),
 * without which the civil-affairs office cannot decide.
 */
import type { FormSchema } from '@tongban/core';
export declare const minimumLivingForm: FormSchema;
