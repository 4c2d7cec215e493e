// SKU Map columns people headed differently from the add-on's by more than case and spaces ("Offer"
// for "Offer %", "Buffer" for "Safety Buffer"): the add-on does not read them, so rows get that
// column's default while the values people typed sit beside it (also once an empty real column was
// added next to them). Never silently: one CONFIG_INVALID per such column that holds values, naming
// the header cell and the header to use; the run is not "ok" (kit/settings-check.ts). The push still goes: the defaults never offer more than the 3PL holds,
// and stopping the push would also stop the decreases that keep Amazon from overselling.

import { exceptionKey } from '../../core/exceptions';
import type { RaisedException } from '../../core/exceptions';
import { TAB } from '../../core/tabs';
import { ConfigInvalidError } from '../../core/config-invalid';
import type { SkuMapTab } from '../../sheet/sku-map-tab';

export function unreadColumnProblems(tab: Pick<SkuMapTab, 'unreadColumns'>, jobName: string): RaisedException[] {
  let columns;
  try {
    columns = tab.unreadColumns();
  } catch (e) {
    // A SKU Map that cannot be read at all is reported where the rows are needed.
    if (e instanceof ConfigInvalidError) return [];
    throw e;
  }
  return columns
    .filter((c) => c.filled > 0)
    .map((c) => ({
      key: exceptionKey('CONFIG_INVALID', jobName, TAB.skuMap, c.meant),
      type: 'CONFIG_INVALID',
      entity: `${TAB.skuMap} ${c.cell}`,
      message:
        `The ${TAB.skuMap} header "${c.typed}" (${c.cell}) is not "${c.meant}", so the add-on does not read it: the ${c.filled} value${c.filled > 1 ? 's' : ''} typed under it ${c.filled > 1 ? 'are' : 'is'} not used, ` +
        `and ${c.filled > 1 ? 'those rows get' : 'that row gets'} the "${c.meant}" default instead. Rename the header to "${c.meant}" (case and spaces do not matter; ` +
        `if the tab also has an empty "${c.meant}" column, delete that one first), or move the values into "${c.meant}".`,
      typedInput: true,
    }));
}
