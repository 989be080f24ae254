/**
 * 食品经营许可申请书 as a form schema (fields after the national application
 * form under 《食品经营许可和备案管理办法》): who applies, where, what is sold,
 * the food-safety managers for catering, and the materials that have no
 * e-licence. Shown and checked by both shells and the BFF from this data.
 */
import type { FormSchema } from '@tongban/core';
export declare const foodLicenceForm: FormSchema;
