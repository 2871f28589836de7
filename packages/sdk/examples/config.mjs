// Settings of every example: the environment, defaulting to the sandbox's demo values
// (the repository README's "Demo logins": Lakeside Clinic, merchant 6011000551245).
import process from 'node:process';

const env = (name, fallback) => process.env[name] ?? fallback;

export const settings = {
  baseUrl: env('CONDUIT_BASE_URL', 'http://localhost:3000'),
  apiKey: env('CONDUIT_API_KEY', 'ak_test_lakeside'),
  apiSecret: env('CONDUIT_API_SECRET', 'sk_test_lakeside'),
  nvp: {
    accountId: env('CONDUIT_NVP_ACCOUNT', 'billing@lakeside-clinic'),
    password: env('CONDUIT_NVP_PASSWORD', 'demo-nvp-pass'),
  },
};

export const outlet = {
  MerchantID: env('CONDUIT_MERCHANT_ID', '6011000551245'),
  StoreID: env('CONDUIT_STORE_ID', '001'),
  TerminalID: env('CONDUIT_TERMINAL_ID', '002'),
};

/** Two years from now, MM/YY: a sandbox test card that has not expired. */
export const expiration = `12/${String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0')}`;
