/**
 * Service halls of the fictional city 示例市, one tree across all four levels:
 *
 *   示例市政务服务中心 (city)
 *   ├─ 东城区政务服务中心 (district)
 *   │   └─ 青山镇便民服务中心 (township)
 *   │       ├─ 杏花村便民服务站 (village)
 *   │       └─ 石桥村便民服务站 (village)
 *   └─ 西湖区政务服务中心 (district)
 *       └─ 湖滨街道便民服务中心 (township)
 *           └─ 柳岸社区便民服务站 (village)
 *
 * Region codes are FICTIONAL: the prefix 3799 is not assigned in GB/T 2260.
 * 379900 stands for the city, 379902 for 东城区, 379903 for 西湖区; halls of
 * townships and villages carry the code of their district (GB/T 2260 stops at
 * county level). Phone numbers are fictional too.
 */
import type { Hall } from '@tongban/core';
export declare const HALL: {
    readonly city: {
        readonly id: "sls-zwfwzx";
        readonly name: "示例市政务服务中心";
        readonly level: "city";
        readonly regionCode: "379900";
        readonly address: "示例市东城区人民大道188号（市民之家）";
        readonly hours: "周一至周五 9:00-12:00，13:30-17:00；周六 9:00-12:00（部分窗口，法定节假日除外）";
        readonly phone: "0799-86112345";
        readonly lat: 31.8206;
        readonly lng: 117.2272;
    };
    readonly dongcheng: {
        readonly id: "dcq-zwfwzx";
        readonly name: "东城区政务服务中心";
        readonly level: "district";
        readonly regionCode: "379902";
        readonly address: "示例市东城区建设路66号";
        readonly hours: "周一至周五 9:00-12:00，13:30-17:00；周六 9:00-12:00";
        readonly phone: "0799-86201234";
        readonly lat: 31.8392;
        readonly lng: 117.2551;
    };
    readonly xihu: {
        readonly id: "xhq-zwfwzx";
        readonly name: "西湖区政务服务中心";
        readonly level: "district";
        readonly regionCode: "379903";
        readonly address: "示例市西湖区湖光路201号";
        readonly hours: "周一至周五 9:00-12:00，13:30-17:00；周六 9:00-12:00";
        readonly phone: "0799-86301234";
        readonly lat: 31.7975;
        readonly lng: 117.1863;
    };
    readonly qingshan: {
        readonly id: "dcq-qsz-bmfwzx";
        readonly name: "东城区青山镇便民服务中心";
        readonly level: "township";
        readonly regionCode: "379902";
        readonly address: "示例市东城区青山镇青山街18号（镇政府东侧）";
        readonly hours: "周一至周五 8:30-12:00，14:00-17:30";
        readonly phone: "0799-86251180";
        readonly lat: 31.9124;
        readonly lng: 117.3318;
    };
    readonly hubin: {
        readonly id: "xhq-hbjd-bmfwzx";
        readonly name: "西湖区湖滨街道便民服务中心";
        readonly level: "township";
        readonly regionCode: "379903";
        readonly address: "示例市西湖区湖滨街道滨河路9号";
        readonly hours: "周一至周五 9:00-12:00，13:30-17:00；周六 9:00-12:00";
        readonly phone: "0799-86351190";
        readonly lat: 31.7802;
        readonly lng: 117.1705;
    };
    readonly xinghua: {
        readonly id: "dcq-qsz-xhc-bmfwz";
        readonly name: "青山镇杏花村便民服务站";
        readonly level: "village";
        readonly regionCode: "379902";
        readonly address: "示例市东城区青山镇杏花村村民委员会一楼";
        readonly hours: "周一至周五 8:30-11:30，14:00-17:00（农忙时节以村务公告为准）";
        readonly phone: "0799-86252031";
        readonly lat: 31.9307;
        readonly lng: 117.3489;
    };
    readonly shiqiao: {
        readonly id: "dcq-qsz-sqc-bmfwz";
        readonly name: "青山镇石桥村便民服务站";
        readonly level: "village";
        readonly regionCode: "379902";
        readonly address: "示例市东城区青山镇石桥村村民服务中心";
        readonly hours: "周一至周五 8:30-11:30，14:00-17:00（农忙时节以村务公告为准）";
        readonly phone: "0799-86252047";
        readonly lat: 31.8968;
        readonly lng: 117.362;
    };
    readonly liuan: {
        readonly id: "xhq-hbjd-lasq-bmfwz";
        readonly name: "湖滨街道柳岸社区便民服务站";
        readonly level: "village";
        readonly regionCode: "379903";
        readonly address: "示例市西湖区湖滨街道柳岸路32号（柳岸社区党群服务中心一楼）";
        readonly hours: "周一至周五 9:00-12:00，13:30-17:30；周六 9:00-12:00";
        readonly phone: "0799-86352266";
        readonly lat: 31.7741;
        readonly lng: 117.1618;
    };
};
export type HallKey = keyof typeof HALL;
export declare const halls: Hall[];
