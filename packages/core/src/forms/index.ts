export * from './schema'
export * from './messages'
export * from './validate'
export * from './prefill'
