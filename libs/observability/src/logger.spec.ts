import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CENSOR, createLogger, redactSensitive } from './logger';

describe('redactSensitive', () => {
  it('censors sensitive keys in any case or separator, at any depth, in arrays too', () => {
    const line = {
      path: '/rest/payment/sale',
      headers: { 'Api-Secret': 'sk_live', authorization: 'Basic abc', 'api-key': 'ak_1' },
      body: { Card: { CardNumber: '4111111111111111', CVN: '123' }, items: [{ account_number: '1234' }] },
      a: { b: { c: { d: { token: 'tok' } } } },
      nothing: null,
    };
    expect(redactSensitive(line)).toEqual({
      path: '/rest/payment/sale',
      headers: { 'Api-Secret': CENSOR, authorization: CENSOR, 'api-key': 'ak_1' },
      body: { Card: { CardNumber: CENSOR, CVN: CENSOR }, items: [{ account_number: CENSOR }] },
      a: { b: { c: { d: { token: CENSOR } } } },
      nothing: null,
    });
    expect(line.body.Card.CardNumber).toBe('4111111111111111');
  });

  it('returns the same object when nothing is sensitive, and leaves errors to the serializer', () => {
    const clean = { method: 'GET', status: 200, nested: { ms: 3 } };
    expect(redactSensitive(clean)).toBe(clean);
    const err = new Error('boom');
    expect(redactSensitive({ err }).err).toBe(err);
  });
});

describe('createLogger', () => {
  it('writes JSON lines without the secrets it was given', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    createLogger('test', 'info', sink).info(
      { securityKey: 'sec-123', merchantId: '6011000551245' },
      'created',
    );
    const parsed = JSON.parse(lines[0]);
    expect(parsed).toMatchObject({ securityKey: CENSOR, merchantId: '6011000551245', msg: 'created' });
    expect(lines[0]).not.toContain('sec-123');
  });
});
