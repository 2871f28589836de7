// The sandbox's demo practice (npm start seeds it); set the variables to use your own.
export const platform = {
  baseUrl: process.env.CONDUIT_BASE_URL ?? 'http://localhost:3000',
  apiKey: process.env.CONDUIT_API_KEY ?? 'ak_test_lakeside',
  apiSecret: process.env.CONDUIT_API_SECRET ?? 'sk_test_lakeside',
};

export const outlet = {
  merchantId: process.env.CONDUIT_MERCHANT_ID ?? '6011000551245',
  storeId: process.env.CONDUIT_STORE_ID ?? '001',
  terminalId: process.env.CONDUIT_TERMINAL_ID ?? '002',
};
