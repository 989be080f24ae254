/**
 * The pages of the independent subpackage 排队取号, relative to its root:
 * 排队取号, 我的号 and 预约办理. The main app.config.ts lists them under `packages/queue` (independent),
 * and this subpackage's own app.config.ts builds them (config/independent.ts).
 */
export const QUEUE_ROOT = 'packages/queue'
export const QUEUE_PAGES = ['pages/take/index', 'pages/ticket/index', 'pages/appointments/index']
