import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installBodyParsers } from './body-parsers';

async function parsedForm(payload: string) {
  const app = Fastify();
  installBodyParsers(app);
  app.post('/form', (req) => ({ body: req.body, raw: (req as unknown as { rawBody: string }).rawBody }));
  try {
    const res = await app.inject({
      method: 'POST',
      url: '/form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload,
    });
    return res.json() as { body: Record<string, string | string[]>; raw: string };
  } finally {
    await app.close();
  }
}

describe('form body parser', () => {
  it('keeps the exact text and makes a repeated name an array of its values, in order', async () => {
    expect(await parsedForm('a=1&b=x&a=2')).toEqual({ body: { a: ['1', '2'], b: 'x' }, raw: 'a=1&b=x&a=2' });
  });

  it('reads fields named like Object.prototype members as plain fields', async () => {
    expect((await parsedForm('toString=x&constructor=y')).body).toEqual({ toString: 'x', constructor: 'y' });
  });
});
