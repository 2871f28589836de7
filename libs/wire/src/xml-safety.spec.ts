import { describe, expect, it } from 'vitest';
import { parseSoapRequest, SOAP11_NS } from './soap';
import {
  checkXmlSafety,
  SOAP_BODY_LIMIT,
  SOAP_MAX_ATTRIBUTES,
  SOAP_MAX_ATTRIBUTES_TOTAL,
  SOAP_MAX_DEPTH,
  SOAP_MAX_ELEMENTS,
  SoapRequestError,
} from './xml-safety';

const envelope = (inner: string) =>
  `<?xml version="1.0"?><soap:Envelope xmlns:soap="${SOAP11_NS}"><soap:Body>${inner}</soap:Body></soap:Envelope>`;

/** Just under the 1 MiB limit: `unit` repeated, then cut to size. */
const fill = (unit: string, bytes = SOAP_BODY_LIMIT - 64) =>
  unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

/** The outcome of the whole SOAP parse (check + parser): the fault's message, or 'parsed'. */
function outcome(xml: string): string {
  const started = performance.now();
  try {
    parseSoapRequest(xml, '1.1');
    return 'parsed';
  } catch (err) {
    if (!(err instanceof SoapRequestError)) throw err;
    return err.message;
  } finally {
    // Printed, not asserted (timings depend on the machine): the old regex took ~0.7 s per 48 KiB.
    console.log(`${(performance.now() - started).toFixed(1)} ms for ${xml.length} chars`);
  }
}

describe('SOAP safety check (one pass, any shape up to 1 MiB)', () => {
  it('refuses 1 MiB of unclosed "<a" as not well-formed, before the parser', () => {
    expect(outcome(fill('<a'))).toMatch(/not well-formed XML: '<' inside a tag/);
    expect(outcome(envelope(fill('<a<a<a ', 200_000)))).toMatch(/'<' inside a tag/);
  });

  it('refuses a tag that never ends and "<" inside an attribute value', () => {
    expect(outcome(`<a b="${'x'.repeat(500_000)}`)).toMatch(/not well-formed.*(unterminated|inside)/);
    expect(outcome(envelope(`<Op a="1 <b">x</Op>`))).toMatch(/'<' inside an attribute value/);
    expect(outcome(`<a>${'<!--'.repeat(100_000)}`)).toMatch(/unterminated comment/);
  });

  it('refuses 10,000 levels of nesting at level 33', () => {
    expect(outcome(envelope(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`))).toBe(
      `The XML is nested deeper than ${SOAP_MAX_DEPTH} levels`,
    );
  });

  it('counts self-closing elements and closing tags right (no false depth)', () => {
    expect(outcome(envelope(`<Op><Request>${'<x/><y a="/>"></y>'.repeat(500)}</Request></Op>`))).toBe(
      'parsed',
    );
  });

  it('refuses an element with too many attributes, and too many elements', () => {
    const attrs = Array.from({ length: 50_000 }, (_, i) => `a${i}="1"`).join(' ');
    expect(outcome(envelope(`<Op ${attrs}/>`))).toBe(
      `An element has more than ${SOAP_MAX_ATTRIBUTES} attributes`,
    );
    expect(outcome(envelope(`<Op>${fill('<x/>', 900_000)}</Op>`))).toBe(
      `The XML has more than ${SOAP_MAX_ELEMENTS} elements`,
    );
  });

  it('refuses too many attributes in all, and parses the largest shapes it lets through', () => {
    const attrs = Array.from({ length: SOAP_MAX_ATTRIBUTES }, (_, i) => `a${i}="${'v'.repeat(40)}"`).join(
      ' ',
    );
    const many = `<x ${attrs}/>`.repeat(Math.floor((SOAP_BODY_LIMIT - 500) / (attrs.length + 5)));
    expect(outcome(envelope(`<Op>${many}</Op>`))).toBe(
      `The XML has more than ${SOAP_MAX_ATTRIBUTES_TOTAL} attributes`,
    );
    // Every attribute the caps allow (the envelope declares one), then some text: the parser's
    // own (linear) work is slow on a loaded machine, so the sizes stay modest.
    const allowed = `<x ${attrs}/>`.repeat(SOAP_MAX_ATTRIBUTES_TOTAL / SOAP_MAX_ATTRIBUTES - 1);
    const text = fill('x', 300_000);
    expect(outcome(envelope(`<Op>${allowed}<t>${text}</t></Op>`))).toBe('parsed');
    expect(outcome(envelope(`<Op><Request><t>${fill('&amp;x', 300_000)}</t></Request></Op>`))).toBe('parsed');
  }, 30_000);

  it('still refuses DTDs, entities and oversize bodies, with the fault that says why', () => {
    expect(() => checkXmlSafety('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><x/>')).toThrow(
      /DTDs are not allowed/,
    );
    expect(() => checkXmlSafety('<x><!ENTITY e "x"></x>')).toThrow(/Entity declarations/);
    expect(() => checkXmlSafety('<x>'.padEnd(SOAP_BODY_LIMIT + 1, ' '))).toThrow(/larger than 1 MiB/);
    expect(() => checkXmlSafety(envelope('<Op><![CDATA[<a<a<a]]><!-- <b<b --></Op>'))).not.toThrow();
  });
});
