export * from './calendar'
export * from './lights'
