/**
 * How the core tells the replica that holds a terminal's socket that something changed (a new
 * action, a cancel, a revoke), and whether a terminal is online anywhere. The api implements it
 * over Redis (pub/sub and a presence key with a TTL); nothing of it lives only in one process.
 */
export interface TerminalSignal {
  /** Re-read the terminal's state from PostgreSQL and send what it now owes the device. */
  wake(terminalDeviceId: string): Promise<void>;
  /** Close the terminal's socket (revoked, or its secret replaced). */
  disconnect(terminalDeviceId: string): Promise<void>;
  /** Those of these terminals that hold a live socket on some replica. */
  online(terminalDeviceIds: string[]): Promise<Set<string>>;
}

export const TERMINAL_SIGNAL = Symbol('TERMINAL_SIGNAL');
