import { randomUUID } from 'node:crypto';
import type { CheckScanner } from './check/check-scanner.js';
import { MicrError } from './check/micr.js';
import type { DeviceInfo, EntryMode, PaymentDevice, StatusEvent } from './device.js';
import { issuerResponseOf, type PlatformAnswer, PlatformClient, type PlatformOptions } from './platform.js';
import {
  amountCents,
  cardPayment,
  checkDeposit,
  type DepositRequest,
  type DepositResult,
  type DepositStatusEvent,
  requestErrors,
  simpleRefund,
  type TransactionRequest,
  type TransactionResult,
} from './requests.js';

export interface DeviceManagerOptions {
  device: PaymentDevice;
  /** For depositCheck. */
  checkScanner?: CheckScanner;
  platform: PlatformOptions;
}

export interface ProcessOptions {
  /** Aborting cancels the transaction while the device waits for or reads the card. */
  signal?: AbortSignal;
  onStatus?: (event: StatusEvent) => void;
}

export interface DepositOptions {
  signal?: AbortSignal;
  onStatus?: (event: DepositStatusEvent) => void;
}

const MODES_OF_CAPABILITY: Record<string, EntryMode> = {
  chip: 'emv',
  contactless: 'nfc',
  swipe: 'swipe',
  keyed: 'key',
};

type ErrorResult = Extract<TransactionResult, { status: 'error' }>;

function errorOf(answer: Extract<PlatformAnswer, { ok: false }>): ErrorResult {
  const { ok: _ok, ...rest } = answer;
  return { status: 'error', ...rest };
}

/**
 * The front desk's one object: a card device (and optionally a check scanner) and the platform.
 * It runs one transaction at a time: the device reads the card, the SDK sends it to the REST API
 * with an Idempotency-Key, then the device finishes with the card (issuer response, remove card).
 */
export class DeviceManager {
  private readonly platform: PlatformClient;
  private info: DeviceInfo | undefined;
  private busy = false;
  private controller: AbortController | undefined;

  constructor(private readonly options: DeviceManagerOptions) {
    this.platform = new PlatformClient(options.platform);
  }

  /** Connects the device; answers its model, serial number, firmware and capabilities. */
  async initialize(): Promise<DeviceInfo> {
    this.info = await this.options.device.connect();
    return this.info;
  }

  /** Cancels the transaction in progress, if its card has not gone to the platform yet. */
  cancel(): void {
    this.controller?.abort();
    this.options.device.cancel();
  }

  async dispose(): Promise<void> {
    this.cancel();
    await this.options.device.disconnect();
    this.info = undefined;
  }

  async processTransaction(
    request: TransactionRequest,
    options: ProcessOptions = {},
  ): Promise<TransactionResult> {
    if (!this.info) return { status: 'error', code: 'not_initialized', message: 'Call initialize() first' };
    const supported = this.info.capabilities.map((c) => MODES_OF_CAPABILITY[c]).filter(Boolean);
    const errors = requestErrors(request, supported);
    if (errors.length)
      return {
        status: 'error',
        code: 'invalid_request',
        message: errors.map((e) => e.message).join('; '),
        errors,
      };
    return this.exclusive(options.signal, (signal) => this.run(request, supported, signal, options.onStatus));
  }

  /** Scans the check in the scanner and deposits it as an eCheck, present, with both images. */
  async depositCheck(request: DepositRequest, options: DepositOptions = {}): Promise<DepositResult> {
    const scanner = this.options.checkScanner;
    if (!scanner) return { status: 'error', code: 'no_check_scanner', message: 'No checkScanner configured' };
    if (!/^\d{1,9}\.\d{2}$/.test(request.amount ?? ''))
      return {
        status: 'error',
        code: 'invalid_request',
        message: 'amount must be a decimal string such as "25.00"',
        errors: [{ field: 'amount', message: 'amount must be a decimal string such as "25.00"' }],
      };
    const emit = (type: DepositStatusEvent['type'], text: string) => options.onStatus?.({ type, text });
    return this.exclusive(options.signal, async (signal) => {
      emit('WaitingForCheck', 'Insert check');
      let scan;
      try {
        emit('Scanning', 'Scanning check…');
        scan = await scanner.scan({ signal });
      } catch (err) {
        if (signal.aborted) return { status: 'cancelled', reason: 'operator' };
        if (err instanceof MicrError)
          return { status: 'error', code: `micr_${err.code}`, message: err.message };
        throw err;
      }
      emit('Processing', 'Processing…');
      const { path, body } = checkDeposit(request, scan);
      const answer = await this.platform.post(path, body, request.idempotencyKey ?? randomUUID());
      if (!answer.ok) {
        emit('Complete', `Error: ${answer.message}`);
        return errorOf(answer);
      }
      const declined = answer.transaction.TransactionStatus === 'D';
      emit('Complete', declined ? 'Declined' : 'Approved');
      return {
        status: declined ? 'declined' : 'approved',
        transaction: answer.transaction,
        check: {
          routingNumber: scan.micr.routingNumber,
          accountLastFour: scan.micr.accountNumber.slice(-4),
          ...(scan.micr.checkNumber ? { checkNumber: scan.micr.checkNumber } : {}),
        },
      };
    });
  }

  private async exclusive<T>(
    outer: AbortSignal | undefined,
    work: (signal: AbortSignal) => Promise<T | ErrorResult>,
  ): Promise<T | ErrorResult> {
    if (this.busy) return { status: 'error', code: 'busy', message: 'A transaction is already in progress' };
    this.busy = true;
    const controller = new AbortController();
    this.controller = controller;
    const onAbort = () => controller.abort();
    if (outer?.aborted) onAbort();
    outer?.addEventListener('abort', onAbort, { once: true });
    try {
      return await work(controller.signal);
    } finally {
      outer?.removeEventListener('abort', onAbort);
      this.controller = undefined;
      this.busy = false;
    }
  }

  private async run(
    request: TransactionRequest,
    supported: EntryMode[],
    signal: AbortSignal,
    onStatus: ((event: StatusEvent) => void) | undefined,
  ): Promise<TransactionResult> {
    const device = this.options.device;
    const key = request.idempotencyKey ?? randomUUID();
    if (request.action === 'Refund' && request.refundOf) {
      onStatus?.({ type: 'Processing', text: 'Processing refund…' });
      const { path, body } = simpleRefund(request);
      const answer = await this.platform.post(path, body, key);
      onStatus?.({ type: 'Complete', text: answer.ok ? 'Refunded' : `Error: ${answer.message}` });
      if (!answer.ok) return errorOf(answer);
      return {
        status: answer.transaction.TransactionStatus === 'D' ? 'declined' : 'approved',
        transaction: answer.transaction,
      };
    }
    const amount = request.action === 'SaveOnFile' ? '0.00' : request.amount!;
    const read = await device.readCard(
      {
        action: request.action,
        amount,
        amountCents: amountCents(amount),
        entryModes: request.entryModes ?? supported,
        timeoutMs: request.timeoutMs,
      },
      { signal, onStatus },
    );
    if (read.kind === 'cancelled') {
      onStatus?.({ type: 'Complete', text: read.reason === 'timeout' ? 'Timed out' : 'Cancelled' });
      return { status: 'cancelled', reason: read.reason };
    }
    if (read.kind === 'error') {
      await device.complete({ outcome: 'error', message: read.message }, { onStatus });
      return { status: 'error', code: read.code, message: read.message };
    }
    // From here the card data is on its way: cancel no longer applies, the answer stands.
    const { path, body } = cardPayment(request, read.card);
    const answer = await this.platform.post(path, body, key);
    if (!answer.ok) {
      await device.complete({ outcome: 'error', message: answer.message }, { onStatus });
      return errorOf(answer);
    }
    const status = answer.transaction.TransactionStatus === 'D' ? 'declined' : 'approved';
    const done = await device.complete(
      { outcome: status, issuerResponse: issuerResponseOf(answer.transaction) },
      { onStatus },
    );
    return { status, transaction: answer.transaction, ...done };
  }
}
