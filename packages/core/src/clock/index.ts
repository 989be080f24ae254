export * from './calendar'
export * from './lights'
export * from './context'
