export declare function hashPassword(password: string): Promise<string>;
/** True when `password` matches `stored`; with no stored hash, does the same work and says false. */
export declare function verifyPassword(password: string, stored: string | null): Promise<boolean>;
