/** Copyable sample requests for the Developers page; `{base}` is the platform's public URL. */
export const SAMPLES: { title: string; body: string }[] = [
  {
    title: 'NVP sale (curl)',
    body: `curl -u 'billing@your-org:PASSWORD' {base}/payment/NVP.aspx \\
  -d merchantID=6011000551245 -d storeID=001 -d terminalID=002 \\
  -d transactionType=CreditCard -d transactionAction=Sale -d amount=25.00 \\
  -d cardNumber=4111111111111111 -d cardExpiration=12/29`,
  },
  {
    title: 'REST sale (curl)',
    body: `curl {base}/rest/payment/sale -H 'Api-Key: ak_test_…' -H 'Api-Secret: sk_test_…' \\
  -H 'Content-Type: application/json' -d '{
  "Outlet": { "MerchantID": "6011000551245", "StoreID": "001", "TerminalID": "002" },
  "Amount": "25.00",
  "Card": { "CardNumber": "4111111111111111", "Expiration": "12/29" }
}'`,
  },
  {
    title: 'Hosted payment page token (NVP, header mode)',
    body: `curl -u 'billing@your-org:PASSWORD' {base}/sso \\
  -d merchantID=6011000551245 -d storeID=001 -d terminalID=002 -d amount=25.00 \\
  -d returnURL=https://your-app.example/paid -d responseActionType=header`,
  },
  {
    title: 'Poll a token (REST)',
    body: `curl {base}/rest/sso/token/TOKEN/status -H 'Api-Key: ak_test_…' -H 'Api-Secret: sk_test_…'`,
  },
  {
    title: 'SOAP 1.1 sale',
    body: `curl -u 'billing@your-org:PASSWORD' {base}/payment/service.asmx \\
  -H 'Content-Type: text/xml; charset=utf-8' \\
  -H 'SOAPAction: "https://schemas.conduit.health/2026/payment/DoCreditCardSale"' -d '
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
 <DoCreditCardSale xmlns="https://schemas.conduit.health/2026/payment"><Request>
  <merchantID>6011000551245</merchantID><storeID>001</storeID><terminalID>002</terminalID>
  <amount>25.00</amount><cardNumber>4111111111111111</cardNumber><cardExpiration>12/29</cardExpiration>
 </Request></DoCreditCardSale></soap:Body></soap:Envelope>'`,
  },
];
