// Scans a check with the simulated scanner and deposits it as an eCheck, patient present, with
// the front and back images. Run against the sandbox: node examples/check-deposit.mjs
import { DeviceManager, SimulatedCheckScanner, SimulatedTerminal } from '@conduit-payments/devices';
import { outlet, platform } from './config.mjs';

const devices = new DeviceManager({
  device: new SimulatedTerminal(),
  checkScanner: new SimulatedCheckScanner({
    routing: '011000015',
    account: '123456789',
    checkNumber: '1042',
  }),
  platform,
});
await devices.initialize();

const result = await devices.depositCheck(
  {
    amount: '80.00',
    outlet,
    patient: { patientId: 'P-1001', firstName: 'Pat', lastName: 'Doe' },
    accountHolderName: 'Pat Doe',
  },
  { onStatus: (s) => console.log(`  [${s.type}] ${s.text}`) },
);
if (result.status === 'approved' || result.status === 'declined')
  console.log(
    `check ${result.check.checkNumber} from ${result.check.routingNumber} …${result.check.accountLastFour}: ` +
      `${result.status} ${result.transaction.ResponseCode} ${result.transaction.TransactionID}`,
  );
else
  console.log(
    `check: ${result.status} ${result.status === 'error' ? `${result.code}: ${result.message}` : result.reason}`,
  );
await devices.dispose();
