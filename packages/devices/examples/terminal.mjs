// The simulated terminal as a server-driven terminal (no software on the vendor's machine):
// pair it once with the code the console shows, then it waits for payments the vendor's server
// asks for with POST /rest/terminals/{TerminalDeviceID}/process-payment.
//   node examples/terminal.mjs ABCD-EFGH      (pair, then run)
//   node examples/terminal.mjs                (run with the stored credentials)
import { runTerminal, SimulatedTerminal } from '@conduit-payments/devices';
import { platform } from './config.mjs';

const terminal = await runTerminal({
  baseUrl: platform.baseUrl,
  pairingCode: process.argv[2],
  credentialsFile: process.env.CONDUIT_TERMINAL_CREDENTIALS ?? 'conduit-terminal.json',
  // Every customer taps a contactless card; script others with device.nextCustomer(...).
  device: new SimulatedTerminal({ card: 'visa', presentation: 'tap' }),
  onLog: (entry) => console.log(JSON.stringify(entry)),
});
console.log(`terminal ${terminal.terminalDeviceId} running; Ctrl-C stops it`);
process.once('SIGINT', () => void terminal.stop());
await terminal.done;
