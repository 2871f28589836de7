import { checkBack, checkFront, type CheckFace } from './check-image.js';
import { abaValid, formatMicr, type MicrLine, parseMicr } from './micr.js';

export interface CheckScan {
  micr: MicrLine;
  front: CheckFace;
  back: CheckFace;
}

export interface ScanOptions {
  signal?: AbortSignal;
}

/** A check scanner driver: one scan of the check in the feeder, MICR line parsed and validated. */
export interface CheckScanner {
  scan(options?: ScanOptions): Promise<CheckScan>;
}

export interface SimulatedCheckScannerOptions {
  /** Nine digits with a valid ABA check digit (e.g. 011000015). */
  routing: string;
  /** 4–17 digits. */
  account: string;
  checkNumber?: string;
  /** Wait this long per scan, as a feeder does. Default 0. */
  scanMs?: number;
}

/**
 * A scanner that "reads" the check it was given: it prints the MICR line, draws both faces as
 * real PNGs and parses the line back as a hardware scanner's driver would, so a bad routing
 * number fails at scan time exactly as a misread would.
 */
export class SimulatedCheckScanner implements CheckScanner {
  constructor(private readonly options: SimulatedCheckScannerOptions) {
    if (!abaValid(options.routing))
      throw new RangeError('routing must be 9 digits with a valid ABA check digit');
  }

  async scan({ signal }: ScanOptions = {}): Promise<CheckScan> {
    const { routing, account, checkNumber, scanMs = 0 } = this.options;
    if (scanMs > 0)
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, scanMs);
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
      });
    signal?.throwIfAborted();
    const raw = formatMicr(routing, account, checkNumber);
    return { micr: parseMicr(raw), front: checkFront(raw), back: checkBack() };
  }
}
