import { randomBytes } from 'node:crypto';
import { resolveCard, type TestCard, type TestCardName } from './cards.js';
import type {
  CancelReason,
  Capability,
  CardRead,
  CardReadResult,
  CardRequest,
  Completion,
  CompletionResult,
  DeviceContext,
  DeviceInfo,
  EntryMode,
  PaymentDevice,
  StatusEvent,
} from './device.js';
import { chipData, type Cvm } from './emv/chip-data.js';
import { decodeTlv, findTag } from './emv/tlv.js';
import { type Expiry, expiryText, trackData } from './emv/track.js';

export type Presentation = 'insert' | 'tap' | 'swipe' | 'key';

/** One customer at the terminal: what they do with which card. */
export type CustomerAction =
  | {
      presentation: Presentation;
      /** A TEST_CARDS name, a TestCard or a card number. Default visa. */
      card?: TestCard | TestCardName | string;
      /** The PIN they type; several for several tries (the last repeats). Default "1234". */
      pin?: string | string[];
      /** The chip cannot be read: the terminal asks for a swipe, which the customer does. */
      failChipRead?: boolean;
      /** MM/YY; default December, three years ahead. */
      expiration?: string;
      /** For keyed entry; default 123. */
      cvn?: string;
    }
  /** The customer presses cancel on the PIN pad. */
  | { presentation: 'cancel' }
  /** Nobody presents a card: the wait runs into its timeout. */
  | { presentation: 'none' };

export interface SimulatedTerminalOptions {
  /** The standing customer: used for every transaction while no scripted customer is queued. */
  card?: TestCard | TestCardName | string;
  presentation?: Presentation;
  pin?: string | string[];
  failChipRead?: boolean;
  expiration?: string;
  cvn?: string;
  /** Scripted customers, one per transaction, taken before the standing customer. */
  customers?: CustomerAction[];
  /** Pause at each step, as a person and a card reader take time. Default 250 ms; 0 in tests. */
  holdMs?: number;
  /** How long to wait for a card when the request does not say. Default 60 s. */
  timeoutMs?: number;
  /** The PIN the simulated cards accept. Default "1234". */
  correctPin?: string;
  model?: string;
  serialNumber?: string;
  firmware?: string;
  capabilities?: Capability[];
  /** The terminal's clock (9A). */
  now?: () => Date;
}

const PIN_TRIES = 3;
const MODE_OF: Record<Presentation, EntryMode> = { insert: 'emv', tap: 'nfc', swipe: 'swipe', key: 'key' };

class Cancelled extends Error {
  constructor(readonly reason: CancelReason) {
    super(`cancelled: ${reason}`);
  }
}

function defaultExpiry(now: Date): Expiry {
  return { month: 12, year: now.getUTCFullYear() + 3 };
}

function parseExpiration(text: string | undefined, now: Date): Expiry {
  if (!text) return defaultExpiry(now);
  const m = /^(\d{2})\/(\d{2})$/.exec(text);
  if (!m) throw new TypeError('expiration is MM/YY');
  return { month: Number(m[1]), year: 2000 + Number(m[2]) };
}

const money = (amount: string) => `$${amount}`;

/**
 * A card terminal in software, behaving like a real one: the customer inserts, taps, swipes or
 * keys a test card; the chip builds real BER-TLV with a valid sandbox cryptogram; PIN-preferring
 * cards ask for a PIN (three tries); a chip that cannot be read falls back to a swipe; a chip
 * card swiped is told to use the chip; cancel and the card-wait timeout are honoured until the
 * card data has gone to the platform.
 */
export class SimulatedTerminal implements PaymentDevice {
  private readonly queue: CustomerAction[];
  private readonly waiters: (() => void)[] = [];
  private readonly counters = new Map<string, number>();
  private readonly now: () => Date;
  private current: AbortController | undefined;
  private lastMode: EntryMode | undefined;

  constructor(private readonly options: SimulatedTerminalOptions = {}) {
    this.queue = [...(options.customers ?? [])];
    this.now = options.now ?? (() => new Date());
  }

  /** Queues the next customer ("next customer taps 4111…"); a waiting terminal reacts at once. */
  nextCustomer(action: CustomerAction): this {
    this.queue.push(action);
    this.waiters.splice(0).forEach((wake) => wake());
    return this;
  }

  async connect(): Promise<DeviceInfo> {
    return {
      model: this.options.model ?? 'Conduit Sim T1',
      serialNumber: this.options.serialNumber ?? 'SIM-0001',
      firmware: this.options.firmware ?? '1.0.0',
      capabilities: this.options.capabilities ?? ['chip', 'contactless', 'swipe', 'keyed', 'pin'],
    };
  }

  cancel(): void {
    this.current?.abort(new Cancelled('operator'));
  }

  async disconnect(): Promise<void> {
    this.cancel();
  }

  async readCard(request: CardRequest, context: DeviceContext = {}): Promise<CardReadResult> {
    const controller = new AbortController();
    this.current = controller;
    const onAbort = () => controller.abort(new Cancelled('operator'));
    if (context.signal?.aborted) onAbort();
    context.signal?.addEventListener('abort', onAbort, { once: true });
    const emit = (type: StatusEvent['type'], text: string) => context.onStatus?.({ type, text });
    try {
      const deadline = Date.now() + (request.timeoutMs ?? this.options.timeoutMs ?? 60_000);
      const result = await this.collect(request, controller.signal, deadline, emit);
      if (result.kind === 'card') {
        this.lastMode = result.card.entryMode;
        emit('Processing', 'Processing… please wait');
      }
      return result;
    } catch (err) {
      if (err instanceof Cancelled) return { kind: 'cancelled', reason: err.reason };
      throw err;
    } finally {
      context.signal?.removeEventListener('abort', onAbort);
      if (this.current === controller) this.current = undefined;
    }
  }

  async complete(completion: Completion, context: DeviceContext = {}): Promise<CompletionResult> {
    const emit = (type: StatusEvent['type'], text: string) => context.onStatus?.({ type, text });
    const word =
      completion.outcome === 'approved'
        ? 'Approved'
        : completion.outcome === 'declined'
          ? 'Declined'
          : 'Error';
    const result: CompletionResult = {};
    if (this.lastMode === 'emv') {
      // Second generate AC: the card asks for a TC when the issuer said 00 (8A), else an AAC.
      const arc = completion.issuerResponse ? findTag(decodeTlv(completion.issuerResponse), '8A') : undefined;
      result.cryptogramType =
        completion.outcome === 'approved' && (arc === undefined || arc === '3030') ? 'TC' : 'AAC';
      emit('RemoveCard', `${word}: please remove card`);
      await this.hold();
    }
    this.lastMode = undefined;
    emit(
      'Complete',
      completion.outcome === 'error' && completion.message ? `${word}: ${completion.message}` : word,
    );
    return result;
  }

  private hold(signal?: AbortSignal, ms = this.options.holdMs ?? 250): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
      const onAbort = () => (clearTimeout(timer), reject(signal?.reason));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The standing customer, if the options describe one. */
  private standing(): CustomerAction | undefined {
    const o = this.options;
    if (!o.card && !o.presentation) return undefined;
    return {
      presentation: o.presentation ?? 'insert',
      card: o.card,
      pin: o.pin,
      failChipRead: o.failChipRead,
      expiration: o.expiration,
      cvn: o.cvn,
    };
  }

  /** The next customer: a queued one, else the standing one, else wait for one until the deadline. */
  private async nextAction(
    signal: AbortSignal,
    deadline: number,
    useStanding = true,
  ): Promise<CustomerAction> {
    for (;;) {
      const queued = this.queue.shift();
      if (queued) return queued;
      const standing = useStanding ? this.standing() : undefined;
      if (standing) return standing;
      const left = deadline - Date.now();
      if (left <= 0) throw new Cancelled('timeout');
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => done(() => reject(new Cancelled('timeout'))), left);
        const wake = () => done(resolve);
        const onAbort = () => done(() => reject(signal.reason));
        const done = (then: () => void) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          const i = this.waiters.indexOf(wake);
          if (i >= 0) this.waiters.splice(i, 1);
          then();
        };
        this.waiters.push(wake);
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      });
    }
  }

  private async collect(
    request: CardRequest,
    signal: AbortSignal,
    deadline: number,
    emit: (type: StatusEvent['type'], text: string) => void,
  ): Promise<CardReadResult> {
    const what = request.action === 'SaveOnFile' ? 'Save card' : `${request.action} ${money(request.amount)}`;
    emit('WaitingForCard', `${what}: ${this.prompt(request.entryModes)}`);
    let action = await this.nextAction(signal, deadline);
    for (;;) {
      if (action.presentation === 'cancel') throw new Cancelled('customer');
      if (action.presentation === 'none') {
        action = await this.nextAction(signal, deadline, false);
        continue;
      }
      const card = resolveCard(action.card ?? 'visa');
      const expiry = parseExpiration(action.expiration, this.now());
      const mode = MODE_OF[action.presentation];
      if (!request.entryModes.includes(mode)) {
        emit('WaitingForCard', `Card not accepted that way: ${this.prompt(request.entryModes)}`);
        action = await this.nextAction(signal, deadline, false);
        continue;
      }
      await this.hold(signal);
      if (action.presentation === 'key') {
        emit('ReadingCard', 'Card number keyed');
        const cvn = action.cvn ?? '123';
        return { kind: 'card', pinVerified: false, card: this.keyed(card, expiry, cvn) };
      }
      if (action.presentation === 'swipe') {
        if (card.chip) {
          // A real terminal reads the service code (2xx: chip card) and refuses the stripe.
          emit('WaitingForCard', 'Chip card: please insert the chip');
          action = (await this.nextOrFollow(signal, deadline, action, 'insert')) ?? action;
          continue;
        }
        emit('ReadingCard', 'Reading card…');
        return {
          kind: 'card',
          pinVerified: false,
          card: { entryMode: 'swipe', trackData: trackData(card, expiry) },
        };
      }
      emit('ReadingCard', action.presentation === 'insert' ? 'Reading card… do not remove' : 'Reading card…');
      await this.hold(signal);
      if (action.presentation === 'insert' && action.failChipRead) {
        if (!request.entryModes.includes('swipe'))
          return { kind: 'error', code: 'chip_read_failed', message: 'Chip read failed' };
        emit('ReadingCard', 'Chip read failed: please swipe card');
        await this.hold(signal);
        emit('ReadingCard', 'Reading card…');
        return {
          kind: 'card',
          pinVerified: false,
          card: { entryMode: 'swipe', trackData: trackData(card, expiry), fallback: true },
        };
      }
      let cvm: Cvm = action.presentation === 'tap' ? 'none' : 'signature';
      if (action.presentation === 'insert' && card.prefersPin) {
        const verified = await this.enterPin(action.pin, signal, emit);
        if (!verified) return { kind: 'error', code: 'pin_tries_exceeded', message: 'PIN tries exceeded' };
        cvm = 'pin';
      }
      return {
        kind: 'card',
        pinVerified: cvm === 'pin',
        card: { entryMode: mode, emvData: this.chip(card, expiry, request, mode === 'nfc', cvm) },
      };
    }
  }

  /** After a prompt: a queued customer if one comes, else the standing customer does as told. */
  private async nextOrFollow(
    signal: AbortSignal,
    deadline: number,
    previous: CustomerAction,
    presentation: Presentation,
  ): Promise<CustomerAction | undefined> {
    if (this.queue.length > 0 || !this.standing()) return this.nextAction(signal, deadline, false);
    return { ...previous, presentation } as CustomerAction;
  }

  private async enterPin(
    pin: string | string[] | undefined,
    signal: AbortSignal,
    emit: (type: StatusEvent['type'], text: string) => void,
  ): Promise<boolean> {
    const tries = Array.isArray(pin) ? pin : [pin ?? this.options.correctPin ?? '1234'];
    emit('EnterPin', 'Enter PIN');
    for (let i = 0; i < PIN_TRIES; i++) {
      await this.hold(signal);
      // The PIN itself is never shown, logged or sent: the card verifies it (offline PIN).
      if (tries[Math.min(i, tries.length - 1)] === (this.options.correctPin ?? '1234')) {
        emit('EnterPin', 'PIN OK');
        return true;
      }
      const left = PIN_TRIES - i - 1;
      if (left > 0) emit('EnterPin', `Incorrect PIN: ${left} ${left === 1 ? 'try' : 'tries'} left`);
    }
    return false;
  }

  private keyed(card: TestCard, expiry: Expiry, cvn: string): CardRead {
    return { entryMode: 'key', cardNumber: card.pan, expiration: expiryText(expiry), cvn };
  }

  private chip(card: TestCard, expiry: Expiry, request: CardRequest, contactless: boolean, cvm: Cvm): string {
    const atc = (this.counters.get(card.pan) ?? 0) + 1;
    this.counters.set(card.pan, atc);
    return chipData({
      card,
      expiry,
      amountCents: request.amountCents,
      transactionType: request.action === 'Refund' ? '20' : '00',
      contactless,
      cvm,
      date: this.now(),
      atc,
      unpredictableNumber: randomBytes(4).toString('hex'),
      terminalSerial: this.options.serialNumber ?? 'SIM-0001',
    }).tlv;
  }

  private prompt(modes: EntryMode[]): string {
    const words = [
      modes.includes('emv') && 'insert',
      modes.includes('nfc') && 'tap',
      modes.includes('swipe') && 'swipe',
    ].filter(Boolean) as string[];
    const list =
      words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
    const text = list ? `${list} card` : 'key card number';
    return text[0].toUpperCase() + text.slice(1);
  }
}
