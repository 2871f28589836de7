import type { CardRead, EntryMode, StatusType, TransactionAction } from '../device.js';

/** Messages of the terminal connection (contracts C), as JSON text frames. */
export type ServerMessage =
  | { type: 'hello'; terminalDeviceId: string; heartbeatSeconds?: number }
  | {
      type: 'action';
      actionId: string;
      action: TransactionAction;
      amount: string;
      entryModes?: EntryMode[];
      timeoutSeconds?: number;
      patient?: Record<string, unknown>;
    }
  | { type: 'cancel'; actionId: string }
  | {
      type: 'result';
      actionId: string;
      outcome: 'approved' | 'declined' | 'error';
      transaction?: Record<string, unknown>;
      message?: string;
      emvIssuerResponse?: string;
    }
  | { type: 'ping' };

export type TerminalMessage =
  | { type: 'status'; actionId: string; status: StatusType; text: string }
  | { type: 'card'; actionId: string; card: CardRead }
  | { type: 'cancelled'; actionId: string; reason: 'customer' | 'timeout' | 'server' }
  | { type: 'error'; actionId: string; message: string }
  | { type: 'pong' };

export function parseServerMessage(text: string): ServerMessage | undefined {
  try {
    const m = JSON.parse(text) as { type?: unknown };
    return m && typeof m === 'object' && typeof m.type === 'string' ? (m as ServerMessage) : undefined;
  } catch {
    return undefined;
  }
}
