/**
 * Departments (实施主体) of the fictional city 示例市.
 * Names follow the usual titles of municipal bodies after the 2018/2023
 * institutional reforms; the city and all phone numbers are fictional.
 */
import type { Department } from '@tongban/core';
export declare const DEPT: {
    readonly gaj: {
        readonly code: "gaj";
        readonly name: "示例市公安局";
    };
    readonly scjg: {
        readonly code: "scjg";
        readonly name: "示例市市场监督管理局";
    };
    readonly rsj: {
        readonly code: "rsj";
        readonly name: "示例市人力资源和社会保障局";
    };
    readonly ybj: {
        readonly code: "ybj";
        readonly name: "示例市医疗保障局";
    };
    readonly gjj: {
        readonly code: "gjj";
        readonly name: "示例市住房公积金管理中心";
    };
    readonly mzj: {
        readonly code: "mzj";
        readonly name: "示例市民政局";
    };
    readonly cl: {
        readonly code: "cl";
        readonly name: "示例市残疾人联合会";
    };
    readonly wjw: {
        readonly code: "wjw";
        readonly name: "示例市卫生健康委员会";
    };
    readonly zjj: {
        readonly code: "zjj";
        readonly name: "示例市住房和城乡建设局";
    };
    readonly zrzy: {
        readonly code: "zrzy";
        readonly name: "示例市自然资源和规划局";
    };
    readonly bdc: {
        readonly code: "bdc";
        readonly name: "示例市不动产登记中心";
    };
    readonly jtj: {
        readonly code: "jtj";
        readonly name: "示例市交通运输局";
    };
    readonly nyj: {
        readonly code: "nyj";
        readonly name: "示例市农业农村局";
    };
};
export type DeptCode = keyof typeof DEPT;
export declare const departments: Department[];
/** 咨询电话 per department (fictional numbers in the form 0xxx-xxxxxxxx). */
export declare const CONSULT_PHONE: Record<DeptCode, string>;
/** 监督投诉: the 12345 government service hotline. */
export declare const COMPLAINT_PHONE = "12345";
