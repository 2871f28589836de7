import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { httpLoad, summarize } from './load.mjs';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

/**
 * The raw reference: the durable writes a sale makes (its transaction row and its outbox row, in
 * one database transaction), straight from a pg pool at the same concurrency. `LIKE … INCLUDING
 * ALL` copies columns, indexes, defaults and checks but not foreign keys, so the scratch table
 * gets the two a sale's row checks (merchant, outlet: a key-share lock on each parent row) unless
 * `foreignKeys` is false; the second run shows what they cost (decision 0042).
 */
async function rawReference(
  databaseUrl,
  merchantRef,
  outletRef,
  organizationId,
  { foreignKeys = true } = {},
) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  // Scratch copies of the two tables (same columns, indexes, constraints and WAL durability), so
  // the reference leaves no rows in the real ones; dropped afterwards.
  await pool.query('DROP TABLE IF EXISTS bench_transactions, bench_outbox_events');
  await pool.query('CREATE TABLE bench_transactions (LIKE transactions INCLUDING ALL)');
  await pool.query('CREATE TABLE bench_outbox_events (LIKE outbox_events INCLUDING ALL)');
  if (foreignKeys)
    await pool.query(
      'ALTER TABLE bench_transactions ADD FOREIGN KEY (merchant_ref) REFERENCES merchants(id), ADD FOREIGN KEY (outlet_ref) REFERENCES outlets(id)',
    );
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const client = await pool.connect();
        try {
          const id = randomUUID();
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO bench_transactions (id, organization_id, merchant_ref, outlet_ref, channel, action, tender, status, response_code, response_message,
               request_cents, amount_cents, authorization_number, card_brand, card_bin, card_last4, card_exp_month, card_exp_year, payment_card_type, entry_mode, additional_info, updated_at)
             VALUES ($1,$2,$3,$4,'BENCH','Sale','CreditCard','C','000','APPROVED',2500,2500,'A1B2C3','VISA','411111','1111',12,2030,'CREDIT','Keyed','{}',now())`,
            [id, organizationId, merchantRef, outletRef],
          );
          await client.query(
            `INSERT INTO bench_outbox_events (id, organization_id, merchant_ref, transaction_id, event_type, payload) VALUES ($1,$2,$3,$4,'Approved',$5)`,
            [
              randomUUID(),
              organizationId,
              merchantRef,
              id,
              JSON.stringify({ PaymentTransactionID: id, Amount: '25.00' }),
            ],
          );
          await client.query('COMMIT');
          latencies.push(performance.now() - started);
        } catch {
          errors++;
          await client.query('ROLLBACK').catch(() => {});
        } finally {
          client.release();
        }
      }
    }),
  );
  await pool.query('DROP TABLE bench_transactions, bench_outbox_events');
  await pool.end();
  return summarize(
    foreignKeys ? 'raw PostgreSQL (same writes)' : 'raw, without foreign keys',
    latencies,
    errors,
    SECONDS,
  );
}

export async function benchPayments({ apiUrl, databaseUrl }) {
  const basic = `Basic ${Buffer.from('billing@lakeside-clinic:demo-nvp-pass').toString('base64')}`;
  const exp = `12/${(new Date().getUTCFullYear() + 3) % 100}`;
  const nvpBody = new URLSearchParams({
    merchantID: '6011000551245',
    storeID: '001',
    terminalID: '002',
    transactionType: 'CreditCard',
    transactionAction: 'Sale',
    amount: '25.00',
    cardNumber: '4111111111111111',
    cardExpiration: exp,
  }).toString();
  const restBody = JSON.stringify({
    Outlet: { MerchantID: '6011000551245', StoreID: '001', TerminalID: '002' },
    Amount: '25.00',
    Card: { CardNumber: '4111111111111111', Expiration: exp },
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    `SELECT m.id AS merchant, o.id AS outlet, m.organization_id AS org FROM merchants m JOIN outlets o ON o.merchant_ref = m.id WHERE m.merchant_id = '6011000551245' LIMIT 1`,
  );
  await client.end();
  process.stdout.write(`payments: ${CONCURRENCY} clients, ${SECONDS} s each\n`);
  // warm-up: connection pools, JIT, the verified-secret cache
  await httpLoad({
    url: `${apiUrl}/payment/NVP.aspx`,
    headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    body: nvpBody,
    concurrency: CONCURRENCY,
    seconds: 2,
  });
  const nvp = await httpLoad({
    url: `${apiUrl}/payment/NVP.aspx`,
    headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    body: nvpBody,
    concurrency: CONCURRENCY,
    seconds: SECONDS,
  });
  const restRun = await httpLoad({
    url: `${apiUrl}/rest/payment/sale`,
    headers: {
      'api-key': 'ak_test_lakeside',
      'api-secret': 'sk_test_lakeside',
      'content-type': 'application/json',
    },
    body: restBody,
    concurrency: CONCURRENCY,
    seconds: SECONDS,
  });
  const raw = await rawReference(databaseUrl, rows[0].merchant, rows[0].outlet, rows[0].org);
  const rawNoKeys = await rawReference(databaseUrl, rows[0].merchant, rows[0].outlet, rows[0].org, {
    foreignKeys: false,
  });
  const results = [
    summarize('NVP sale', nvp.latencies, nvp.errors, SECONDS),
    summarize('REST sale', restRun.latencies, restRun.errors, SECONDS),
    raw,
    rawNoKeys,
  ];
  for (const r of results) {
    const ratio =
      r === raw
        ? ''
        : r === rawNoKeys
          ? `  foreign keys cost ${(100 * (1 - raw.perSecond / r.perSecond)).toFixed(0)} %`
          : `  ${(100 * (r.perSecond / raw.perSecond)).toFixed(0)} % of raw (${(100 * (r.perSecond / rawNoKeys.perSecond)).toFixed(0)} % without keys)`;
    process.stdout.write(
      `${r.name.padEnd(30)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}${ratio}\n`,
    );
  }
  process.stdout.write(
    'targets: sale throughput >= 50 % of raw, p99 <= 50 ms at concurrency 32, api RSS <= 300 MB\n',
  );
  return results
    .filter((r) => r !== raw && r !== rawNoKeys)
    .map((r) => ({
      name: r.name,
      figure: `${r.perSecond.toFixed(0)} req/s`,
      raw: `${raw.perSecond.toFixed(0)} req/s`,
      ratio: `${(100 * (r.perSecond / raw.perSecond)).toFixed(0)} %`,
      p99: `${r.p99.toFixed(1)} ms`,
    }));
}
