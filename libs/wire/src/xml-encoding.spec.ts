import { describe, expect, it } from 'vitest';
import { SoapRequestError } from './xml-safety';
import { decodeXmlBody, xmlEncodingOf } from './xml-encoding';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const body = (encoding: string) =>
  `<?xml version="1.0" encoding="${encoding}"?><Envelope><Name>José Müller</Name></Envelope>`;

describe('xmlEncodingOf', () => {
  it('takes a byte-order mark first, then the charset, then the declaration, then UTF-8', () => {
    expect(xmlEncodingOf(Buffer.from([0xff, 0xfe, 0x3c, 0x00]), 'text/xml; charset=iso-8859-1')).toBe(
      'utf-16le',
    );
    expect(xmlEncodingOf(latin1(body('UTF-8')), 'text/xml; charset="ISO-8859-1"')).toBe('iso-8859-1');
    expect(xmlEncodingOf(latin1(body('windows-1252')), 'application/soap+xml; action=x')).toBe(
      'windows-1252',
    );
    expect(xmlEncodingOf(Buffer.from('<Envelope/>'), 'text/xml')).toBe('utf-8');
    expect(xmlEncodingOf(Buffer.from('<?xml version="1.0"?>', 'utf16le'))).toBe('utf-16le');
  });
});

describe('decodeXmlBody', () => {
  it('decodes ISO-8859-1, windows-1252 and UTF-16 bodies to the same text as UTF-8', () => {
    const expected = body('X').replace('"X"', '"E"');
    const same = (text: string, enc: string) => text.replace(`"${enc}"`, '"E"');
    expect(same(decodeXmlBody(latin1(body('ISO-8859-1'))), 'ISO-8859-1')).toBe(expected);
    expect(same(decodeXmlBody(latin1(body('windows-1252'))), 'windows-1252')).toBe(expected);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body('UTF-16'), 'utf16le')]);
    expect(same(decodeXmlBody(utf16), 'UTF-16')).toBe(expected);
    expect(same(decodeXmlBody(Buffer.from(body('UTF-8'))), 'UTF-8')).toBe(expected);
  });

  it('refuses encodings it does not know and bytes invalid in the declared one', () => {
    expect(() => decodeXmlBody(latin1(body('EBCDIC-FANTASY')))).toThrow(SoapRequestError);
    expect(() => decodeXmlBody(latin1(body('ISO-2022-KR')))).toThrow(/not supported/);
    expect(() => decodeXmlBody(latin1(body('UTF-8')))).toThrow(/not valid utf-8/);
  });
});
