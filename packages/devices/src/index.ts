export {
  DeviceManager,
  type DeviceManagerOptions,
  type DepositOptions,
  type ProcessOptions,
} from './device-manager.js';
export type {
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
  StatusType,
  TransactionAction,
} from './device.js';
export {
  SimulatedTerminal,
  type CustomerAction,
  type Presentation,
  type SimulatedTerminalOptions,
} from './simulated-terminal.js';
export {
  AIDS,
  brandOf,
  luhnValid,
  resolveCard,
  TEST_CARDS,
  type CardBrand,
  type SandboxOutcome,
  type TestCard,
  type TestCardName,
} from './cards.js';
export type {
  DepositedCheck,
  DepositRequest,
  DepositResult,
  DepositStatusEvent,
  DepositStatusType,
  Outlet,
  Patient,
  TransactionRequest,
  TransactionResult,
} from './requests.js';
export type { PlatformFieldError, PlatformOptions, PlatformTransaction } from './platform.js';
export {
  type CheckScan,
  type CheckScanner,
  type ScanOptions,
  SimulatedCheckScanner,
  type SimulatedCheckScannerOptions,
} from './check/check-scanner.js';
export { abaCheckDigit, abaValid, formatMicr, MicrError, type MicrLine, parseMicr } from './check/micr.js';
export { encodePng, type Bitmap } from './check/png.js';
export type { CheckFace } from './check/check-image.js';
export { decodeTlv, encodeTlv, findTag, type DataObject } from './emv/tlv.js';
export {
  CRYPTOGRAM_TAGS,
  sandboxCryptogram,
  SANDBOX_ISSUER_KEY,
  type CryptogramInput,
} from './emv/cryptogram.js';
export { chipData, type ChipReadInput, type Cvm } from './emv/chip-data.js';
export { trackData, type Expiry } from './emv/track.js';
export {
  pairTerminal,
  reconnectDelayMs,
  runTerminal,
  TerminalPairingError,
  type RunningTerminal,
  type RunTerminalOptions,
  type TerminalLogEntry,
} from './terminal/run-terminal.js';
export type { TerminalCredentials } from './terminal/credentials.js';
export type { ServerMessage, TerminalMessage } from './terminal/protocol.js';
