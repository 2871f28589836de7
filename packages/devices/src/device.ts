/** How a card reached the terminal, named as the REST interface names it (Card.EntryMode). */
export type EntryMode = 'emv' | 'nfc' | 'swipe' | 'key';

export const ENTRY_MODES: readonly EntryMode[] = ['emv', 'nfc', 'swipe', 'key'];

export type Capability = 'chip' | 'contactless' | 'swipe' | 'keyed' | 'pin';

export type TransactionAction = 'Sale' | 'Authorization' | 'Refund' | 'SaveOnFile';

/** What the terminal shows, as devices.md names the steps. */
export type StatusType =
  'WaitingForCard' | 'ReadingCard' | 'EnterPin' | 'Processing' | 'RemoveCard' | 'Complete';

export interface StatusEvent {
  type: StatusType;
  /** The text on the device's display. */
  text: string;
}

export interface DeviceInfo {
  model: string;
  serialNumber: string;
  firmware: string;
  capabilities: Capability[];
}

/** What the terminal is asked to collect a card for. */
export interface CardRequest {
  action: TransactionAction;
  /** Decimal string, e.g. "25.00" ("0.00" for SaveOnFile). */
  amount: string;
  amountCents: number;
  entryModes: EntryMode[];
  /** How long to wait for the customer to present a card. */
  timeoutMs?: number;
}

/**
 * The card as read, in the shape the platform takes it (and the terminal protocol's `card`
 * message carries): chip data, track data or keyed fields. This is card data: hand it to the
 * platform and drop it; never log or store it.
 */
export interface CardRead {
  entryMode: EntryMode;
  /** Hex BER-TLV (emv, nfc). */
  emvData?: string;
  /** Track 1 and 2 as a reader types them (swipe). */
  trackData?: string;
  cardNumber?: string;
  expiration?: string;
  cvn?: string;
  /** A swipe after the chip could not be read. */
  fallback?: boolean;
}

export type CancelReason = 'customer' | 'timeout' | 'operator';

export type CardReadResult =
  | { kind: 'card'; card: CardRead; pinVerified: boolean }
  | { kind: 'cancelled'; reason: CancelReason }
  | { kind: 'error'; code: string; message: string };

/** The platform's answer, handed back to the device to finish with the card. */
export interface Completion {
  outcome: 'approved' | 'declined' | 'error';
  /** Hex TLV from the platform (EMVIssuerResponse): 8A and 91, for the card's second generate AC. */
  issuerResponse?: string;
  message?: string;
}

export interface CompletionResult {
  /** The card's final cryptogram after the second generate AC (chip only). */
  cryptogramType?: 'TC' | 'AAC';
}

export interface DeviceContext {
  signal?: AbortSignal;
  onStatus?: (event: StatusEvent) => void;
}

/**
 * A card-present terminal driver. The simulated terminal is one; a driver for real hardware
 * (USB HID, serial, network) implements the same four steps.
 */
export interface PaymentDevice {
  connect(): Promise<DeviceInfo>;
  /** Waits for the customer, reads the card (asking for a PIN if the card wants one). */
  readCard(request: CardRequest, context?: DeviceContext): Promise<CardReadResult>;
  /** Finishes with the card after the platform answered (second generate AC, remove card). */
  complete(completion: Completion, context?: DeviceContext): Promise<CompletionResult>;
  /** Cancels a read in progress (until the card data has gone to the platform). */
  cancel(): void;
  disconnect(): Promise<void>;
}
