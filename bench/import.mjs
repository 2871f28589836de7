import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

// The payment import file (batch-files.md): N Sale records for the demo merchant Lakeside,
// uploaded through the gateway (`upload`, supplied by the caller), processed by the running
// worker; prints records/s from upload to PROCESSED. The caller reads the worker's peak RSS.
const MERCHANT = '6011000551245';
const BASIC = `Basic ${Buffer.from('billing@lakeside-clinic:demo-nvp-pass').toString('base64')}`;

/** A stored card at Lakeside, made through the NVP API like any vendor would (SaveOnFile). */
async function storedCard(apiUrl) {
  const body = new URLSearchParams({
    merchantID: MERCHANT,
    storeID: '001',
    terminalID: '002',
    transactionType: 'CreditCard',
    transactionAction: 'SaveOnFile',
    cardNumber: '4111111111111111',
    cardExpiration: `12/${(new Date().getUTCFullYear() + 3) % 100}`,
  }).toString();
  const res = await fetch(`${apiUrl}/payment/NVP.aspx`, {
    method: 'POST',
    headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const text = await res.text();
  const id =
    new URLSearchParams(text).get('paymentMethodID') ?? /paymentMethodID=([0-9A-F]{32})/i.exec(text)?.[1];
  if (!id) throw new Error(`SaveOnFile gave no paymentMethodID (${res.status})`);
  return id;
}

/** Writes the file line by line (never the whole file in memory). */
async function writeFile(file, records, paymentMethodId, run) {
  const out = createWriteStream(file);
  for (let i = 0; i < records; i++) {
    const cents = 100 + (i % 9000);
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    const line = `IMPTI10|${MERCHANT}|001|002|Sale|${paymentMethodId}|${amount}|PT-${i}|Pat|Doe|bench|${run}-${i}\r\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** `redisUrl` is accepted for symmetry with the other benchmarks; the database tells the progress. */
export async function benchImport({
  databaseUrl,
  log = console.log,
  records = 100000,
  upload,
  apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000',
  timeoutMs = 30 * 60 * 1000,
}) {
  const run = randomUUID().slice(0, 8);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-import-'));
  const remoteName = `bench-${run}.txt`;
  const local = path.join(dir, remoteName);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const paymentMethodId = await storedCard(apiUrl);
    await writeFile(local, records, paymentMethodId, run);
    log(`import: ${records} Sale records for ${MERCHANT}, uploading ${remoteName}`);
    const started = performance.now();
    await upload(local, remoteName);
    const deadline = Date.now() + timeoutMs;
    let lastShown = -1;
    for (;;) {
      const { rows } = await db.query(
        `SELECT status, record_count, accepted_count, rejected_count FROM batch_files
         WHERE kind = 'IMPORT' AND direction = 'INBOUND' AND name = $1 ORDER BY created_at DESC LIMIT 1`,
        [remoteName],
      );
      const f = rows[0];
      if (f && f.record_count !== lastShown && f.record_count % 10000 < 600) {
        log(`import: ${f.status} ${f.record_count}/${records}`);
        lastShown = f.record_count;
      }
      if (f && (f.status === 'PROCESSED' || f.status === 'REJECTED')) {
        const seconds = (performance.now() - started) / 1000;
        const result = { records: f.record_count, seconds, recordsPerSecond: f.record_count / seconds };
        log(
          `import: ${f.status} ${f.record_count} records (${f.accepted_count} A, ${f.rejected_count} R) in ` +
            `${seconds.toFixed(1)} s = ${result.recordsPerSecond.toFixed(0)} records/s`,
        );
        return result;
      }
      if (Date.now() > deadline) throw new Error(`import not finished after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await db.end();
    await rm(dir, { recursive: true, force: true });
  }
}
