/**
 * 住房公积金提取申请表: who withdraws, into which account, how much, and
 * what the chosen withdrawal reason (情形 "reason") calls for — a purchase's
 * property certificate (an e-licence will do), a lease's period and rent, a
 * commercial loan's bank — and whether the spouse withdraws too.
 */
import type { FormSchema } from '@tongban/core';
export declare const housingFundWithdrawalForm: FormSchema;
