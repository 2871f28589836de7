import { readCredentials, type TerminalCredentials, writeCredentials } from './credentials.js';
import { parseServerMessage, type ServerMessage, type TerminalMessage } from './protocol.js';
import { openSocket, type TerminalSocket } from './socket.js';
import type { PaymentDevice, StatusEvent } from '../device.js';
import { amountCents } from '../requests.js';

/** One line of what the terminal does; never a secret or card data. */
export interface TerminalLogEntry {
  event:
    | 'paired'
    | 'connecting'
    | 'connected'
    | 'disconnected'
    | 'unauthorized'
    | 'action'
    | 'status'
    | 'card'
    | 'cancelled'
    | 'error'
    | 'result'
    | 'stopped';
  [field: string]: unknown;
}

export interface RunTerminalOptions {
  /** The platform, e.g. http://localhost:3000. */
  baseUrl: string;
  device: PaymentDevice;
  /** Where TerminalDeviceID and DeviceSecret are kept (mode 0600). */
  credentialsFile: string;
  /** A one-time code from the console (XXXX-XXXX): pairs first, replacing stored credentials. */
  pairingCode?: string;
  onLog?: (entry: TerminalLogEntry) => void;
  /** Reconnect waits: exponential from this, with jitter. Default 500 ms … 30 s. */
  backoff?: { baseDelayMs: number; maxDelayMs: number };
  fetch?: typeof fetch;
}

export interface RunningTerminal {
  terminalDeviceId: string;
  /** Closes the connection and stops reconnecting. */
  stop(): Promise<void>;
  /** Settles when the terminal stops: resolves on stop(), rejects when its credentials are refused. */
  done: Promise<void>;
}

export class TerminalPairingError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
    this.name = 'TerminalPairingError';
  }
}

/** Pairs with a one-time code: POST /rest/terminals/pair (no Api-Key: the code is the credential). */
export async function pairTerminal(
  baseUrl: string,
  pairingCode: string,
  device: PaymentDevice,
  fetchImpl: typeof fetch = globalThis.fetch,
): Promise<TerminalCredentials> {
  const info = await device.connect();
  const res = await fetchImpl(new URL('/rest/terminals/pair', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      PairingCode: pairingCode,
      Model: info.model,
      SerialNumber: info.serialNumber,
      Firmware: info.firmware,
      Capabilities: info.capabilities,
    }),
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (
    res.status !== 200 ||
    typeof body.TerminalDeviceID !== 'string' ||
    typeof body.DeviceSecret !== 'string'
  )
    throw new TerminalPairingError(
      String(body.ErrorMessage ?? `Pairing failed (HTTP ${res.status})`),
      res.status,
    );
  const outlet = body.Outlet as Record<string, string> | undefined;
  return {
    terminalDeviceId: body.TerminalDeviceID,
    deviceSecret: body.DeviceSecret,
    connectUrl: typeof body.ConnectURL === 'string' ? body.ConnectURL : '/rest/terminals/connect',
    ...(outlet
      ? { outlet: { merchantId: outlet.MerchantID, storeId: outlet.StoreID, terminalId: outlet.TerminalID } }
      : {}),
  };
}

/** Equal-jitter exponential backoff: half the delay for sure, the other half at random. */
export function reconnectDelayMs(attempt: number, base: number, max: number, random = Math.random): number {
  const exp = Math.min(max, base * 2 ** attempt);
  return Math.round(exp / 2 + random() * (exp / 2));
}

interface OpenAction {
  actionId: string;
  controller: AbortController;
  /** The card has gone to the platform: cancel no longer applies; the result is awaited. */
  cardSent: boolean;
  resolveResult?: (m: Extract<ServerMessage, { type: 'result' }>) => void;
}

/**
 * Runs a device as a server-driven terminal (contracts C): pairs if given a code, then holds a
 * WebSocket to the platform, reconnecting with backoff, and runs every action it is sent on the
 * device, reporting status, the card read and cancellations. Messages that must arrive (card,
 * cancelled, error) wait in a queue while the connection is down.
 */
export async function runTerminal(options: RunTerminalOptions): Promise<RunningTerminal> {
  const log = options.onLog ?? (() => undefined);
  let credentials = options.pairingCode ? undefined : readCredentials(options.credentialsFile);
  if (!credentials) {
    if (!options.pairingCode)
      throw new Error(`No credentials in ${options.credentialsFile}: pair with a code first`);
    credentials = await pairTerminal(options.baseUrl, options.pairingCode, options.device, options.fetch);
    writeCredentials(options.credentialsFile, credentials);
    log({ event: 'paired', terminalDeviceId: credentials.terminalDeviceId, outlet: credentials.outlet });
  }
  const creds = credentials;
  const { baseDelayMs, maxDelayMs } = options.backoff ?? { baseDelayMs: 500, maxDelayMs: 30_000 };
  const url = new URL(creds.connectUrl, options.baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const authorization = `Basic ${Buffer.from(`${creds.terminalDeviceId}:${creds.deviceSecret}`).toString('base64')}`;

  let socket: TerminalSocket | undefined;
  let live = false;
  let stopped = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  let heartbeatMs = 15_000;
  let current: OpenAction | undefined;
  const outbox: TerminalMessage[] = [];
  let settle!: { resolve: () => void; reject: (err: Error) => void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));

  const send = (message: TerminalMessage, mustArrive = false) => {
    if (live && socket) socket.send(JSON.stringify(message));
    else if (mustArrive) outbox.push(message);
  };

  // A connection that hears nothing (not even a ping) for three heartbeats is dead: reconnect.
  const feedWatchdog = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => socket?.close(4000, 'heartbeat missed'), heartbeatMs * 3);
  };

  const runAction = async (m: Extract<ServerMessage, { type: 'action' }>) => {
    const action: OpenAction = { actionId: m.actionId, controller: new AbortController(), cardSent: false };
    current = action;
    log({ event: 'action', actionId: m.actionId, action: m.action, amount: m.amount });
    const onStatus = (s: StatusEvent) => {
      send({ type: 'status', actionId: m.actionId, status: s.type, text: s.text });
      log({ event: 'status', actionId: m.actionId, status: s.type, text: s.text });
    };
    try {
      const amount = m.action === 'SaveOnFile' ? '0.00' : m.amount;
      const read = await options.device.readCard(
        {
          action: m.action,
          amount,
          amountCents: amountCents(amount),
          entryModes: m.entryModes ?? ['emv', 'nfc', 'swipe', 'key'],
          timeoutMs: m.timeoutSeconds ? m.timeoutSeconds * 1000 : undefined,
        },
        { signal: action.controller.signal, onStatus },
      );
      if (read.kind === 'cancelled') {
        // Only the platform cancels a server-driven terminal's action (nobody operates it locally).
        const reason = read.reason === 'operator' ? 'server' : read.reason;
        send({ type: 'cancelled', actionId: m.actionId, reason }, true);
        log({ event: 'cancelled', actionId: m.actionId, reason });
        return;
      }
      if (read.kind === 'error') {
        send({ type: 'error', actionId: m.actionId, message: read.message }, true);
        log({ event: 'error', actionId: m.actionId, message: read.message });
        await options.device.complete({ outcome: 'error', message: read.message }, { onStatus });
        return;
      }
      const result = new Promise<Extract<ServerMessage, { type: 'result' }>>(
        (resolve) => (action.resolveResult = resolve),
      );
      action.cardSent = true;
      send({ type: 'card', actionId: m.actionId, card: read.card }, true);
      log({
        event: 'card',
        actionId: m.actionId,
        entryMode: read.card.entryMode,
        fallback: read.card.fallback ?? false,
      });
      const answer = await result;
      const done = await options.device.complete(
        { outcome: answer.outcome, issuerResponse: answer.emvIssuerResponse, message: answer.message },
        { onStatus },
      );
      logResult(answer, done.cryptogramType);
    } finally {
      if (current === action) current = undefined;
    }
  };

  const logResult = (m: Extract<ServerMessage, { type: 'result' }>, cryptogramType?: string) => {
    const t = m.transaction ?? {};
    log({
      event: 'result',
      actionId: m.actionId,
      outcome: m.outcome,
      transactionId: t.TransactionID,
      responseCode: t.ResponseCode,
      message: m.message ?? t.ResponseMessage,
      ...(cryptogramType ? { cryptogramType } : {}),
    });
  };

  const onMessage = (text: string) => {
    feedWatchdog();
    const m = parseServerMessage(text);
    if (!m) return;
    switch (m.type) {
      case 'hello':
        heartbeatMs = (m.heartbeatSeconds ?? 15) * 1000;
        feedWatchdog();
        return;
      case 'ping':
        send({ type: 'pong' });
        return;
      case 'action':
        // Re-sent after a reconnect while the device still runs it: carry on.
        if (current?.actionId === m.actionId) return;
        if (current) {
          send(
            { type: 'error', actionId: m.actionId, message: 'Terminal is busy with another action' },
            true,
          );
          return;
        }
        void runAction(m).catch((err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          send({ type: 'error', actionId: m.actionId, message }, true);
          log({ event: 'error', actionId: m.actionId, message });
        });
        return;
      case 'cancel':
        if (current?.actionId === m.actionId && !current.cardSent) current.controller.abort();
        return;
      case 'result':
        if (current?.actionId === m.actionId && current.resolveResult) current.resolveResult(m);
        else logResult(m); // finished while the terminal was away: show it
        return;
    }
  };

  const connect = async () => {
    if (stopped) return;
    log({ event: 'connecting', url: url.toString(), attempt });
    try {
      socket = await openSocket(url.toString(), authorization);
    } catch (err) {
      settle.reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    const s = socket;
    s.onOpen(() => {
      live = true;
      attempt = 0;
      log({ event: 'connected', terminalDeviceId: creds.terminalDeviceId });
      feedWatchdog();
      for (const m of outbox.splice(0)) s.send(JSON.stringify(m));
    });
    s.onMessage(onMessage);
    s.onClose(({ code, unauthorized }) => {
      live = false;
      clearTimeout(watchdog);
      if (socket === s) socket = undefined;
      if (stopped) return;
      if (unauthorized) {
        stopped = true;
        log({ event: 'unauthorized', terminalDeviceId: creds.terminalDeviceId });
        current?.controller.abort();
        settle.reject(new Error('The platform refused this terminal’s credentials: pair it again'));
        return;
      }
      const delay = reconnectDelayMs(attempt++, baseDelayMs, maxDelayMs);
      log({ event: 'disconnected', code, reconnectInMs: delay });
      retryTimer = setTimeout(() => void connect(), delay);
    });
  };

  await connect();
  return {
    terminalDeviceId: creds.terminalDeviceId,
    done,
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(watchdog);
      current?.controller.abort();
      socket?.close(1000, 'terminal stopped');
      log({ event: 'stopped' });
      settle.resolve();
    },
  };
}
