import type { SchemaObject } from './field-table';
import { planSchemas } from './plan-schemas';
import { paymentRequestSchemas } from './request-schemas';
import { paymentResponseSchemas } from './response-schemas';
import { ssoSchemas } from './sso-schemas';
import { terminalSchemas } from './terminal-schemas';

/** Every component schema of the REST document, by name. */
export function restComponentSchemas(): Record<string, SchemaObject> {
  return {
    ...paymentRequestSchemas(),
    ...paymentResponseSchemas(),
    ...planSchemas(),
    ...ssoSchemas(),
    ...terminalSchemas(),
  };
}

// Names the payment controller's decorators refer to. They carry no fields on purpose: the
// document replaces whatever Nest derives from a class with the component of the same name above
// (document.ts refuses a reference to a name that has none).
export class PaymentRequest {}
export class SecondaryRequest {}
export class TransactionDetail {}
export class TransactionPage {}
