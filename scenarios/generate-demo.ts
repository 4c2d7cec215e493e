// Writes scenarios/demo-uk-brand.json (`npm run demo`): a UK apparel and homeware brand, "Hearth &
// Thread", with ~300 SKU Map rows, its Amazon account and its ShipBob account, and the steps of a
// first morning with the add-on. Deterministic (seeded generator, fixed dates) so the file only changes
// when this script does. Run: npx tsx scenarios/generate-demo.ts [output.json]

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETTINGS } from '../src/core/settings';
import { TABS } from '../src/core/tabs';
import { seededRandom } from '../test/world/faults';

const START = '2026-11-02T08:00:00Z';
const SELLER_ID = 'A3HEARTHTHREAD';
const MANCHESTER = 10;
const NORTHAMPTON = 11;
const DEFAULT_BUFFER = 2;

const rand = seededRandom(20261102);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p: number) => rand() < p;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const code = (n: number) => Array.from({ length: n }, () => pick([...ALNUM])).join('');
const hoursBefore = (h: number) => new Date(Date.parse(START) - h * 3600_000).toISOString();

// ── Catalogue ────────────────────────────────────────────────────────────────────────────────────
interface Family {
  code: string;
  name: string;
  options: string[][];
  stock: [number, number];
  price: number;
}

const SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const FAMILIES: Family[] = [
  { code: 'TEE', name: 'Organic Cotton Tee', options: [['OAT', 'SAGE', 'INK', 'RUST', 'CHALK'], SIZES], stock: [10, 80], price: 24 },
  { code: 'SWT', name: 'Brushed Fleece Sweatshirt', options: [['OAT', 'FOREST', 'NAVY', 'CLAY'], SIZES], stock: [5, 50], price: 48 },
  { code: 'HOOD', name: 'Heavyweight Hoodie', options: [['CHARCOAL', 'SAGE', 'INK'], SIZES], stock: [5, 40], price: 58 },
  { code: 'LNG', name: 'Waffle Lounge Trousers', options: [['OAT', 'SLATE'], SIZES], stock: [5, 40], price: 42 },
  { code: 'PJ', name: 'Brushed Flannel Pyjama Set', options: [['TARTAN', 'NAVYCHECK'], SIZES], stock: [5, 35], price: 55 },
  { code: 'SOCK', name: 'Merino Blend Socks', options: [['MUSTARD', 'TEAL', 'GREY', 'RUST', 'BERRY'], ['4-7', '8-11']], stock: [20, 150], price: 12 },
  { code: 'BEANIE', name: 'Ribbed Lambswool Beanie', options: [['OAT', 'MOSS', 'RUST', 'NAVY', 'BERRY', 'GREY']], stock: [10, 60], price: 22 },
  { code: 'SCARF', name: 'Lambswool Scarf', options: [['HERRINGBONE', 'TARTAN', 'OCHRE', 'MOSS', 'DOVE']], stock: [5, 30], price: 38 },
  { code: 'APRON', name: 'Linen Apron', options: [['NATURAL', 'SAGE', 'TERRACOTTA', 'INDIGO']], stock: [5, 40], price: 28 },
  { code: 'CUSH', name: 'Linen Cushion Cover', options: [['NATURAL', 'SAGE', 'TERRACOTTA', 'INDIGO', 'BLUSH', 'CHARCOAL'], ['45', '50', '3050']], stock: [10, 70], price: 26 },
  { code: 'THROW', name: 'Wool Throw', options: [['HERRINGBONE', 'TARTAN', 'OCHRE', 'MOSS', 'OAT']], stock: [3, 25], price: 85 },
  { code: 'TTWL', name: 'Printed Tea Towel', options: [['BEES', 'HARE', 'LEMONS', 'HEN', 'FERN', 'TEAPOT', 'ROBIN', 'HOLLY']], stock: [20, 120], price: 12 },
  { code: 'NAPK', name: 'Linen Napkins Set of 4', options: [['NATURAL', 'SAGE', 'TERRACOTTA', 'INDIGO', 'BLUSH', 'WHITE']], stock: [10, 50], price: 32 },
  { code: 'RUNR', name: 'Linen Table Runner', options: [['NATURAL', 'SAGE', 'TERRACOTTA', 'INDIGO', 'BLUSH', 'WHITE'], ['150', '200']], stock: [5, 30], price: 30 },
  { code: 'DUVET', name: 'Stonewashed Linen Duvet Cover', options: [['NATURAL', 'SAGE', 'WHITE', 'CHARCOAL', 'BLUSH'], ['SGL', 'DBL', 'KING', 'SKING']], stock: [2, 20], price: 140 },
  { code: 'PLWC', name: 'Linen Pillowcase Pair', options: [['NATURAL', 'SAGE', 'WHITE', 'CHARCOAL', 'BLUSH'], ['STD', 'OXF']], stock: [5, 40], price: 38 },
  { code: 'MUG', name: 'Stoneware Mug', options: [['SEASALT', 'MOSS', 'SLATE', 'OATMEAL', 'RUST', 'DENIM', 'CREAM', 'SPECKLE']], stock: [20, 150], price: 16 },
  { code: 'BOWL', name: 'Stoneware Bowl', options: [['SEASALT', 'MOSS', 'SLATE', 'OATMEAL', 'RUST', 'SPECKLE']], stock: [10, 80], price: 18 },
  { code: 'CNDL', name: 'Soy Wax Candle', options: [['FIG', 'CEDAR', 'NEROLI', 'TOMATOLEAF'], ['S', 'L']], stock: [10, 90], price: 20 },
  { code: 'BSKT', name: 'Seagrass Basket', options: [['S', 'M', 'L']], stock: [3, 20], price: 34 },
  { code: 'BLNKT', name: 'Cotton Waffle Blanket', options: [['OAT', 'SAGE', 'CLAY', 'GREY']], stock: [3, 20], price: 75 },
  { code: 'BTWL', name: 'Cotton Bath Towel', options: [['WHITE', 'SAGE', 'OAT', 'SLATE', 'BLUSH'], ['HAND', 'BATH', 'SHEET']], stock: [10, 60], price: 22 },
  { code: 'HWB', name: 'Knitted Hot Water Bottle', options: [['OAT', 'MOSS', 'RUST', 'NAVY', 'BERRY']], stock: [5, 30], price: 29 },
  { code: 'STKG', name: 'Wool Christmas Stocking', options: [['RED', 'GREEN', 'NATURAL']], stock: [5, 25], price: 24 },
];

const LABELS: Record<string, string> = {
  NAVYCHECK: 'Navy Check', TOMATOLEAF: 'Tomato Leaf', SGL: 'Single', DBL: 'Double', SKING: 'Super King', STD: 'Standard',
  OXF: 'Oxford', '45': '45 × 45 cm', '50': '50 × 50 cm', '3050': '30 × 50 cm', '150': '150 cm', '200': '200 cm',
  '4-7': 'UK 4–7', '8-11': 'UK 8–11', HAND: 'Hand Towel', BATH: 'Bath Towel', SHEET: 'Bath Sheet', S: 'Small', M: 'Medium', L: 'Large',
};

interface Variant {
  sellerSku: string;
  threePlSku: string;
  asin: string;
  title: string;
  price: number;
  family: Family;
}

function variantsOf(f: Family): Variant[] {
  const combos = f.options.reduce<string[][]>((acc, opts) => acc.flatMap((a) => opts.map((o) => [...a, o])), [[]]);
  return combos.map((c) => {
    const suffix = c.join('-');
    const words = c.map((x, i) => (f.options[i] === SIZES ? x : LABELS[x] ?? x.charAt(0) + x.slice(1).toLowerCase())).join(', ');
    return { sellerSku: `HT-${f.code}-${suffix}`, threePlSku: `${f.code}-${suffix}`, asin: `B0${code(8)}`, title: `Hearth & Thread ${f.name}, ${words}`, price: f.price, family: f };
  });
}
const catalogue = FAMILIES.flatMap(variantsOf);
const known = new Set(catalogue.map((v) => v.sellerSku));
const need = (sku: string) => {
  if (!known.has(sku)) throw new Error(`generate-demo: ${sku} is not in the catalogue`);
  return sku;
};

// ── 3PL stock ────────────────────────────────────────────────────────────────────────────────────
interface Stock { onHand: number; committed: number }
const stock = new Map<string, Map<number, Stock>>();
for (const v of catalogue) {
  const [lo, hi] = v.family.stock;
  const roll = rand();
  const total = roll < 0.07 ? 0 : roll < 0.13 ? int(1, 3) : int(lo, hi);
  const split = chance(0.35) && total > 6 ? Math.round(total * (0.2 + rand() * 0.3)) : 0;
  const locs = new Map<number, Stock>();
  const committedOf = (n: number) => (n > 4 && chance(0.5) ? int(1, Math.max(1, Math.floor(n * 0.15))) : 0);
  const man = total - split;
  locs.set(MANCHESTER, { onHand: man, committed: committedOf(man) });
  if (split > 0) locs.set(NORTHAMPTON, { onHand: split, committed: committedOf(split) });
  stock.set(v.threePlSku, locs);
}

// ── SKU Map ──────────────────────────────────────────────────────────────────────────────────────
type Cell = string | number | boolean | null;
interface MapRow {
  sellerSku: string;
  channel: string;
  threePlSku: string;
  asin: string;
  fnsku: string;
  buffer: Cell;
  offer: Cell;
  maxQty: Cell;
  active: boolean;
  notes: string;
  /** What the sync should do with the row. */
  kind: 'fbm' | 'fba' | 'dual' | 'bad';
}

const fnskuOf = new Map<string, string>();
const fnsku = (sku: string) => {
  if (!fnskuOf.has(sku)) fnskuOf.set(sku, `X00${code(7)}`);
  return fnskuOf.get(sku)!;
};

const rows: MapRow[] = [];
// Best sellers also have an FBA offer under their own Seller SKU; three were switched to FBA in
// Seller Central under the same Seller SKU while the FBM row stayed (DUAL_CHANNEL_SKU).
const dualSet = new Set(['HT-MUG-SEASALT', 'HT-THROW-HERRINGBONE', 'HT-TTWL-BEES'].map(need));
const DUPLICATE = need('HT-TEE-SAGE-M');
const fbaSet = new Set<string>();
while (fbaSet.size < 57) {
  const sku = pick(catalogue).sellerSku;
  if (!dualSet.has(sku)) fbaSet.add(sku);
}

const BAD: Record<string, (r: MapRow) => void> = {
  'HT-SOCK-TEAL-8-11': (r) => { r.channel = 'FBX'; r.notes = 'typo in Channel'; },
  'HT-CUSH-BLUSH-50': (r) => { r.buffer = 'lots'; r.notes = 'buffer typed as a word'; },
  'HT-BOWL-RUST': (r) => { r.maxQty = -5; },
  'HT-CNDL-FIG-L': (r) => { r.offer = '150%'; r.notes = 'meant 15%?'; },
  'HT-STKG-GREEN': (r) => { r.active = false; r.notes = 'discontinued after Christmas 2025'; },
};

for (const sku of Object.keys(BAD)) need(sku);
for (const v of catalogue) {
  const buffer: Cell = chance(0.7) ? null : pick([0, 1, 3, 5]);
  const offer: Cell = chance(0.88) ? null : pick(['50%', '75%', '80%']);
  const maxQty: Cell = chance(0.87) ? null : pick([10, 20, 30, 50]);
  const fbm: MapRow = { sellerSku: v.sellerSku, channel: 'FBM', threePlSku: v.threePlSku, asin: v.asin, fnsku: '', buffer, offer, maxQty, active: true, notes: '', kind: 'fbm' };
  if (dualSet.has(v.sellerSku)) {
    fbm.kind = 'dual';
    fbm.notes = 'moved to FBA in Seller Central';
  }
  const spoil = BAD[v.sellerSku];
  if (spoil) {
    spoil(fbm);
    fbm.kind = 'bad';
  }
  rows.push(fbm);
  if (v.sellerSku === DUPLICATE) {
    // The same offer typed twice with different figures: both rows are held until one goes.
    rows.push({ ...fbm, buffer: 4, notes: 'added again by mistake', kind: 'bad' });
    fbm.kind = 'bad';
  }
  if (fbaSet.has(v.sellerSku)) {
    rows.push({ sellerSku: `${v.sellerSku}-FBA`, channel: 'FBA', threePlSku: v.threePlSku, asin: v.asin, fnsku: fnsku(`${v.sellerSku}-FBA`), buffer: null, offer: null, maxQty: null, active: true, notes: '', kind: 'fba' });
  }
  if (dualSet.has(v.sellerSku)) {
    rows.push({ sellerSku: v.sellerSku, channel: 'FBA', threePlSku: v.threePlSku, asin: v.asin, fnsku: fnsku(v.sellerSku), buffer: null, offer: null, maxQty: null, active: true, notes: '', kind: 'dual' });
  }
}
// An FBA row someone gave a buffer to, and a new gift box that is not at the 3PL yet.
const fbaWithBuffer = rows.find((r) => r.kind === 'fba' && r.sellerSku.startsWith('HT-HOOD'))
  ?? rows.find((r) => r.kind === 'fba')!;
fbaWithBuffer.buffer = 3;
fbaWithBuffer.notes = 'keep 3 back?';
fbaWithBuffer.kind = 'bad';
const GIFT_BOX = { sellerSku: 'HT-GIFTBOX-LARGE', asin: `B0${code(8)}`, title: 'Hearth & Thread Large Gift Box' };
rows.push({ sellerSku: GIFT_BOX.sellerSku, channel: 'FBM', threePlSku: '', asin: GIFT_BOX.asin, fnsku: '', buffer: null, offer: null, maxQty: null, active: true, notes: 'new for Christmas, 3PL SKU to follow', kind: 'bad' });

// ── Amazon orders: three already at the 3PL, three not yet ───────────────────────────────────────
const good = rows.filter((r) => r.kind === 'fbm');
const orderSkus = [0, 1, 2, 3, 4, 5, 6].map((i) => good[Math.floor((i + 1) * good.length / 9)]!);
const ORDER_IDS = ['202-4418203-1938456', '202-8810347-5520931', '202-1173940-6612084', '202-6603158-2241907', '202-3379021-8845102', '202-9051764-3308219'];
interface DemoOrder { orderId: string; created: string; latestShipDate: string; items: Array<{ sku: string; quantity: number; orderItemId: string; asin: string; title: string; price: number }>; atThreePl: boolean }
const orders: DemoOrder[] = ORDER_IDS.map((orderId, i) => {
  const lines = i === 2 ? [orderSkus[i]!, orderSkus[6]!] : [orderSkus[i]!];
  const created = hoursBefore(30 - i * 5);
  return {
    orderId,
    created,
    latestShipDate: new Date(Date.parse(created) + 48 * 3600_000).toISOString(),
    items: lines.map((r, j) => {
      const v = catalogue.find((c) => c.sellerSku === r.sellerSku)!;
      return { sku: r.sellerSku, quantity: j === 0 && i % 2 === 1 ? 2 : 1, orderItemId: String(40000000000000 + i * 1000 + j), asin: v.asin, title: v.title, price: v.price };
    }),
    atThreePl: i < 3,
  };
});
// Orders must be fillable from Manchester, where the 3PL sends them.
for (const o of orders) {
  for (const it of o.items) {
    const m = stock.get(rows.find((r) => r.sellerSku === it.sku && r.channel === 'FBM')!.threePlSku)!.get(MANCHESTER)!;
    if (m.onHand - m.committed < 20) m.onHand = m.committed + 20 + int(0, 30);
    if (o.atThreePl) m.committed += it.quantity; // what create-order will commit at the start
  }
}

// ── What the first sync will propose, so some Amazon quantities already match ───────────────────
const unsent = new Map<string, number>();
for (const o of orders) if (!o.atThreePl) for (const it of o.items) unsent.set(it.sku, (unsent.get(it.sku) ?? 0) + it.quantity);
function proposed(r: MapRow): number {
  const locs = [...stock.get(r.threePlSku)!.values()];
  const fulfillable = locs.reduce((n, s) => n + s.onHand - s.committed, 0);
  const share = r.offer === null ? 1 : Number(String(r.offer).replace('%', '')) / 100;
  const available = fulfillable - (unsent.get(r.sellerSku) ?? 0);
  const offered = share === 1 ? available : Math.floor(available * share + 1e-9);
  const q = Math.max(0, offered - (typeof r.buffer === 'number' ? r.buffer : DEFAULT_BUFFER));
  return typeof r.maxQty === 'number' ? Math.min(q, r.maxQty) : q;
}
const amazonQty = new Map<string, number>();
for (const r of rows) {
  if (r.channel !== 'FBM' || amazonQty.has(r.sellerSku)) continue;
  if (r.kind !== 'fbm') { amazonQty.set(r.sellerSku, int(0, 25)); continue; }
  const p = proposed(r);
  // Most quantities are stale (they were last set by hand); zeros mostly already show as zero.
  const same = p === 0 ? chance(0.75) : chance(0.35);
  if (same) amazonQty.set(r.sellerSku, p);
  else {
    let q = p === 0 ? int(1, 4) : Math.max(0, p + pick([-1, 1]) * int(1, 12));
    if (q === p) q = p + 1;
    amazonQty.set(r.sellerSku, q);
  }
}
// The SKU the warehouse finds empty later on (a `setStock` step): Manchester-only, currently offered.
const zeroed = good.find((r) => stock.get(r.threePlSku)!.size === 1 && proposed(r) > 5 && !orders.some((o) => o.items.some((i) => i.sku === r.sellerSku)))!;

// ── Amazon section ───────────────────────────────────────────────────────────────────────────────
const variantBySku = new Map(catalogue.map((v) => [v.sellerSku, v]));
const listings: Array<Record<string, unknown>> = [];
const fbaInventory: Array<Record<string, unknown>> = [];
const listed = new Set<string>();
function fbaBuckets(sku: string, name: string) {
  const roll = rand();
  const fulfillable = roll < 0.08 ? 0 : int(5, 180);
  const pendingTransshipment = chance(0.4) ? int(1, 6) : 0;
  const fcProcessing = chance(0.4) ? int(1, 4) : 0;
  fbaInventory.push({
    sku,
    fulfillable,
    inboundWorking: chance(0.2) ? int(10, 60) : 0,
    inboundShipped: chance(0.25) ? int(12, 96) : 0,
    inboundReceiving: chance(0.15) ? int(1, 30) : 0,
    reserved: pendingTransshipment + fcProcessing + (chance(0.5) ? int(1, 5) : 0),
    pendingTransshipment,
    fcProcessing,
    unfulfillable: chance(0.2) ? int(1, 4) : 0,
    researching: chance(0.1) ? int(1, 2) : 0,
    productName: name,
    lastUpdated: hoursBefore(int(1, 20)),
  });
}
for (const r of rows) {
  if (listed.has(r.sellerSku)) continue;
  listed.add(r.sellerSku);
  const v = variantBySku.get(r.sellerSku.replace(/-FBA$/, ''));
  const title = v?.title ?? GIFT_BOX.title;
  const price = v?.price ?? 6;
  const onAmazonAsFba = r.channel === 'FBA' || dualSet.has(r.sellerSku);
  if (onAmazonAsFba) {
    listings.push({ sku: r.sellerSku, channel: 'FBA', asin: r.asin, fnsku: fnsku(r.sellerSku), title, price });
    fbaBuckets(r.sellerSku, title);
  } else {
    listings.push({ sku: r.sellerSku, channel: 'FBM', asin: r.asin, quantity: amazonQty.get(r.sellerSku) ?? 0, title, price, ...(r.active ? {} : { status: 'Inactive' }) });
  }
}
// Listings nobody mapped yet (UNMAPPED_SKU).
const unmapped = [
  { sku: 'HT-TOTE-CANVAS', channel: 'FBM', asin: `B0${code(8)}`, quantity: 12, title: 'Hearth & Thread Canvas Tote Bag', price: 18 },
  { sku: 'HT-MUG-XMAS24', channel: 'FBM', asin: `B0${code(8)}`, quantity: 3, title: 'Hearth & Thread Christmas Mug 2024', price: 16 },
  { sku: 'HT-TTWL-BEES-3PK-FBA', channel: 'FBA', asin: `B0${code(8)}`, fnsku: fnsku('HT-TTWL-BEES-3PK-FBA'), title: 'Hearth & Thread Tea Towels, Bees, Pack of 3', price: 30 },
];
for (const u of unmapped) {
  listings.push(u);
  if (u.channel === 'FBA') fbaBuckets(u.sku, u.title);
}

// FBA replenishment: the first plain FBA offer whose product Manchester holds 40 or more of gets an
// inbound shipment (Send to Amazon, confirmed to BHX4) that ops tick to go from ShipBob (steps below).
const fbaPick = rows.find((r) => {
  const m = r.kind === 'fba' && r.buffer === null ? stock.get(r.threePlSku)?.get(MANCHESTER) : undefined;
  return m !== undefined && m.onHand - m.committed >= 40;
})!;
const FBA_SHIPMENT_ID = 'FBA15HTDEMO1';
const inboundShipments = [
  { shipmentId: FBA_SHIPMENT_ID, inboundPlanId: 'wf0de40001-5a1e-4c0d-9e55-000000000001', name: 'November top-up', status: 'READY_TO_SHIP', destination: 'BHX4', created: '2026-11-01T15:00:00Z', items: [{ sku: fbaPick.sellerSku, quantityShipped: 24 }] },
];

// A removal coming back: ops asked Amazon to return the unsellable units of another plain FBA offer
// to Manchester; Amazon disposed of two and shipped six in one box (receipt made by "Sync removals
// now", counted by ShipBob at the end of the day).
const removalPick = rows.find((r) => r.kind === 'fba' && r.buffer === null && r !== fbaPick)!;
const REMOVAL_ID = 'RMV-HT-0001';
const removalOrders = [
  {
    orderId: REMOVAL_ID, requestDate: '2026-10-29T10:00:00Z', orderType: 'Return',
    lines: [{ sku: removalPick.sellerSku, fnsku: removalPick.fnsku, disposition: 'Unsellable', requested: 8, disposed: 2 }],
    shipments: [{ shipmentDate: '2026-11-01T09:00:00Z', sku: removalPick.sellerSku, fnsku: removalPick.fnsku, disposition: 'Unsellable', quantity: 6, carrier: 'Royal Mail', trackingNumber: 'RM712345678GB' }],
  },
];

const amazon = {
  marketplace: 'UK',
  sellerId: SELLER_ID,
  listings,
  fbaInventory,
  orders: orders.map((o) => ({ orderId: o.orderId, created: o.created, status: 'UNSHIPPED', fulfilledBy: 'MERCHANT', latestShipDate: o.latestShipDate, items: o.items })),
  carrierCodes: ['Royal Mail', 'Parcelforce', 'DPD', 'Evri', 'Other'],
  // Finance's month end: the October settlement Amazon lists, imported by the scheduled runs.
  settlements: [{ reportId: '51000000001', created: '2026-10-17T06:00:00Z', file: '../test/fixtures/settlements/uk-2026-10.txt' }],
  inboundShipments,
  removalOrders,
};

// ── 3PL section ──────────────────────────────────────────────────────────────────────────────────
const extras = [
  { sku: 'TOTE-CANVAS', name: 'Canvas Tote Bag', onHand: 64 },
  { sku: 'INSERT-THANKYOU-A6', name: 'Thank-you card A6 (packaging)', onHand: 2400 },
  { sku: 'MAILER-BAG-L', name: 'Recycled mailer bag, large (packaging)', onHand: 900 },
  { sku: 'SWATCH-LINEN', name: 'Linen swatch card', onHand: 150 },
];
const inventory: Array<Record<string, unknown>> = [];
for (const v of catalogue) {
  for (const [location, s] of stock.get(v.threePlSku)!) {
    // Seeded 3PL orders commit their own units when created: take them out of the seed figure.
    const fromOrders = orders.filter((o) => o.atThreePl && location === MANCHESTER).flatMap((o) => o.items).filter((i) => i.sku === v.sellerSku).reduce((n, i) => n + i.quantity, 0);
    inventory.push({ sku: v.threePlSku, location, onHand: s.onHand, committed: s.committed - fromOrders });
  }
}
for (const e of extras) inventory.push({ sku: e.sku, location: MANCHESTER, onHand: e.onHand, committed: 0 });

const threePl = {
  provider: 'shipbob',
  locations: [{ id: MANCHESTER, name: 'Manchester' }, { id: NORTHAMPTON, name: 'Northampton' }],
  products: [...catalogue.map((v) => ({ sku: v.threePlSku, name: v.title.replace('Hearth & Thread ', '') })), ...extras.map((e) => ({ sku: e.sku, name: e.name }))],
  inventory,
  orders: orders.filter((o) => o.atThreePl).map((o) => ({
    reference: o.orderId,
    location: MANCHESTER,
    items: o.items.map((i) => ({ sku: rows.find((r) => r.sellerSku === i.sku && r.channel === 'FBM')!.threePlSku, quantity: i.quantity })),
  })),
  behaviour: { shipAfter: '2h', carrier: 'Royal Mail', service: 'Tracked 48' },
};

// ── Sheet ────────────────────────────────────────────────────────────────────────────────────────
const help = (key: string) => SETTINGS.find((s) => s.key === key)!.help;
const settingsRows: Cell[][] = [
  TABS.settings.columns.map((c) => c.header),
  ['Marketplace', 'UK', help('Marketplace')],
  ['Amazon seller ID', SELLER_ID, help('Amazon seller ID')],
  ['Push mode', 'dry-run', help('Push mode')],
  ['Default safety buffer', DEFAULT_BUFFER, help('Default safety buffer')],
  // Raised for the first catch-up, when most Amazon quantities are stale; set back before "auto".
  ['Guardrail max share changing', '75%', help('Guardrail max share changing')],
  ['Alert email', 'ops@hearthandthread.co.uk', help('Alert email')],
  ['FBA ship-from location', String(MANCHESTER), help('FBA ship-from location')],
  ['Removals 3PL location', String(MANCHESTER), help('Removals 3PL location')],
];
// The demo's map was typed by people: no Status (the add-on's), no Match / Confidence (the SKU Map builder's).
const skuMapHeaders = TABS.skuMap.columns.map((c) => c.header).filter((h) => !['Status', 'Match', 'Confidence'].includes(h));
const skuMapRows: Cell[][] = [
  skuMapHeaders,
  ...rows.map((r) => [r.sellerSku, 'UK', r.channel, r.threePlSku, r.asin, r.fnsku, r.buffer, r.offer, r.maxQty, r.active, r.notes]),
];
const carrierRows: Cell[][] = [
  TABS.carrierMap.columns.map((c) => c.header),
  ['Royal Mail', 'Tracked 48', 'Royal Mail', '', 'Tracked 48', ''],
  ['Royal Mail', 'Tracked 24', 'Royal Mail', '', 'Tracked 24', ''],
  ['DPD', 'Next Day', 'DPD', '', 'Next Day', 'duvets and throws'],
  ['Evri', 'Standard', 'Evri', '', 'Standard 48', 'large letters'],
];

// ── A day of orders ──────────────────────────────────────────────────────────────────────────────
// Amazon orders arrive from mid-morning to evening while the hourly schedule runs (it fires at about
// a quarter past each hour here): most go to ShipBob, ship two hours later and are confirmed to
// Amazon; one waits for payment, one is cancelled before ShipBob ships it, one names a listing
// nobody mapped and is held, one ships in two parcels. Its own generator, so the catalogue and
// stock above stay as they were.
const dayRand = seededRandom(20261103);
const dayInt = (lo: number, hi: number) => lo + Math.floor(dayRand() * (hi - lo + 1));
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const atMinutes = (m: number) => Date.parse(START) - 8 * 3600_000 + m * 60_000;
const seededSkus = new Set(orders.flatMap((o) => o.items.map((i) => i.sku)));
// Orders ship from Manchester: only SKUs with plenty there, one order each, so none waits for stock.
const daySkus = good.filter((r) => {
  const m = stock.get(r.threePlSku)!.get(MANCHESTER)!;
  return m.onHand - m.committed >= 15 && r !== zeroed && !seededSkus.has(r.sellerSku);
});
const takeSku = (): MapRow => daySkus.splice(dayInt(0, daySkus.length - 1), 1)[0]!;
const usedIds = new Set(ORDER_IDS);
function dayOrderId(): string {
  for (;;) {
    const id = `202-${dayInt(1_000_000, 9_999_999)}-${dayInt(1_000_000, 9_999_999)}`;
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}
const line = (r: MapRow, quantity: number) => {
  const v = variantBySku.get(r.sellerSku)!;
  return { sku: r.sellerSku, quantity, asin: v.asin, title: v.title, price: v.price };
};
interface DayEvent { at: number; step: Record<string, unknown>; }
const dayEvents: DayEvent[] = [];
function placeOrder(hhmm: string, items: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}): string {
  const at = atMinutes(minutesOf(hhmm));
  const orderId = dayOrderId();
  // Ship by the end of the next day, as Amazon sets it for a standard UK order placed today.
  const latestShipDate = new Date(Date.parse(START.slice(0, 10)) + 2 * 24 * 3600_000 - 60_000).toISOString();
  dayEvents.push({ at, step: { world: { system: 'amazon', action: 'newOrder', order: { orderId, status: 'UNSHIPPED', fulfilledBy: 'MERCHANT', latestShipDate, items, ...extra } } } });
  return orderId;
}
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const REGULAR_ORDERS = 28;
const regularTimes = Array.from({ length: REGULAR_ORDERS }, () => dayInt(minutesOf('08:30'), minutesOf('19:45'))).sort((a, b) => a - b);
for (const m of regularTimes) {
  const two = dayRand() < 0.25;
  placeOrder(hhmm(m), two ? [line(takeSku(), 1), line(takeSku(), 1)] : [line(takeSku(), dayRand() < 0.2 ? 2 : 1)]);
}
// Placed before the 10:15 run, paid after it: the ledger shows it pending, the 11:15 run sends it.
const pendingId = placeOrder('10:05', [line(takeSku(), 1)], { status: 'PENDING' });
dayEvents.push({ at: atMinutes(minutesOf('10:40')), step: { world: { system: 'amazon', action: 'setOrderStatus', orderId: pendingId, status: 'UNSHIPPED' } } });
// Sent at 12:15, cancelled by the buyer at 12:50: the 13:15 run cancels it at ShipBob before it ships (14:15).
const cancelledId = placeOrder('12:02', [line(takeSku(), 1)]);
dayEvents.push({ at: atMinutes(minutesOf('12:50')), step: { world: { system: 'amazon', action: 'cancelOrder', orderId: cancelledId } } });
// A listing nobody mapped in the SKU Map (UNMAPPED_SKU above): the whole order is held (ORDER_HELD).
placeOrder('14:20', [line(takeSku(), 1), { sku: 'HT-TOTE-CANVAS', quantity: 1, title: 'Hearth & Thread Canvas Tote Bag', price: 18 }]);
// Sent at 15:15; the warehouse sends the first half at 16:00 and the rest when it was due (17:15).
const splitId = placeOrder('15:00', [line(takeSku(), 2), line(takeSku(), 1)]);
dayEvents.push({ at: atMinutes(minutesOf('16:00')), step: { world: { system: 'threePl', action: 'ship', reference: splitId, partial: true } } });
dayEvents.sort((a, b) => a.at - b.at);
const dayOrders = dayEvents.filter((e) => (e.step.world as { action: string }).action === 'newOrder').length;

/** The day's world events with the schedule's time passing between them, until `endHhmm`. */
function dayOfOrders(fromHhmm: string, endHhmm: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  let now = atMinutes(minutesOf(fromHhmm));
  const pass = (to: number) => {
    const min = Math.round((to - now) / 60_000);
    if (min > 0) out.push({ trigger: 'time', for: `${min}m` });
    now = Math.max(now, to);
  };
  for (const e of dayEvents) {
    pass(e.at);
    out.push(e.step);
  }
  pass(atMinutes(minutesOf(endHhmm)));
  return out;
}

const settingsEdit = (key: string, value: Cell) => ({ edit: { tab: 'Settings', match: { Key: key }, set: { Value: value } } });
const steps = [
  { run: 'onOpen' },
  { run: 'setupSheets' },
  { run: 'syncNow', args: ['inventory'] },
  settingsEdit('Push mode', 'approve'),
  { run: 'syncNow', args: ['inventory'] },
  { run: 'approveStockPush' },
  { advance: '20m' },
  { run: 'syncNow', args: ['inventory'] },
  // "Sync orders now": the three orders not yet at ShipBob go, the three already there are adopted.
  { run: 'syncOrdersNow' },
  // "Sync FBA shipments now" lists Amazon's inbound shipment; ops tick it, and the next run creates
  // one ShipBob FBA order for it (its tracking comes back with the schedule).
  { run: 'syncFbaShipmentsNow' },
  { edit: { tab: 'FBA Shipments', match: { 'FBA Shipment ID': FBA_SHIPMENT_ID }, set: { 'Send from 3PL': true } } },
  { run: 'syncFbaShipmentsNow' },
  // "Sync removals now": the removal Amazon shipped back becomes one ShipBob receiving order.
  { run: 'syncRemovalsNow' },
  { world: { system: 'threePl', action: 'setStock', sku: zeroed.threePlSku, location: MANCHESTER, onHand: 0, committed: 0 } },
  settingsEdit('Guardrail max share changing', '50%'),
  settingsEdit('Push mode', 'auto'),
  { run: 'enableScheduledSync' },
  // The schedule runs orders then stock every hour while the day's orders come in, until 23:00.
  ...dayOfOrders('08:21', '23:00'),
  { run: 'undoLastStockPush' },
  { run: 'syncNow', args: ['inventory'] },
  // ShipBob bills the month's storage; next morning finance imports the day's invoices: every label
  // matched to its Amazon order in the 3PL Charges tab, the month per type on the Dashboard.
  { world: { system: 'threePl', action: 'charge', fee: 'Warehousing Fee', amount: 46.8, referenceType: 'FC', location: MANCHESTER } },
  // ShipBob counts the removal's box in; the next removals run closes it in the Removals tab.
  { world: { system: 'threePl', action: 'receive', reference: REMOVAL_ID } },
  { advance: '10h' },
  { run: 'syncRemovalsNow' },
  { run: 'importChargesNow' },
];

const scenario = {
  name: 'demo-uk-brand',
  description:
    `Hearth & Thread, a UK apparel and homeware brand: ${rows.length} SKU Map rows (${rows.filter((r) => r.channel === 'FBM').length} FBM, ` +
    `${rows.filter((r) => r.channel === 'FBA').length} FBA, ${dualSet.size} Seller SKUs mapped as both, ${rows.filter((r) => r.kind === 'bad' && r.active).length} broken rows, 1 inactive), ` +
    `ShipBob in Manchester and Northampton, ${orders.length} unshipped Amazon orders (${orders.filter((o) => !o.atThreePl).length} not yet at the 3PL). ` +
    'Set up, dry-run, approve the first push, send the waiting orders, read the push back, then the 3PL runs out of ' + zeroed.threePlSku +
    ` while the scheduled sync runs in auto mode through a day of ${dayOrders} more orders (one paid late, one cancelled before it ships, ` +
    'one held for an unmapped SKU, one shipped in two parcels), each sent to ShipBob and confirmed to Amazon; an FBA shipment ticked in the FBA Shipments tab goes from ShipBob to BHX4, its tracking back in the tab; a removal Amazon ships back becomes one ShipBob receiving order and is counted in; the October settlement lands in the Settlements tabs; undo the last push and sync again; next morning the day\'s ShipBob invoices land in 3PL Charges, each label matched to its Amazon order.',
  start: START,
  mode: 'bound',
  sheet: { Settings: settingsRows, 'SKU Map': skuMapRows, 'Carrier Map': carrierRows },
  amazon,
  threePl,
  faults: [],
  steps,
};

/** JSON with one line per row, listing, order line or step: readable in a diff, small on disk. */
function format(v: unknown, depth = 0): string {
  const one = JSON.stringify(v);
  if (v === null || typeof v !== 'object') return one;
  const pad = '  '.repeat(depth + 1);
  const close = '  '.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0 || v.every((x) => x === null || typeof x !== 'object')) return one;
    return `[\n${v.map((x) => pad + format(x, depth + 1)).join(',\n')}\n${close}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0 || (depth >= 2 && one.length <= 400)) return one;
  return `{\n${entries.map(([k, x]) => `${pad}${JSON.stringify(k)}: ${format(x, depth + 1)}`).join(',\n')}\n${close}}`;
}

// An optional argument writes elsewhere (tests compare a fresh copy with the checked-in file).
const out = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo-uk-brand.json'));
writeFileSync(out, `${format(scenario)}\n`);
const compared = rows.filter((r) => r.kind === 'fbm');
const changing = compared.filter((r) => amazonQty.get(r.sellerSku) !== proposed(r));
const toZero = changing.filter((r) => proposed(r) === 0).length;
console.log(`First sync: ${changing.length} of ${compared.length} FBM quantities change (${Math.round((100 * changing.length) / compared.length)}%), ${toZero} to zero.`);
console.log(`Wrote ${path.relative(process.cwd(), out)}: ${rows.length} SKU Map rows, ${listings.length} Amazon listings, ${inventory.length} 3PL stock lines.`);
