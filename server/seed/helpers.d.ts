/**
 * Small builders shared by the item files, so that the same paper (居民身份证,
 * 授权委托书 …) reads the same everywhere and the item files stay readable.
 */
import type { HallLevel, ItemLocation, Material, Situation } from '@tongban/core';
import { type HallKey } from './halls';
type MaterialExtra = Partial<Omit<Material, 'id' | 'name'>>;
/** A material: by default one original, required, brought by the applicant. */
export declare function mat(id: string, name: string, extra?: MaterialExtra): Material;
/** A form the applicant fills in (blank form and sample available online or at the window). */
export declare function form(id: string, name: string, extra?: MaterialExtra): Material;
export declare function idCard(extra?: MaterialExtra & {
    id?: string;
    name?: string;
}): Material;
export declare function hukouBook(extra?: MaterialExtra & {
    id?: string;
    name?: string;
}): Material;
export declare function businessLicence(extra?: MaterialExtra & {
    id?: string;
    name?: string;
}): Material;
/** 授权委托书 and the agent's ID: conditional, brought in by `proxySituation`. */
export declare function proxyMaterials(condition?: string): Material[];
export declare function proxySituation(question?: string, selfLabel?: string): Situation;
/**
 * Where an item is handled: every hall of the given levels (optionally only
 * the listed halls), each with the window named for its level.
 * Spread the result into the item: `...where({ district: '公安户政窗口' })`.
 */
export declare function where(windows: Partial<Record<HallLevel, string>>, only?: HallKey[]): {
    levels: HallLevel[];
    locations: ItemLocation[];
};
type Named = MaterialExtra & {
    id?: string;
    name?: string;
};
export declare function photo(extra?: Named): Material;
export declare function residencePermit(condition: string, extra?: Named): Material;
export declare function marriageCert(condition: string, extra?: Named): Material;
export declare function propertyCert(condition: string, extra?: Named): Material;
export declare function disabilityCard(condition: string, extra?: Named): Material;
export {};
