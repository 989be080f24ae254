/** The timers every runtime we ship to has (browsers, the mini-program, Node); the app package has no DOM lib. */
declare function setTimeout(handler: (...args: never[]) => void, ms?: number): unknown
declare function clearTimeout(id: unknown): void
declare function setInterval(handler: (...args: never[]) => void, ms?: number): unknown
declare function clearInterval(id: unknown): void
