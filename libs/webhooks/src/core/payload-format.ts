export type WebhookFormat = 'JSON' | 'XML' | 'NVP';
export type PayloadFields = Record<string, string | number | boolean>;

export function contentTypeOf(format: WebhookFormat): string {
  if (format === 'XML') return 'application/xml; charset=utf-8';
  if (format === 'NVP') return 'application/x-www-form-urlencoded';
  return 'application/json';
}

// Characters XML 1.0 does not allow at all (control characters other than tab, LF and CR).
// eslint-disable-next-line no-control-regex
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(value: string): string {
  return value
    .replace(ILLEGAL_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The body in an endpoint's format (webhooks.md "Payload"): one field per name, in order. */
export function renderPayload(
  format: WebhookFormat,
  fields: PayloadFields,
): { body: string; contentType: string } {
  const entries = Object.entries(fields);
  let body: string;
  if (format === 'XML') {
    const children = entries.map(([k, v]) => `<${k}>${xmlText(String(v))}</${k}>`).join('');
    body = `<?xml version="1.0" encoding="UTF-8"?><PaymentTransaction>${children}</PaymentTransaction>`;
  } else if (format === 'NVP') {
    body = new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString();
  } else {
    body = JSON.stringify(Object.fromEntries(entries));
  }
  return { body, contentType: contentTypeOf(format) };
}
