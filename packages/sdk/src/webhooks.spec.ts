import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { ConduitError } from './errors';
import { verifyWebhook } from './webhooks';

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const NOW = Date.parse('2026-11-23T18:12:31Z');
const now = () => NOW;

/** Headers as the platform sends them, signed by the public Standard Webhooks library. */
function signed(body: string, secrets: string[], at = new Date(NOW), id = 'msg_2b8e3c') {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(id, at, body)).join(' '),
  };
}

const EVENT = {
  EventID: 'E1',
  EventType: 'Approved',
  PaymentTransactionID: '0CA7530A86084B468FFF132AB7F04491',
  Amount: '25.00',
  IsPartiallyApproved: false,
  CardLastFourDigits: '************1111',
  PatientLastName: "O'Brien & <Sons>",
};

describe('verifyWebhook', () => {
  it('verifies what the Standard Webhooks library signs, for any body, and rejects any change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), fc.nat(), async (body, flip) => {
        const secret = newSecret();
        const headers = signed(body, [secret]);
        const bytes = new TextEncoder().encode(body);
        // Good signature: the event, or (a body that is no event) anything but a signature error.
        const outcome = await verifyWebhook(bytes, headers, secret, { now }).catch((e: ConduitError) => e);
        if (outcome instanceof ConduitError) expect(outcome.code).toBe('invalid_response');
        else expect(typeof outcome).toBe('object');
        const tampered = Uint8Array.from(bytes);
        tampered[flip % tampered.length] ^= 0x01;
        await expect(verifyWebhook(tampered, headers, secret, { now })).rejects.toMatchObject({
          code: 'invalid_signature',
        });
      }),
      { numRuns: 50 },
    );
  });

  it('answers the typed event of a JSON body', async () => {
    const secret = newSecret();
    const body = JSON.stringify(EVENT);
    const event = await verifyWebhook(body, signed(body, [secret]), secret, { now });
    expect(event).toEqual(EVENT);
  });

  it('answers the same event from XML and NVP bodies, the boolean a boolean', async () => {
    const secret = newSecret();
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><PaymentTransaction><EventID>E1</EventID><EventType>Approved</EventType>' +
      '<PaymentTransactionID>0CA7530A86084B468FFF132AB7F04491</PaymentTransactionID><Amount>25.00</Amount>' +
      '<IsPartiallyApproved>false</IsPartiallyApproved><CardLastFourDigits>************1111</CardLastFourDigits>' +
      '<PatientLastName>O&apos;Brien &amp; &lt;Sons&gt;</PatientLastName></PaymentTransaction>';
    const nvp = new URLSearchParams(
      Object.entries(EVENT).map(([k, v]) => [k, String(v)] as [string, string]),
    ).toString();
    const fromXml = await verifyWebhook(
      xml,
      { ...signed(xml, [secret]), 'Content-Type': 'application/xml; charset=utf-8' },
      secret,
      { now },
    );
    const fromNvp = await verifyWebhook(
      nvp,
      new Headers({ ...signed(nvp, [secret]), 'content-type': 'application/x-www-form-urlencoded' }),
      secret,
      { now },
    );
    expect(fromXml).toEqual(EVENT);
    expect(fromNvp).toEqual(EVENT);
  });

  it('accepts either secret during a rotation, whichever signature comes first', async () => {
    const [current, previous, other] = [newSecret(), newSecret(), newSecret()];
    const body = JSON.stringify(EVENT);
    const headers = signed(body, [current, previous]);
    await expect(verifyWebhook(body, headers, previous, { now })).resolves.toEqual(EVENT);
    await expect(verifyWebhook(body, headers, [other, current], { now })).resolves.toEqual(EVENT);
    await expect(
      verifyWebhook(body, signed(body, [previous]), [current, previous], { now }),
    ).resolves.toEqual(EVENT);
    await expect(verifyWebhook(body, headers, other, { now })).rejects.toBeInstanceOf(ConduitError);
  });

  it('refuses a timestamp outside the tolerance either way, and inside it accepts', async () => {
    const secret = newSecret();
    const body = JSON.stringify(EVENT);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -3_600, max: 3_600 }), async (offset) => {
        const at = new Date(NOW + offset * 1000);
        const result = verifyWebhook(body, signed(body, [secret], at), secret, {
          now,
          toleranceSeconds: 300,
        });
        if (Math.abs(offset) <= 300) await expect(result).resolves.toEqual(EVENT);
        else await expect(result).rejects.toMatchObject({ code: 'invalid_signature' });
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a missing header, an id or timestamp other than the signed one', async () => {
    const secret = newSecret();
    const body = JSON.stringify(EVENT);
    const headers = signed(body, [secret]);
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
      const { [name]: _dropped, ...rest } = headers;
      await expect(verifyWebhook(body, rest, secret, { now })).rejects.toMatchObject({
        code: 'invalid_signature',
      });
    }
    await expect(
      verifyWebhook(body, { ...headers, 'webhook-id': 'msg_other' }, secret, { now }),
    ).rejects.toThrow('does not match');
    const later = String(Number(headers['webhook-timestamp']) + 1);
    await expect(
      verifyWebhook(body, { ...headers, 'webhook-timestamp': later }, secret, { now }),
    ).rejects.toThrow('does not match');
  });
});
