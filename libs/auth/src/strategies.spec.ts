import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basicCredentials } from './strategies';

const basic = (s: string) => `Basic ${Buffer.from(s, 'utf8').toString('base64')}`;

describe('basicCredentials (RFC 7617)', () => {
  it('splits at the first colon, so a password keeps its colons', () => {
    expect(basicCredentials(basic('billing@lakeside-clinic:pa:ss:'))).toEqual({
      id: 'billing@lakeside-clinic',
      password: 'pa:ss:',
    });
  });

  it('round-trips every id without a colon and every password', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => !s.includes(':')),
        fc.string(),
        (id, password) => {
          expect(basicCredentials(basic(`${id}:${password}`))).toEqual({ id, password });
        },
      ),
    );
  });

  it('accepts the scheme in any case and surrounding blanks', () => {
    expect(basicCredentials(`bAsIc \t${Buffer.from('a:b').toString('base64')} `)).toEqual({
      id: 'a',
      password: 'b',
    });
  });

  it('refuses a missing header, another scheme, bad base64, no colon or an empty id', () => {
    for (const h of [undefined, '', 'Bearer abc', 'Basic', 'Basic !!!', basic('nocolon'), basic(':pw')])
      expect(basicCredentials(h)).toBeUndefined();
  });
});
