/** What a path parameter or a key may look like: patterned, so nothing a path could abuse reaches a query. */

/** Item codes as published: letters, digits, dashes. */
export const ITEM_CODE_PATTERN = '^[A-Za-z0-9-]{1,64}$'
/** A guide's material ids: letters, digits, `_` and `-`. */
export const MATERIAL_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$'
/** Ids we hand out as UUIDs (uploads, consents, licences). No `urn:uuid:` prefix (ajv's format allows one, PostgreSQL does not). */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
/** Ids of bigserial rows (warnings, outbox jobs): within a bigint. */
export const SERIAL_ID_PATTERN = '^[0-9]{1,18}$'
/** `<item code>-<YYYYMMDD>-<sequence>`, e.g. SJ-0001-20261123-0007. */
export const CASE_NO_PATTERN = '^[A-Za-z0-9-]{1,64}-\\d{8}-\\d{4,}$'
export const MAX_CASE_NO_LENGTH = 90
/** Idempotency keys: a UUID or similar the shell makes once per submission. */
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_-]{16,64}$'
/** Verify ids are 22 base64url characters (128 random bits). */
export const DOCUMENT_ID_PATTERN = '^[A-Za-z0-9_-]{22}$'
