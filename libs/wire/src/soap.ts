import { XMLParser } from 'fast-xml-parser';
import { checkXmlSafety, SoapRequestError } from './xml-safety';

export type SoapVersion = '1.1' | '1.2';
export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';

export interface SoapCall {
  version: SoapVersion;
  /** The operation: the local name of the Body's first element. */
  operation: string;
  namespace: string | null;
  /** The operation element's children (or those of its `Request` child), by local name. */
  fields: Record<string, string>;
}

/** SOAP 1.2 when the content type says so; 1.1 otherwise (text/xml). */
export function soapVersionOf(contentType: string | undefined): SoapVersion {
  return /application\/soap\+xml/i.test(contentType ?? '') ? '1.2' : '1.1';
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
type Node = Record<string, unknown>;

function child(node: unknown, name: string): unknown {
  if (!node || typeof node !== 'object') return undefined;
  const key = Object.keys(node).find((k) => !k.startsWith('@_') && local(k) === name);
  return key === undefined ? undefined : (node as Node)[key];
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return String((value as Node)['#text'] ?? '');
  return String(value);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  // Only the predefined entities and character references: DOCTYPEs were refused before parsing.
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses a SOAP 1.1/1.2 request into its operation and fields (values as text). */
export function parseSoapRequest(xml: string, version: SoapVersion): SoapCall {
  checkXmlSafety(xml);
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (err) {
    throw new SoapRequestError(
      `The request is not well-formed XML: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  const envelope = child(doc, 'Envelope');
  const body = child(envelope, 'Body') as Node | undefined;
  if (!body || typeof body !== 'object') throw new SoapRequestError('The request has no SOAP Envelope/Body');
  const opKey = Object.keys(body).find((k) => !k.startsWith('@_') && !k.startsWith('#'));
  if (!opKey) throw new SoapRequestError('The SOAP Body names no operation');
  const op = body[opKey] as Node | string;
  const opNode = typeof op === 'object' && op ? op : {};
  const envNs = Object.entries((envelope as Node) ?? {}).find(([k]) => k.startsWith('@_xmlns'))?.[1];
  if (envNs && envNs !== (version === '1.2' ? SOAP12_NS : SOAP11_NS))
    throw new SoapRequestError(
      `The envelope's namespace does not match SOAP ${version} (check the Content-Type)`,
    );
  const prefix = opKey.includes(':') ? opKey.slice(0, opKey.indexOf(':')) : '';
  const nsAttr = prefix ? `@_xmlns:${prefix}` : '@_xmlns';
  const namespace =
    String(opNode[nsAttr] ?? (envelope as Node)[nsAttr] ?? (body as Node)[nsAttr] ?? '') || null;
  const request = child(opNode, 'Request');
  const source = (request && typeof request === 'object' ? request : opNode) as Node;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) {
    if (k.startsWith('@_') || k.startsWith('#')) continue;
    if (
      typeof v === 'object' &&
      v !== null &&
      !('#text' in v) &&
      Object.keys(v).some((x) => !x.startsWith('@_'))
    )
      continue;
    fields[local(k)] = text(v);
  }
  return { version, operation: local(opKey), namespace, fields };
}

export function xmlEscape(value: string): string {
  return (
    value
      // Characters XML 1.0 cannot carry at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}

export function soapEnvelope(version: SoapVersion, body: string): string {
  const ns = version === '1.2' ? SOAP12_NS : SOAP11_NS;
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${ns}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

/** A fault in the request's SOAP version, with ErrorCode and ReferenceNumber in its detail. */
export function soapFault(
  version: SoapVersion,
  client: boolean,
  message: string,
  errorCode: number,
  reference: string,
): string {
  const detail = `<ErrorCode>${errorCode}</ErrorCode><ReferenceNumber>${xmlEscape(reference)}</ReferenceNumber>`;
  if (version === '1.2')
    return soapEnvelope(
      version,
      `<soap:Fault><soap:Code><soap:Value>soap:${client ? 'Sender' : 'Receiver'}</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">${xmlEscape(message)}</soap:Text></soap:Reason><soap:Detail>${detail}</soap:Detail></soap:Fault>`,
    );
  return soapEnvelope(
    version,
    `<soap:Fault><faultcode>soap:${client ? 'Client' : 'Server'}</faultcode><faultstring>${xmlEscape(message)}</faultstring><detail>${detail}</detail></soap:Fault>`,
  );
}

export function soapContentType(version: SoapVersion, action?: string): string {
  return version === '1.2'
    ? `application/soap+xml; charset=utf-8${action ? `; action="${action}"` : ''}`
    : 'text/xml; charset=utf-8';
}
