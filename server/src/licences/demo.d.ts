import type { NewLicence } from '../store/licences';
import type { FieldCipher } from '../auth/crypto';
export declare const DEMO_PERSON: {
    name: string;
    idNumber: string;
};
/** A valid unified social credit code (GB 32100) for the demo company. */
export declare const DEMO_COMPANY: {
    name: string;
    creditCode: string;
};
export interface WalletOwner {
    accountId: string;
    name: string | null;
    idNumber: string | null;
    company: {
        name: string;
        creditCode: string;
    } | null;
}
export declare function demoLicences(owner: WalletOwner, cipher: FieldCipher): NewLicence[];
