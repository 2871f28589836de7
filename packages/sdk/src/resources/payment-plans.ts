import { pagedList, type PagedList } from '../pages.js';
import type { RestClient } from '../rest.js';
import type { RequestOptions } from '../transport.js';
import type {
  PaymentPlan,
  PaymentPlanCreated,
  PaymentPlanDetail,
  PaymentPlanListQuery,
  PaymentPlanPage,
  PaymentPlanRequest,
  PaymentPlanUpdateRequest,
} from '../types.js';

const planPath = (id: string, action = '') =>
  `rest/payment/paymentplan/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** Installment and recurring payment plans (payment-plans.md). */
export class PaymentPlans {
  constructor(private readonly rest: RestClient) {}

  /**
   * Creates a plan. A declined down payment is a result, not an error: the answer carries its
   * `ResponseCode` and `Transactions`, and no `PaymentPlanID`.
   */
  create(request: PaymentPlanRequest, options?: RequestOptions): Promise<PaymentPlanCreated> {
    return this.rest.post('rest/payment/paymentplan', request, options, true);
  }

  /** One plan with its schedule: past charges and the dates to come. */
  get(paymentPlanId: string, options?: RequestOptions): Promise<PaymentPlanDetail> {
    return this.rest.get(planPath(paymentPlanId), {}, options);
  }

  /** Newest first, every page: `for await (const plan of conduit.paymentPlans.list())`. */
  list(query: PaymentPlanListQuery = {}, options?: RequestOptions): PagedList<PaymentPlan, PaymentPlanPage> {
    return pagedList(
      (cursor) =>
        this.rest.get<PaymentPlanPage>('rest/payment/paymentplans', { ...query, Cursor: cursor }, options),
      (page) => page.PaymentPlans,
    );
  }

  /** New amount, frequency, dates or payment method. */
  update(
    paymentPlanId: string,
    changes: PaymentPlanUpdateRequest,
    options?: RequestOptions,
  ): Promise<PaymentPlanDetail> {
    return this.rest.post(planPath(paymentPlanId, 'update'), changes, options);
  }

  pause(paymentPlanId: string, options?: RequestOptions): Promise<PaymentPlanDetail> {
    return this.rest.post(planPath(paymentPlanId, 'pause'), undefined, options);
  }

  resume(paymentPlanId: string, options?: RequestOptions): Promise<PaymentPlanDetail> {
    return this.rest.post(planPath(paymentPlanId, 'resume'), undefined, options);
  }

  cancel(paymentPlanId: string, options?: RequestOptions): Promise<PaymentPlanDetail> {
    return this.rest.post(planPath(paymentPlanId, 'cancel'), undefined, options);
  }
}
