export * from './labels'
export * from './contracts'
