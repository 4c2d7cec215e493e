// Registers the built jobs under the names "Sync now", scenarios and the scheduler use.

import { registerJob } from './registry';
import { runInventoryJob } from './inventory/job';

registerJob({ name: 'inventory', label: 'Stock', run: (ports, deadline) => runInventoryJob(ports, deadline) });
