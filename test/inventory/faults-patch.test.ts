// The invariants under every fault of the table (fault-cases.ts), pushing by patchListingsItem.

import { describe } from 'vitest';
import { faultTable } from './fault-cases';

describe('invariants under faults (patch)', () => faultTable(false));
