import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ackField, ackFileName, ackLine } from './ack-line';

describe('IMA10 acknowledgement line', () => {
  it('writes the spec layout, CRLF-terminated', () => {
    expect(
      ackLine({
        externalId: 'EXT-1',
        result: 'A',
        transactionId: 'ABC',
        responseCode: '000',
        responseMessage: 'APPROVED',
        errorText: '',
      }),
    ).toBe('IMA10|EXT-1|A|ABC|000|APPROVED|\r\n');
    expect(ackFileName('march.txt')).toBe('march.txt.ack');
    expect(ackFileName('march.txt.pgp')).toBe('march.txt.ack');
  });

  it('no field can break the line or add a field', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const line = ackLine({
          externalId: a,
          result: 'R',
          transactionId: '',
          responseCode: '',
          responseMessage: b,
          errorText: `${a}|${b}\r\n`,
        });
        expect(line.slice(0, -2)).not.toMatch(/[\r\n]/);
        expect(line.split('|')).toHaveLength(7);
      }),
    );
    expect(ackField('a|b\r\nc')).toBe('a b c');
  });
});
