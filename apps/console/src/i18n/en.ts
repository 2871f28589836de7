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
