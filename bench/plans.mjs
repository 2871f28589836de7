import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Queue } from 'bullmq';
import { mb, samplePeakRss } from './rss.mjs';

// Issue 13: N payment plans of one merchant due today, charged by the running worker's
// `payment-plans.charge` job through the payments core. Prints charges/s from the job's start
// to the last booked charge, the worker's peak RSS, the transactions created (must be N), and
// a raw reference: the same rows (transactions, outbox events, charges, plan updates) written
// as bare set-based SQL, rolled back.
const PLANS = Number(process.env.BENCH_PLANS ?? 50_000);
const MERCHANT = process.env.BENCH_MERCHANT ?? '6099000000222';
const BASIC = `Basic ${Buffer.from('billing@lakeside-clinic:demo-nvp-pass').toString('base64')}`;

/** A merchant of its own (UTC, charged from 00:00) in the demo organization, fresh each run. */
async function seedMerchant(db) {
  const { rows: orgs } = await db.query(`SELECT id FROM organizations WHERE slug = 'lakeside-clinic'`);
  if (!orgs.length) throw new Error('run `npm start` first: the demo organization is missing');
  const org = orgs[0].id;
  const existing = await db.query(`SELECT id FROM merchants WHERE merchant_id = $1`, [MERCHANT]);
  if (existing.rows.length) {
    const ref = existing.rows[0].id;
    for (const sql of [
      `DELETE FROM outbox_events WHERE merchant_ref = $1`,
      `DELETE FROM payment_plan_charges WHERE merchant_ref = $1`,
      `DELETE FROM transactions WHERE merchant_ref = $1`,
      `DELETE FROM payment_plans WHERE merchant_ref = $1`,
      `DELETE FROM payment_methods WHERE merchant_ref = $1`,
      `DELETE FROM settlement_batches WHERE merchant_ref = $1`,
      `DELETE FROM outlets WHERE merchant_ref = $1`,
      `DELETE FROM merchants WHERE id = $1`,
    ])
      await db.query(sql, [ref]);
  }
  const merchantRef = randomUUID();
  await db.query(
    `INSERT INTO merchants (id, organization_id, merchant_id, name, time_zone, plan_charge_hour, updated_at)
     VALUES ($1, $2, $3, 'Plans benchmark', 'UTC', 0, now())`,
    [merchantRef, org, MERCHANT],
  );
  const outletRef = randomUUID();
  await db.query(
    `INSERT INTO outlets (id, organization_id, merchant_ref, store_id, terminal_id, updated_at)
     VALUES ($1, $2, $3, '001', '001', now())`,
    [outletRef, org, merchantRef],
  );
  return { org, merchantRef, outletRef };
}

/** A stored card at the merchant, made through the NVP API like any vendor would (SaveOnFile). */
async function storedCard(apiUrl) {
  const res = await fetch(`${apiUrl}/payment/NVP.aspx`, {
    method: 'POST',
    headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      merchantID: MERCHANT,
      storeID: '001',
      terminalID: '001',
      transactionType: 'CreditCard',
      transactionAction: 'SaveOnFile',
      cardNumber: '4111111111111111',
      cardExpiration: `12/${(new Date().getUTCFullYear() + 3) % 100}`,
    }).toString(),
  });
  const id = /paymentMethodID=([0-9A-F]{32})/i.exec(await res.text())?.[1];
  if (!id) throw new Error(`SaveOnFile gave no paymentMethodID (${res.status})`);
  return id.toLowerCase().replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
}

/** N installment plans (3 × 33.33 of 100.00), all due today, on the one stored card. */
async function seedPlans(db, { org, merchantRef, outletRef }, cardRef) {
  await db.query(
    `INSERT INTO payment_plans (id, organization_id, merchant_ref, outlet_ref, channel, type, status, card_ref,
       patient_id, total_cents, installment_cents, installment_count, frequency, start_date,
       next_sequence, scheduled_date, next_charge_date, due_date, updated_at)
     SELECT gen_random_uuid(), $1, $2, $3, 'REST', 'Installment', 'Active', $4, 'BENCH-' || i, 10000, 3333, 3,
       'Monthly', current_date, 1, current_date, current_date, current_date, now()
     FROM generate_series(1, $5::int) AS i`,
    [org, merchantRef, outletRef, cardRef, PLANS],
  );
}

/** The raw reference: one charge's rows per plan as bare set-based SQL, rolled back. */
async function rawReference(db, merchantRef) {
  const started = performance.now();
  await db.query('BEGIN');
  await db.query(
    `CREATE TEMP TABLE c ON COMMIT DROP AS
     SELECT gen_random_uuid() AS charge_id, p.* FROM payment_plans p WHERE p.merchant_ref = $1`,
    [merchantRef],
  );
  await db.query(
    `INSERT INTO payment_plan_charges (id, organization_id, merchant_ref, plan_ref, sequence, attempt, kind, amount_cents, due_date, status)
     SELECT charge_id, organization_id, merchant_ref, c.id, 1, 1, 'SCHEDULED', 3333, current_date, 'APPROVED' FROM c`,
  );
  await db.query(
    `INSERT INTO transactions (id, organization_id, merchant_ref, outlet_ref, channel, action, tender, status,
       response_code, response_message, request_cents, amount_cents, processor_reference, card_brand, card_last4,
       payment_plan_ref, installment_sequence, installment_count, payment_plan_type, patient_id, captured_at, updated_at)
     SELECT charge_id, organization_id, merchant_ref, outlet_ref, 'PLAN', 'Sale', 'CreditCard', 'C', '000', 'APPROVED',
       3333, 3333, 'sbx_raw', 'VISA', '1111', c.id, 1, 3, 'Installment', patient_id, now(), now() FROM c`,
  );
  await db.query(
    `INSERT INTO outbox_events (id, organization_id, merchant_ref, transaction_id, event_type, payload)
     SELECT gen_random_uuid(), organization_id, merchant_ref, charge_id, e, jsonb_build_object('id', charge_id)
     FROM c, unnest(ARRAY['Approved', 'PaymentPlanUpdated']) AS e`,
  );
  await db.query(
    `UPDATE payment_plans p SET next_sequence = 2, amount_paid_cents = 3333, installments_paid = 1,
       next_charge_date = current_date + 30 FROM c WHERE p.id = c.id`,
  );
  await db.query('ROLLBACK');
  return (performance.now() - started) / 1000;
}

export async function benchPlans({ apiUrl, databaseUrl, redisUrl, workerPid }) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const merchant = await seedMerchant(db);
  const cardRef = await storedCard(apiUrl);
  console.log(`seeding ${PLANS.toLocaleString()} payment plans due today for merchant ${MERCHANT}…`);
  await seedPlans(db, merchant, cardRef);
  const raw = await rawReference(db, merchant.merchantRef);
  const queue = new Queue('payment-plans', { connection: { url: redisUrl }, prefix: 'conduit' });
  const sampler = samplePeakRss(workerPid);
  const started = performance.now();
  await queue.add(
    'payment-plans.charge',
    { merchantRef: merchant.merchantRef },
    { jobId: `bench_${Date.now()}` },
  );
  let booked = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM payment_plan_charges WHERE merchant_ref = $1 AND status <> 'PENDING'`,
      [merchant.merchantRef],
    );
    booked = rows[0].n;
    if (booked >= PLANS) break;
    if (performance.now() - started > 15 * 60_000) throw new Error(`only ${booked} charges after 15 minutes`);
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  const { rows: counts } = await db.query(
    `SELECT count(*)::int AS transactions, count(DISTINCT (payment_plan_ref, installment_sequence))::int AS distinct,
            sum(amount_cents)::bigint AS cents
     FROM transactions WHERE merchant_ref = $1 AND payment_plan_ref IS NOT NULL`,
    [merchant.merchantRef],
  );
  const c = counts[0];
  console.log(`\n${PLANS.toLocaleString()} plans due, charged by the worker through the payments core`);
  console.log(`  ${seconds.toFixed(1)} s  ${Math.round(PLANS / seconds).toLocaleString()} charges/s`);
  console.log(
    `  transactions created: ${c.transactions.toLocaleString()} (${c.distinct.toLocaleString()} distinct plan+sequence), ${(Number(c.cents) / 100).toFixed(2)} charged`,
  );
  console.log(
    `  raw SQL reference (same rows, set-based, no rules, no processor): ${raw.toFixed(1)} s  → the run is ${(seconds / raw).toFixed(1)}× raw`,
  );
  console.log(`  worker RSS: ${mb(sampler.before)} before, ${mb(peak)} peak (sampled every 50 ms)`);
  console.log('\ntarget: >= 500 charges/s, exactly one transaction per plan');
  await queue.close();
  await db.end();
  return [
    {
      name: `payment plans, ${PLANS.toLocaleString()} due`,
      figure: `${Math.round(PLANS / seconds).toLocaleString()} charges/s`,
      raw: `${Math.round(PLANS / raw).toLocaleString()} charges/s`,
      ratio: `${((100 * raw) / seconds).toFixed(0)} %`,
      p99: '',
    },
  ];
}
