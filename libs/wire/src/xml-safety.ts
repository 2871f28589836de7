export const SOAP_BODY_LIMIT = 1024 * 1024;
export const SOAP_MAX_DEPTH = 32;
/**
 * Elements in one request: a payment envelope has a few dozen (an EDI one carries its X12 as
 * text). The parser's cost grows faster than linearly with many elements, so they are capped.
 */
export const SOAP_MAX_ELEMENTS = 2_000;
/** Attributes on one element (namespace declarations count): real envelopes carry a handful. */
export const SOAP_MAX_ATTRIBUTES = 64;
/** Attributes in the whole request, for the same reason as the element cap. */
export const SOAP_MAX_ATTRIBUTES_TOTAL = 4_000;

/** A request the SOAP layer refuses before any work: rendered as a Client/Sender fault. */
export class SoapRequestError extends Error {}

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;

const notWellFormed = (why: string) => new SoapRequestError(`The request is not well-formed XML: ${why}`);

/** The index just past `end`, searched from `from`; refuses when it never comes. */
function skipPast(xml: string, from: number, end: string, what: string): number {
  const at = xml.indexOf(end, from);
  if (at < 0) throw notWellFormed(`unterminated ${what}`);
  return at + end.length;
}

/**
 * Refuses DTDs and entity declarations outright, oversize bodies, absurd nesting and absurd
 * element or attribute counts (soap.md), before the parser sees the text.
 *
 * One pass over the text, each character looked at once (indexOf only moves forward), so any
 * body up to the 1 MiB limit is checked in milliseconds whatever its shape: the regex this
 * replaces backtracked on an unclosed `<a<a<a…` and took most of a second per 48 KiB.
 * A `<` inside a tag is never well-formed XML (not even in an attribute value), so it ends the
 * scan with a refusal instead of starting a second, overlapping tag.
 */
export function checkXmlSafety(xml: string): void {
  if (Buffer.byteLength(xml) > SOAP_BODY_LIMIT)
    throw new SoapRequestError('The request is larger than 1 MiB');
  let depth = 0;
  let elements = 0;
  let allAttributes = 0;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const at = xml.indexOf('<', i);
    if (at < 0) break;
    const next = xml.charCodeAt(at + 1);
    if (next === BANG) {
      if (xml.startsWith('<!--', at)) i = skipPast(xml, at + 4, '-->', 'comment');
      else if (xml.startsWith('<![CDATA[', at)) i = skipPast(xml, at + 9, ']]>', 'CDATA section');
      else if (/^<!DOCTYPE/i.test(xml.slice(at, at + 9)))
        throw new SoapRequestError('DTDs are not allowed (no DOCTYPE)');
      else if (/^<!ENTITY/i.test(xml.slice(at, at + 8)))
        throw new SoapRequestError('Entity declarations are not allowed');
      else throw notWellFormed('unexpected markup declaration');
      continue;
    }
    if (next === QUESTION) {
      i = skipPast(xml, at + 2, '?>', 'processing instruction');
      continue;
    }
    const closing = next === SLASH;
    // The tag itself: up to its `>`, quotes respected; a `<` before it is malformed.
    let j = at + (closing ? 2 : 1);
    let quote = 0;
    let attributes = 0;
    let lastNonSpace = 0;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
        else if (c === LT) throw notWellFormed("'<' inside an attribute value");
        continue;
      }
      if (c === GT) break;
      if (c === LT) throw notWellFormed("'<' inside a tag");
      if (c === QUOT || c === APOS) quote = c;
      else if (c === EQUALS) {
        if (++attributes > SOAP_MAX_ATTRIBUTES)
          throw new SoapRequestError(`An element has more than ${SOAP_MAX_ATTRIBUTES} attributes`);
        if (++allAttributes > SOAP_MAX_ATTRIBUTES_TOTAL)
          throw new SoapRequestError(`The XML has more than ${SOAP_MAX_ATTRIBUTES_TOTAL} attributes`);
      }
      if (c > 0x20) lastNonSpace = c;
    }
    if (j >= n) throw notWellFormed('unterminated tag');
    i = j + 1;
    if (closing) {
      depth -= 1;
      continue;
    }
    if (++elements > SOAP_MAX_ELEMENTS)
      throw new SoapRequestError(`The XML has more than ${SOAP_MAX_ELEMENTS} elements`);
    if (lastNonSpace !== SLASH && ++depth > SOAP_MAX_DEPTH)
      throw new SoapRequestError(`The XML is nested deeper than ${SOAP_MAX_DEPTH} levels`);
  }
}
