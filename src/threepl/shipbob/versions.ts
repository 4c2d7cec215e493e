// The dated ShipBob API versions this adapter is written and tested against, and the check that
// refuses any other: a version ShipBob does not serve answers 404 on every path, and one we have
// not checked may have changed the fields we read (developer.shipbob.com/versioning).

/**
 * Newest first. 2026-07 is ShipBob's current version ("Latest Version: 2026-07"; releases every
 * January and July, each supported 12 months: developer.shipbob.com/versioning). 2026-01 stays
 * until its end of support (31 Jan 2027). 2025-07 ended on 31 Jul 2026 and is not offered.
 * Between 2026-01 and 2026-07 only create-warehouse-receiving-order changed among the operations
 * used here (developer.shipbob.com/versioning/2026-07), and receiving.ts sends a body both accept.
 */
export const SHIPBOB_API_VERSIONS = ['2026-07', '2026-01'] as const;

type ShipBobApiVersion = (typeof SHIPBOB_API_VERSIONS)[number];

export const DEFAULT_SHIPBOB_API_VERSION: ShipBobApiVersion = SHIPBOB_API_VERSIONS[0];

export function isSupportedVersion(v: string): v is ShipBobApiVersion {
  return (SHIPBOB_API_VERSIONS as readonly string[]).indexOf(v) >= 0;
}

/** Plain words for a version the adapter will not call, naming the Settings row and the choices. */
export function unsupportedVersionMessage(v: string): string {
  return (
    `The Settings row "3PL API version" says "${v}", which this add-on does not support for ShipBob; ` +
    `use ${SHIPBOB_API_VERSIONS.join(' or ')}. Nothing was sent to ShipBob.`
  );
}
