/**
 * What each admin route answers, keyed by "METHOD path" as the document spells the path. The
 * paths come from the controllers; this table adds the answer the controllers' return types do
 * not carry at run time. Building the document fails on a route missing here, or an entry whose
 * route is gone, so the two cannot drift apart.
 */
export type Answer =
  | { kind: 'one'; schema: string }
  | { kind: 'list'; schema: string; resource: string }
  | { kind: 'csv' }
  | { kind: 'file' }
  | { kind: 'image' };

export interface AdminOperation {
  summary: string;
  answer: Answer;
  /** A request body schema for routes that parse their body themselves (no DTO class). */
  body?: string;
  /** Signs in: no session needed. */
  public?: boolean;
  /** Named query parameters the route reads itself (`@Query('name')`), as OpenAPI parameters. */
  query?: Record<string, unknown>[];
}

const one = (schema: string): Answer => ({ kind: 'one', schema });
const list = (schema: string, resource: string): Answer => ({ kind: 'list', schema, resource });
const csv: Answer = { kind: 'csv' };
const file: Answer = { kind: 'file' };
const image: Answer = { kind: 'image' };

const op = (summary: string, answer: Answer, extra: Partial<AdminOperation> = {}): AdminOperation => ({
  summary,
  answer,
  ...extra,
});

/** The react-admin CRUD routes of one resource. */
function crud(
  path: string,
  schema: string,
  what: string,
  verbs: ('list' | 'get' | 'create' | 'update' | 'delete')[],
  id = 'id',
): Record<string, AdminOperation> {
  const base = `/admin/api/${path}`;
  const item = `${base}/{${id}}`;
  const out: Record<string, AdminOperation> = {};
  if (verbs.includes('list')) out[`GET ${base}`] = op(`List ${what}s`, list(schema, path));
  if (verbs.includes('get')) out[`GET ${item}`] = op(`One ${what}`, one(schema));
  if (verbs.includes('create')) out[`POST ${base}`] = op(`Create a ${what}`, one(schema));
  if (verbs.includes('update')) out[`PUT ${item}`] = op(`Change a ${what}`, one(schema));
  if (verbs.includes('delete')) out[`DELETE ${item}`] = op(`Delete a ${what}`, one(schema));
  return out;
}

const A = '/admin/api';
const ALL = ['list', 'get', 'create', 'update', 'delete'] as const;

export const ADMIN_OPERATIONS: Record<string, AdminOperation> = {
  [`POST ${A}/auth/login`]: op('Sign in with email and password', one('LoginResult'), { public: true }),
  [`POST ${A}/auth/two-factor/verify`]: op('Second step: a code for the challenge', one('LoginResponse'), {
    public: true,
  }),
  [`POST ${A}/auth/two-factor/enrol`]: op(
    'Forced enrolment: the secret and QR code',
    one('TwoFactorEnrolment'),
    {
      public: true,
    },
  ),
  [`POST ${A}/auth/two-factor/enrol/confirm`]: op(
    'Forced enrolment: confirm with a code, signed in',
    one('LoginWithRecoveryCodes'),
    { public: true },
  ),
  [`GET ${A}/auth/two-factor`]: op('Your two-factor status', one('TwoFactorStatus')),
  [`POST ${A}/auth/two-factor/enrolment`]: op('Start setting up two-factor', one('TwoFactorEnrolment')),
  [`POST ${A}/auth/two-factor/enrolment/confirm`]: op('Finish setting up two-factor', one('RecoveryCodes')),
  [`POST ${A}/auth/two-factor/disable`]: op('Turn two-factor off', one('Ok')),
  [`POST ${A}/auth/two-factor/recovery-codes`]: op('New recovery codes', one('RecoveryCodes')),
  [`POST ${A}/auth/logout`]: op('Sign out', one('Ok')),
  [`GET ${A}/auth/me`]: op('Who is signed in', one('SessionUser')),

  ...crud('organizations', 'Organization', 'organization', ['list', 'get', 'create', 'update']),
  ...crud('merchants', 'Merchant', 'merchant', ['list', 'get', 'create', 'update'], 'merchantId'),
  ...crud('outlets', 'Outlet', 'outlet', [...ALL]),
  ...crud('users', 'User', 'user', [...ALL]),
  [`DELETE ${A}/users/{id}/two-factor`]: op("Clear a user's two-factor (platform admins)", one('Ok')),
  ...crud('credentials', 'Credential', 'credential', ['list', 'get', 'update', 'delete']),
  [`POST ${A}/credentials`]: op(
    'Create a credential; the secret is answered once',
    one('CredentialWithSecret'),
  ),
  [`POST ${A}/credentials/{id}/rotate`]: op('Rotate the secret; answered once', one('CredentialWithSecret')),
  ...crud('partner-grants', 'PartnerGrant', 'partner grant', ['list', 'get', 'create', 'delete']),
  ...crud('audit-log', 'AuditLogEntry', 'audit log entrie', ['list', 'get']),
  [`GET ${A}/platform-info`]: op('Platform settings merchants need', one('PlatformInfo')),

  [`GET ${A}/transactions`]: op('List transactions', list('Transaction', 'transactions')),
  [`GET ${A}/transactions/export`]: op('Every matching transaction as CSV, newest first', csv),
  [`GET ${A}/transactions/{id}`]: op(
    'A transaction with its secondaries and deliveries',
    one('TransactionDetail'),
  ),
  [`GET ${A}/transactions/{id}/check-images/{side}`]: op(
    "A deposited check's front or back image (side: front or back); audited, never cached",
    image,
  ),
  [`GET ${A}/dashboard/summary`]: op("Today's volume and approval rate", one('DashboardSummary'), {
    query: [
      {
        name: 'timeZone',
        in: 'query',
        required: false,
        description:
          'IANA time zone whose calendar day is "today" and whose hours group the volume; UTC when absent. Anything else is a 400.',
        schema: { type: 'string', example: 'America/Chicago' },
      },
    ],
  }),

  ...crud('webhook-endpoints', 'WebhookEndpoint', 'webhook endpoint', ['list', 'get', 'update', 'delete']),
  [`POST ${A}/webhook-endpoints`]: op(
    'Create a webhook endpoint; the signing secret is answered once',
    one('WebhookEndpointWithSecret'),
  ),
  [`GET ${A}/webhook-endpoints/{id}/health`]: op('Delivery health of an endpoint', one('EndpointHealth')),
  [`POST ${A}/webhook-endpoints/{id}/rotate-secret`]: op(
    'New signing secret; the old one stays valid for a while',
    one('WebhookEndpointWithSecret'),
  ),
  [`POST ${A}/webhook-endpoints/{id}/test`]: op(
    'Send a sample; the exact request and response',
    one('SampleResult'),
  ),
  ...crud('webhook-deliveries', 'WebhookDeliveryRecord', 'webhook deliverie', ['list', 'get']),
  [`POST ${A}/webhook-deliveries/resend`]: op(
    'Resend every matching delivery in posting error',
    one('ResendResult'),
  ),
  [`POST ${A}/webhook-deliveries/{id}/resend`]: op('Resend one delivery', one('WebhookDeliveryRecord')),

  ...crud('terminals', 'Terminal', 'terminal', ['list', 'get']),
  [`POST ${A}/terminals`]: op(
    'Create a terminal for an outlet; its pairing code is answered once',
    one('TerminalWithPairingCode'),
  ),
  [`POST ${A}/terminals/{id}/pairing-code`]: op(
    'A new pairing code; the paired device must pair again',
    one('TerminalWithPairingCode'),
  ),
  [`DELETE ${A}/terminals/{id}`]: op('Revoke a terminal: its socket is closed', one('Terminal')),
  ...crud('sso-tokens', 'SsoToken', 'hosted page token', ['list', 'get']),
  [`POST ${A}/sso-tokens`]: op('Take a payment: a hosted page for staff', one('HostedPage')),

  ...crud('settlements', 'Settlement', 'settlement batche', ['list', 'get']),
  [`GET ${A}/settlements/export`]: op('Matching settlement batches as CSV', csv),
  [`GET ${A}/settlements/{id}/items`]: op('The items of a batch', list('SettlementItem', 'settlement-items')),
  [`GET ${A}/settlements/{id}/items/export`]: op('The items of a batch as CSV', csv),
  [`GET ${A}/reconciliation`]: op('Totals per day for a date range', one('Reconciliation')),
  [`GET ${A}/reconciliation/export`]: op('The reconciliation as CSV', csv),
  [`GET ${A}/dashboard/finance`]: op('Next deposit, open disputes, last batch', one('FinanceDashboard')),
  [`POST ${A}/merchants/{merchantId}/settle-now`]: op(
    'Sandbox merchants: close the open batch now, as the cut-off would',
    one('SettleNowResult'),
  ),
  ...crud('batch-files', 'BatchFile', 'batch file', ['list', 'get']),
  [`GET ${A}/batch-files/{id}/records`]: op(
    "An inbound file's records and results",
    list('BatchFileLine', 'batch-file-records'),
  ),
  [`GET ${A}/batch-files/{id}/download`]: op('The file itself', file),

  ...crud('disputes', 'Dispute', 'dispute', ['list', 'get']),
  [`POST ${A}/disputes/{id}/evidence`]: op('Answer a dispute with text and files', one('Dispute'), {
    body: 'EvidenceSubmission',
  }),
  [`GET ${A}/disputes/{id}/evidence/{evidenceId}`]: op('One evidence file', file),

  ...crud('sftp-accounts', 'SftpAccount', 'SFTP account', ['list', 'get', 'delete']),
  [`POST ${A}/sftp-accounts`]: op('Create an SFTP account', one('SftpAccount'), { body: 'SftpAccountInput' }),
  [`PUT ${A}/sftp-accounts/{id}`]: op('Change an SFTP account', one('SftpAccount'), {
    body: 'SftpAccountInput',
  }),

  ...crud('payment-plans', 'PaymentPlan', 'payment plan', ['list']),
  [`GET ${A}/payment-plans/{id}`]: op('A plan with its schedule and history', one('PaymentPlanDetail')),
  [`GET ${A}/payment-plans/export.csv`]: op('Every matching plan as CSV', csv),
  [`POST ${A}/payment-plans/{id}/pause`]: op('Pause a plan', one('PaymentPlanDetail')),
  [`POST ${A}/payment-plans/{id}/resume`]: op('Resume a plan', one('PaymentPlanDetail')),
  [`POST ${A}/payment-plans/{id}/cancel`]: op('Cancel a plan', one('PaymentPlanDetail')),
  [`POST ${A}/payment-plans/{id}/charge-now`]: op(
    'Charge the next payment now',
    one('PaymentPlanChargeResult'),
  ),
  [`POST ${A}/payment-plans/{id}/run-next`]: op(
    'Sandbox: run the next scheduled charge now',
    one('PaymentPlanChargeResult'),
  ),
  [`POST ${A}/payment-plans/{id}/replace-card`]: op('A hosted page for a new card', one('ReplaceCardPage')),
};
