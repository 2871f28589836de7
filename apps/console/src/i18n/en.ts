/**
 * Every label and message of the console, in English. A translation is a copy of this one file
 * with the values translated (react-admin's own words come from its ra-language-<locale> package);
 * scripts/console/i18n-keys.spec.ts checks that every key the source uses is here, and that
 * every key here is used.
 *
 * `resources.<name>.name` is a resource's menu and page title ("One |||| Many");
 * `resources.<name>.fields.<source>` labels a field or input wherever it has no `label` of its own.
 */
export const en = {
  ra: {
    notification: {
      created: 'Created',
      updated: 'Changes saved',
      deleted: 'Deleted',
      http_error: 'The Conduit API could not be reached',
    },
    message: { invalid_form: 'Some fields need attention' },
    page: { empty: 'Nothing here yet' },
  },
  resources: {
    merchants: { name: 'Merchant |||| Merchants' },
    outlets: { name: 'Outlet |||| Outlets' },
    'partner-grants': { name: 'Partner grant |||| Partner grants' },
    credentials: { name: 'Credential |||| Credentials' },
    'sftp-accounts': { name: 'SFTP account |||| SFTP accounts' },
    users: { name: 'User |||| Users' },
    'webhook-endpoints': { name: 'Webhook endpoint |||| Webhook endpoints' },
    'webhook-deliveries': { name: 'Webhook delivery |||| Webhook deliveries' },
    transactions: {
      name: 'Transaction |||| Transactions',
      fields: {
        createdAt: "Date (merchant's time)",
        transactionId: 'Transaction ID',
        merchantId: 'Merchant',
        outlet: 'Outlet',
        action: 'Action / tender',
        tender: 'Tender',
        status: 'Status',
        amountCents: 'Amount',
        payment: 'Card / account',
        patient: 'Patient',
        responseCode: 'Response',
        workflowStatus: 'Posting',
        q: 'Transaction ID',
        createdAt_gte: 'From',
        createdAt_lte: 'To',
        storeId: 'Store ID',
        terminalId: 'Terminal ID',
        amount_gte: 'Amount from ($)',
        amount_lte: 'Amount to ($)',
      },
    },
    'payment-plans': { name: 'Payment plan |||| Payment plans' },
    'sso-tokens': { name: 'Payment page link |||| Payment page links' },
    settlements: { name: 'Settlement |||| Settlements' },
    disputes: { name: 'Dispute |||| Disputes' },
    'batch-files': { name: 'Batch file |||| Batch files' },
    'audit-log': { name: 'Audit log entry |||| Audit log' },
    organizations: { name: 'Organization |||| Organizations' },
  },
  conduit: {
    menu: {
      overview: 'Overview',
      dashboard: 'Dashboard',
      finance: 'Finance',
      reconciliation: 'Reconciliation',
      configuration: 'Configuration',
      webhooks: 'Webhooks',
      people: 'People',
      review: 'Review',
      platform: 'Platform',
      platform_info: 'Platform info',
      developers: 'Developers',
    },
    time: {
      zone_note: 'Times are shown in each merchant’s time zone',
    },
    transactions: {
      requested: 'Requested, not charged',
      requested_amount: 'Requested amount',
      not_charged: '%{status}: %{amount} was requested and nothing was charged.',
      partially_approved: 'Partially approved: %{amount} of %{requested} requested.',
      refunded: '%{amount} of this transaction has been refunded.',
      transaction_label: 'Transaction %{id}',
      empty_title: 'No transactions yet',
      empty_description:
        'Payments taken through the NVP and REST APIs appear here as soon as they are processed.',
      row_label: '%{amount} %{status}, %{when}',
    },
    developers: {
      title: 'Developers',
      references: 'References',
      references_note: 'NVP field names are the same in SOAP requests and results',
      copy: 'Copy',
      copied: 'Copied',
      copy_named: 'Copy %{name}',
      links: {
        rest_docs: 'REST API reference (OpenAPI, interactive)',
        openapi: 'OpenAPI document',
        nvp: 'NVP endpoint',
        payment_wsdl: 'Payment service WSDL (SOAP 1.1 and 1.2)',
        sso_wsdl: 'Single sign-on service WSDL',
        eligibility_wsdl: 'Eligibility (EDI 270/271) WSDL',
      },
      sections: {
        payments: {
          title: 'Take a payment',
          description: 'The same sale over each interface. Sandbox credentials never move real money.',
        },
        hosted_page: {
          title: 'Hosted payment page (single sign-on)',
          description:
            'Card data never touches your systems: create a token, send the patient to its page, then learn the outcome by webhook or by polling the token.',
        },
        webhooks: {
          title: 'Receive webhooks',
          description:
            'Each delivery is a POST with the headers webhook-id (the same on every retry), webhook-timestamp (unix seconds) and webhook-signature (v1,<base64 HMAC-SHA256 of "id.timestamp.body"> keyed by the base64 part of your whsec_ secret; two signatures while a secret is rotated). Verify the exact body bytes before parsing; JSON, XML and NVP bodies carry the same field names. Answer 2xx within 20 seconds.',
        },
      },
      samples: {
        nvp_sale: { title: 'NVP sale (curl)', description: 'Form fields over HTTP Basic authentication.' },
        rest_sale: {
          title: 'REST sale (curl)',
          description: 'JSON with the Api-Key and Api-Secret headers (both required).',
        },
        soap_sale: { title: 'SOAP 1.1 sale', description: 'The NVP fields as elements of the request.' },
        rest_sso: {
          title: 'Hosted payment page over REST: create a token, then poll its status',
          description:
            'POST /rest/sso/token, then GET /rest/sso/token/{token}/status every 10 seconds while it is NEW.',
        },
        nvp_sso: {
          title: 'Hosted payment page token (NVP, header mode)',
          description: 'Answers token=…&respCode=000&pageURL=… instead of redirecting.',
        },
        node_receiver: {
          title: 'Webhook receiver (Node.js)',
          description:
            'Verifies the signature, then reads JSON, XML or NVP. WEBHOOK_SECRET=whsec_… node receiver.mjs',
        },
        python_receiver: {
          title: 'Webhook receiver (Python)',
          description:
            'Verifies the signature, then reads JSON, XML or NVP. WEBHOOK_SECRET=whsec_… python3 receiver.py',
        },
      },
    },
    dashboard: {
      todays_volume: "Today's volume",
      approved_sales: 'Approved sales · %{day}',
      transactions_today: 'Transactions today',
      approved_count: '%{count} approved',
      approval_rate: 'Approval rate',
      approved_of: '%{approved} of %{count} approved',
      no_payments_yet: 'No payments yet today',
      could_not_load: 'Could not be loaded',
      volume_by_hour: 'Approved amount by hour',
      volume_by_hour_day: 'Approved amount by hour · %{day}',
      volume_unavailable: 'Volume data could not be loaded right now.',
      no_payments_chart: 'No payments yet today.',
      today: 'Today',
    },
  },
};
