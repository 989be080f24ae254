/**
 * Every area's contracts, by area: what the client calls
 * (`api.call(API.catalogue.guide, { params: { code } })`), what the BFF
 * implements, what the contract test walks.
 */
import { catalogueRoutes } from './catalogue/contracts'
import { approvalRoutes } from './approval/contracts'
import { outboxRoutes } from './outbox/contracts'
import { warningRoutes } from './warnings/contracts'
import { messagesRoutes } from './messages/contracts'
import { pushRoutes } from './push/contracts'
import { identityRoutes } from './identity/contracts'
import { staffSessionRoutes } from './staff/session'
import { licencesRoutes } from './licences/contracts'
import { noticesRoutes } from './notices/contracts'
import { uploadsRoutes } from './uploads/contracts'
import { casesRoutes, draftsRoutes, workbenchRoutes } from './cases/contracts'
import { wechatRoutes } from './wechat/contracts'
import { liveRoutes } from './live/contracts'
import { queueRoutes } from './queue/contracts'
import { appointmentRoutes } from './queue/appointments'
import type { InputOf, ResponseOf, RouteContract } from './contract/contract'

export const API = {
  catalogue: catalogueRoutes,
  approval: approvalRoutes,
  outbox: outboxRoutes,
  warnings: warningRoutes,
  messages: messagesRoutes,
  identity: identityRoutes,
  staff: staffSessionRoutes,
  uploads: uploadsRoutes,
  licences: licencesRoutes,
  notices: noticesRoutes,
  cases: casesRoutes,
  drafts: draftsRoutes,
  workbench: workbenchRoutes,
  wechat: wechatRoutes,
  push: pushRoutes,
  live: liveRoutes,
  queue: queueRoutes,
  appointments: appointmentRoutes,
} as const satisfies Record<string, Record<string, RouteContract>>

export type Area = keyof typeof API

/** Every contract, with its area and name. */
export function allContracts(): { area: Area; name: string; contract: RouteContract }[] {
  return Object.entries(API).flatMap(([area, routes]) =>
    Object.entries(routes as Record<string, RouteContract>).map(([name, contract]) => ({ area: area as Area, name, contract })))
}

type Flat = { [A in Area]: { [N in keyof (typeof API)[A] & string]: { id: `${A}.${N}`; contract: (typeof API)[A][N] } }[keyof (typeof API)[A] & string] }[Area]
/** Each contract by its id (`catalogue.guide`). */
export type ContractById = { [F in Flat as F['id']]: F['contract'] }
export type ContractId = keyof ContractById

/** An answer per contract id, as a fake of the BFF answers it (the shells' tests). */
export type FakeCalls = { [K in ContractId]?: (input: InputOf<ContractById[K]>) => Promise<ResponseOf<ContractById[K]>> }
