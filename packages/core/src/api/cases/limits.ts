/** The bounds of what a case or a draft carries (the BFF's schemas and the shells alike). */

export const MAX_DRAFT_BYTES = 256 * 1024
/** A form's version counts its published changes: far below this (the column is an integer). */
export const MAX_FORM_VERSION = 1_000_000
/** A case's version counts its events: far below this. */
export const MAX_CASE_VERSION = 1_000_000
/** The latest time a Date can hold (epoch ms): a device clock beyond it is not a clock. */
export const MAX_EPOCH_MS = 8_640_000_000_000_000

/** How many cases a workbench queue answers at a time: a full page means there may be more (`?offset=`). */
export const STAFF_QUEUE_PAGE = 100
/** How far `?offset=` may page a workbench queue. */
export const MAX_QUEUE_OFFSET = 1_000_000
