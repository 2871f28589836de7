// A front desk's day with the simulated terminal: chip, tap, PIN, a declined card, a chip that
// cannot be read (fallback swipe) and a cancel. Run against the sandbox: node examples/front-desk.mjs
import { DeviceManager, SimulatedTerminal, TEST_CARDS } from '@conduit-payments/devices';
import { outlet, platform } from './config.mjs';

const terminal = new SimulatedTerminal({ holdMs: Number(process.env.HOLD_MS ?? 100) });
const devices = new DeviceManager({ device: terminal, platform });
const info = await devices.initialize();
console.log(`terminal ${info.model} ${info.serialNumber} (${info.capabilities.join(', ')})`);

const patient = { patientId: 'P-1001', firstName: 'Pat', lastName: 'Doe' };
const onStatus = (s) => console.log(`  [${s.type}] ${s.text}`);
const show = (label, r) => {
  if (r.status === 'approved' || r.status === 'declined') {
    const t = r.transaction;
    const card = t.Card ?? {};
    console.log(
      `${label}: ${r.status} ${t.ResponseCode} ${t.TransactionID} ${card.EntryMode ?? ''}` +
        `${card.IsEMVVerifiedByPIN ? ' PIN' : ''}${r.cryptogramType ? ` ${r.cryptogramType}` : ''}`,
    );
  } else if (r.status === 'cancelled') console.log(`${label}: cancelled (${r.reason})`);
  else console.log(`${label}: error ${r.code}: ${r.message}`);
  return r;
};

terminal.nextCustomer({ presentation: 'insert', card: TEST_CARDS.visa.pan });
const sale = show(
  'chip sale',
  await devices.processTransaction({ action: 'Sale', amount: '25.00', outlet, patient }, { onStatus }),
);

terminal.nextCustomer({ presentation: 'tap', card: 'mastercard' });
show(
  'contactless sale',
  await devices.processTransaction({ action: 'Sale', amount: '12.50', outlet, patient }),
);

terminal.nextCustomer({ presentation: 'insert', card: 'visaDebitPin', pin: '1234' });
show(
  'PIN debit sale',
  await devices.processTransaction({ action: 'Sale', amount: '40.00', outlet, patient }, { onStatus }),
);

terminal.nextCustomer({ presentation: 'insert', card: 'doNotHonor' });
show('declined card', await devices.processTransaction({ action: 'Sale', amount: '9.00', outlet, patient }));

terminal.nextCustomer({ presentation: 'insert', card: 'visa', failChipRead: true });
show(
  'fallback swipe',
  await devices.processTransaction({ action: 'Sale', amount: '15.00', outlet, patient }, { onStatus }),
);

// Nobody presents a card; the desk cancels after a moment.
const controller = new AbortController();
setTimeout(() => controller.abort(), 300);
show(
  'cancelled',
  await devices.processTransaction(
    { action: 'Sale', amount: '5.00', outlet, patient },
    { signal: controller.signal },
  ),
);

if (sale.status === 'approved')
  show(
    'refund',
    await devices.processTransaction({
      action: 'Refund',
      amount: '5.00',
      outlet,
      refundOf: sale.transaction.TransactionID,
    }),
  );

await devices.dispose();
