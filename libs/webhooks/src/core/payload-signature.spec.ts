import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { renderPayload } from './payload-format';
import { isSigningSecret, newSigningSecret, signPayload, webhookHeaders } from './signature';

const fields = {
  EventType: 'Approved',
  Amount: '10.00',
  IsPartiallyApproved: false,
  CardHolderName: `O'Neil & <Co> "x"`,
};

describe('payload formats (webhooks.md "Payload")', () => {
  it('renders JSON as one object with the fields in order', () => {
    const { body, contentType } = renderPayload('JSON', fields);
    expect(contentType).toBe('application/json');
    expect(body).toBe(JSON.stringify(fields));
    expect(Object.keys(JSON.parse(body))).toEqual(Object.keys(fields));
  });

  it('renders XML with one escaped child per field under PaymentTransaction', () => {
    const { body, contentType } = renderPayload('XML', { ...fields, Bad: 'a\u0001b' });
    expect(contentType).toBe('application/xml; charset=utf-8');
    expect(body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><PaymentTransaction><EventType>Approved</EventType>' +
        '<Amount>10.00</Amount><IsPartiallyApproved>false</IsPartiallyApproved>' +
        '<CardHolderName>O&apos;Neil &amp; &lt;Co&gt; &quot;x&quot;</CardHolderName><Bad>ab</Bad></PaymentTransaction>',
    );
  });

  it('renders NVP as form-encoded pairs with the same names', () => {
    const { body, contentType } = renderPayload('NVP', fields);
    expect(contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({
      EventType: 'Approved',
      Amount: '10.00',
      IsPartiallyApproved: 'false',
      CardHolderName: `O'Neil & <Co> "x"`,
    });
  });
});

describe('Standard Webhooks signatures', () => {
  const body = '{"EventType":"Approved"}';
  const ts = Math.floor(Date.now() / 1000);

  it('makes whsec_ secrets of 32 random bytes', () => {
    const a = newSigningSecret();
    expect(isSigningSecret(a)).toBe(true);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(a);
    expect(isSigningSecret('whsec_short')).toBe(false);
    expect(isSigningSecret('sk_nope')).toBe(false);
  });

  it('is verified by the public standardwebhooks library, and a changed body is not', () => {
    const secret = newSigningSecret();
    const headers = webhookHeaders({ msgId: 'msg_1', timestampSec: ts, body, secrets: [secret] });
    expect(headers['webhook-signature']).toBe(signPayload(secret, 'msg_1', ts, body));
    expect(new Webhook(secret).verify(body, headers)).toEqual({ EventType: 'Approved' });
    expect(() => new Webhook(secret).verify(body.replace('Approved', 'Declined'), headers)).toThrow();
    expect(() => new Webhook(newSigningSecret()).verify(body, headers)).toThrow();
  });

  it('signs XML and NVP bodies exactly as the library signs them (its verify() then parses JSON only)', () => {
    const secret = newSigningSecret();
    for (const format of ['XML', 'NVP'] as const) {
      const { body: raw } = renderPayload(format, fields);
      expect(signPayload(secret, 'msg_3', ts, raw)).toBe(
        new Webhook(secret).sign('msg_3', new Date(ts * 1000), raw),
      );
    }
  });

  it('signs with both secrets during rotation, so receivers holding either verify', () => {
    const [current, previous] = [newSigningSecret(), newSigningSecret()];
    const headers = webhookHeaders({ msgId: 'msg_2', timestampSec: ts, body, secrets: [current, previous] });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toBeTruthy();
    expect(new Webhook(previous).verify(body, headers)).toBeTruthy();
  });
});
