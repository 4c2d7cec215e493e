// How each 3PL is named to a person, in messages and exceptions.

import type { ProviderId } from './types';

const NAMES: Record<ProviderId, string> = { shipbob: 'ShipBob', mintsoft: 'Mintsoft', extensiv: 'Extensiv' };

/** "ShipBob" for 'shipbob'; an unknown provider is named as typed. */
export function providerName(id: string): string {
  return (NAMES as Record<string, string | undefined>)[id] ?? id;
}
