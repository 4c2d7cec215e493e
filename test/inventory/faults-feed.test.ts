// The invariants under every fault of the table (fault-cases.ts), pushing by one JSON_LISTINGS_FEED.

import { describe } from 'vitest';
import { faultTable } from './fault-cases';

describe('invariants under faults (feed)', () => faultTable(true));
