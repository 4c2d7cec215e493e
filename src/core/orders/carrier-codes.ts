// Amazon carrier codes as Seller Central spells them, for the Carrier Map's "Carrier Code" cell.
// confirmShipment takes a code only in Amazon's exact spelling (amzn/selling-partner-api-docs#772:
// "royal mail" is refused), and no SP-API call lists the codes, so this is the part of Seller
// Central's list the add-on knows: codes of the marketplaces it serves whose spelling is not in
// doubt (unverified against a published enumeration). A code typed in another case or spacing is
// sent in this spelling; a code not here is sent as typed, since Amazon's list is longer, and a
// refusal is raised at once naming the Carrier Map row (jobs/orders/confirm.ts).

import { nameKey } from '../tabs';

export const KNOWN_CARRIER_CODES: readonly string[] = [
  'Royal Mail', 'Parcelforce', 'DPD', 'Evri', 'Yodel', 'DHL', 'UPS', 'FedEx', 'USPS', 'Amazon Shipping',
  'GLS', 'TNT', 'Hermes', 'Deutsche Post', 'La Poste', 'Chronopost', 'Colissimo', 'Correos', 'SEUR',
  'Poste Italiane', 'BRT', 'SDA', 'Canada Post', 'Australia Post', 'Other',
];


/** The code in the list's spelling when it is one of them (whatever its case and spacing); else null. */
export function knownCarrierCode(typed: string, codes: readonly string[] = KNOWN_CARRIER_CODES): string | null {
  if (codes.includes(typed)) return typed;
  return codes.find((c) => nameKey(c) === nameKey(typed)) ?? null;
}

/** A few of the known codes, for messages that say what is allowed. */
export function carrierCodeExamples(codes: readonly string[] = KNOWN_CARRIER_CODES): string {
  return `${codes.slice(0, 10).map((c) => `"${c}"`).join(', ')}…`;
}
