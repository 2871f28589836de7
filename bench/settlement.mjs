import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Queue } from 'bullmq';
import { mb, samplePeakRss } from './rss.mjs';

// Issue 11: close one batch of N transactions in the running worker and write its posting
// files (the posting file and the 835), then print seconds, items/s and the worker's peak RSS,
// beside a raw reference: the same status moves and item rows as bare set-based SQL.
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const MERCHANT = process.env.BENCH_MERCHANT ?? '6099000000111';

/** A merchant of its own with N captured card and eCheck sales (every 10th a refund), 2 days old. */
async function seed(db) {
  const { rows: orgs } = await db.query(`SELECT id FROM organizations WHERE slug = 'lakeside-clinic'`);
  if (!orgs.length) throw new Error('run `npm start` first: the demo organization is missing');
  const org = orgs[0].id;
  await db.query(
    `DELETE FROM settlement_items WHERE batch_ref IN (SELECT b.id FROM settlement_batches b JOIN merchants m ON m.id = b.merchant_ref WHERE m.merchant_id = $1)`,
    [MERCHANT],
  );
  const existing = await db.query(`SELECT id FROM merchants WHERE merchant_id = $1`, [MERCHANT]);
  if (existing.rows.length) {
    const ref = existing.rows[0].id;
    // A fresh start for every run: the earlier run's rows go.
    await db.query(`DELETE FROM batch_files WHERE merchant_ref = $1`, [ref]);
    await db.query(`DELETE FROM settlement_batches WHERE merchant_ref = $1`, [ref]);
    await db.query(`DELETE FROM outbox_events WHERE merchant_ref = $1`, [ref]);
    await db.query(`DELETE FROM transactions WHERE merchant_ref = $1`, [ref]);
    await db.query(`DELETE FROM outlets WHERE merchant_ref = $1`, [ref]);
    await db.query(`DELETE FROM merchants WHERE id = $1`, [ref]);
  }
  const merchantRef = randomUUID();
  await db.query(
    `INSERT INTO merchants (id, organization_id, merchant_id, name, era_835_enabled, updated_at)
     VALUES ($1, $2, $3, 'Settlement benchmark', true, now())`,
    [merchantRef, org, MERCHANT],
  );
  const outletRef = randomUUID();
  await db.query(
    `INSERT INTO outlets (id, organization_id, merchant_ref, store_id, terminal_id, updated_at)
     VALUES ($1, $2, $3, '001', '001', now())`,
    [outletRef, org, merchantRef],
  );
  await db.query(
    `INSERT INTO transactions (id, organization_id, merchant_ref, outlet_ref, channel, action, tender, status,
       response_code, response_message, request_cents, amount_cents, processor_reference, card_brand, card_last4,
       patient_id, patient_first_name, patient_last_name, captured_at, created_at, updated_at)
     SELECT gen_random_uuid(), $1, $2, $3, 'NVP',
       CASE WHEN i % 10 = 0 THEN 'Refund' ELSE 'Sale' END,
       CASE WHEN i % 4 = 0 THEN 'eCheck' ELSE 'CreditCard' END, 'C', '000', 'Approved',
       1000 + (i % 5000), 1000 + (i % 5000), 'sbx_bench_' || i,
       CASE WHEN i % 4 = 0 THEN NULL ELSE 'VISA' END, '1111',
       'PT-' || i, 'Pat', 'Doe', now() - interval '2 days' + (i || ' ms')::interval,
       now() - interval '2 days', now()
     FROM generate_series(1, $4::int) AS i`,
    [org, merchantRef, outletRef, ITEMS],
  );
  return { merchantRef, org, outletRef };
}

/** The raw reference: the same moves as three bare statements, rolled back. */
async function rawReference(db, merchantRef) {
  const started = performance.now();
  await db.query('BEGIN');
  const batch = randomUUID();
  await db.query(
    `INSERT INTO settlement_batches (id, batch_id, organization_id, merchant_ref, status, cutoff_at, time_zone, updated_at)
     SELECT $1::uuid, upper(replace($1::text, '-', '')), organization_id, id, 'SUBMITTED', now(), time_zone, now() FROM merchants WHERE id = $2`,
    [batch, merchantRef],
  );
  await db.query(
    `INSERT INTO settlement_items (batch_ref, transaction_id, kind, tender, brand, amount_cents, fee_cents, outcome)
     SELECT $1, id, action, tender, card_brand, amount_cents, 0, 'SETTLED' FROM transactions
     WHERE merchant_ref = $2 AND status = 'C'`,
    [batch, merchantRef],
  );
  await db.query(
    `UPDATE transactions SET status = 'S', settlement_batch_id = 'X' WHERE merchant_ref = $1 AND status = 'C'`,
    [merchantRef],
  );
  await db.query(
    `INSERT INTO outbox_events (id, organization_id, merchant_ref, transaction_id, event_type, payload)
     SELECT gen_random_uuid(), organization_id, merchant_ref, id, 'Settlement', jsonb_build_object('id', id) FROM transactions
     WHERE merchant_ref = $1 AND status = 'S'`,
    [merchantRef],
  );
  await db.query('ROLLBACK');
  return (performance.now() - started) / 1000;
}

export async function benchSettlement({ databaseUrl, redisUrl, workerPid }) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  console.log(`seeding ${ITEMS.toLocaleString()} captured transactions for merchant ${MERCHANT}…`);
  const { merchantRef } = await seed(db);
  const raw = await rawReference(db, merchantRef);
  const queue = new Queue('settlement', { connection: { url: redisUrl }, prefix: 'conduit' });
  const sampler = samplePeakRss(workerPid);
  const started = performance.now();
  await queue.add('settlement.close', { merchantRef }, { jobId: `bench_${Date.now()}` });
  let closedAt = 0;
  let files = [];
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    if (!closedAt) {
      const { rows } = await db.query(
        `SELECT id FROM settlement_batches WHERE merchant_ref = $1 AND status <> 'OPEN'`,
        [merchantRef],
      );
      if (rows.length) closedAt = performance.now();
    }
    const { rows } = await db.query(
      `SELECT f.name, s.size FROM batch_files f JOIN stored_files s ON s.id = f.file_ref WHERE f.merchant_ref = $1`,
      [merchantRef],
    );
    files = rows;
    if (rows.length >= 2) break;
    if (performance.now() - started > 10 * 60_000) throw new Error('no posting files after 10 minutes');
  }
  const total = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  const { rows: batches } = await db.query(
    `SELECT item_count, error_count, net_cents, fee_cents FROM settlement_batches WHERE merchant_ref = $1 AND status <> 'OPEN'`,
    [merchantRef],
  );
  const b = batches[0];
  const close = (closedAt - started) / 1000;
  console.log(
    `\nsettlement close of ${b.item_count.toLocaleString()} items (${b.error_count} in error), net ${(Number(b.net_cents) / 100).toFixed(2)}, fees ${(Number(b.fee_cents) / 100).toFixed(2)}`,
  );
  console.log(
    `  close (moves, items, ${b.item_count} Settlement events, totals): ${close.toFixed(1)} s  ${Math.round(b.item_count / close).toLocaleString()} items/s`,
  );
  console.log(
    `  close + posting file + 835 (encrypted):      ${total.toFixed(1)} s  ${Math.round(b.item_count / total).toLocaleString()} items/s`,
  );
  for (const f of files) console.log(`    ${f.name}  ${(Number(f.size) / 1024 / 1024).toFixed(1)} MiB`);
  console.log(
    `  raw SQL reference (same moves, set-based, no rules, no files): ${raw.toFixed(1)} s  → close is ${(close / raw).toFixed(1)}× raw`,
  );
  console.log(`  worker RSS: ${mb(sampler.before)} before, ${mb(peak)} peak (sampled every 50 ms)`);
  console.log('\ntarget: close a 100,000-item batch and write its files in <= 30 s, memory bounded');
  await queue.close();
  await db.end();
  return [
    {
      name: `settlement close, ${b.item_count.toLocaleString()} items`,
      figure: `${Math.round(b.item_count / close).toLocaleString()} items/s`,
      raw: `${Math.round(b.item_count / raw).toLocaleString()} items/s`,
      ratio: `${((100 * raw) / close).toFixed(0)} %`,
      p99: '',
    },
  ];
}
