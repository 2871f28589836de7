import type { RestClient } from '../rest.js';
import type { RequestOptions } from '../transport.js';
import type {
  AuthorizationRequest,
  CaptureRequest,
  PaymentRequest,
  PaymentResult,
  RefundRequest,
  SaveOnFileRequest,
  SimpleRefundRequest,
  VoidRequest,
} from '../types.js';

/**
 * Payments over REST. Each call answers the transaction, approved or declined (check
 * `TransactionStatus` / `ResponseCode`); only errors throw. Every call carries an
 * Idempotency-Key, so a retry never charges twice.
 */
export class Payments {
  constructor(private readonly rest: RestClient) {}

  /** Authorize and capture. */
  sale(request: PaymentRequest, options?: RequestOptions): Promise<PaymentResult> {
    return this.rest.post('rest/payment/sale', request, options, true);
  }

  /** Hold funds on a card; capture within 7 days. */
  authorize(request: AuthorizationRequest, options?: RequestOptions): Promise<PaymentResult> {
    return this.rest.post('rest/payment/authorization', request, options, true);
  }

  /** Capture an authorization, once, for at most its amount (`TransactionID`, optional `Amount`). */
  capture(request: CaptureRequest, options?: RequestOptions): Promise<PaymentResult> {
    return this.rest.post('rest/payment/capture', request, options, true);
  }

  /** Void an unsettled authorization or sale. */
  void(request: VoidRequest, options?: RequestOptions): Promise<PaymentResult> {
    return this.rest.post('rest/payment/void', request, options, true);
  }

  /** Unreferenced refund to a card (a merchant setting, off by default). */
  refund(request: RefundRequest, options?: RequestOptions): Promise<PaymentResult> {
    return this.rest.post('rest/payment/refund', request, options, true);
  }

  /** Refund a captured transaction by its ID, up to what remains. */
  simpleRefund(request: SimpleRefundRequest, options?: RequestOptions): Promise<PaymentResult> {
    return this.rest.post('rest/payment/refund-simple', request, options, true);
  }

  /** Store a card or bank account for later (`PaymentMethodID` in the answer). */
  saveOnFile(request: SaveOnFileRequest, options?: RequestOptions): Promise<PaymentResult> {
    return this.rest.post(
      'rest/payment/paymentplan',
      { ...request, PaymentPlanType: 'SaveOnFile' },
      options,
      true,
    );
  }
}
