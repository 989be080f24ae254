export * from './contract'
export * from './patterns'
export * from './lint'
export { Obj, Enum, Nullable, Dict, Json, type Static, type TSchema } from './schema'
/** The schema builders contracts are written with (S.Int, S.Str…). */
export * as S from './schema'
