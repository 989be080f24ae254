/**
 * WeChat sign-in for the mini-program: the wx.login code becomes a session
 * (an account per openid, created on first use); the getPhoneNumber code
 * binds a phone, and if that phone already has an account (signed in on the
 * web), that account takes the WeChat identity over: one person, one account.
 */
import type { FastifyInstance } from 'fastify';
import type { WechatClient } from '../connectors/wechat/index';
declare module 'fastify' {
    interface FastifyInstance {
        wechat: WechatClient;
    }
}
export declare function wechatRoutes(app: FastifyInstance): Promise<void>;
