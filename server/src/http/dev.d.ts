/**
 * /dev/inbox: the text messages the local fake SMS provider accepted, so a
 * new user can sign in with no SMS account. Only registered when the fake
 * provider is in use and NODE_ENV is not production.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ProductClock } from '../clock';
/**
 * /dev/* answers this computer only: a request straight from a loopback
 * address, not forwarded by a proxy. The inbox shows every sign-in code, so
 * anyone else on the network (the embedded default listens on all
 * interfaces) could otherwise sign in as anyone. The socket's address is
 * checked, not `request.ip`, which a trusted proxy may set.
 */
export declare function fromThisComputer(request: FastifyRequest): boolean;
/** Registers the dev routes inside one scope whose every request must come from this computer (else 404, as if absent). */
export declare function devOnly(register: (app: FastifyInstance) => Promise<void>): (app: FastifyInstance) => Promise<void>;
export interface InboxMessage {
    phone: string;
    text: string;
    at: string;
}
export declare function devRoutes(messages: () => InboxMessage[]): (app: FastifyInstance) => Promise<void>;
/**
 * /dev/wechat/login-code?openid=… and /dev/wechat/phone-code?phone=…: codes the
 * local fake WeChat API accepts once, standing in for wx.login and
 * getPhoneNumber in the simulator and the demo.
 */
export declare function devWechatRoutes(fake: {
    issueLoginCode(openid: string, unionid?: string): string;
    issuePhoneCode(phone: string): string;
}): (app: FastifyInstance) => Promise<void>;
/**
 * /dev/clock: moves the running product to another moment — `{ "at": "2026-03-02T10:00:00+08:00" }`,
 * the clock runs on from there — or back to real time (`{ "at": null }`), so a browser test or a demo
 * sees deadlines come and pass as the product would. GET tells the time the product reads now.
 */
export declare function devClockRoutes(clock: ProductClock): (app: FastifyInstance) => Promise<void>;
