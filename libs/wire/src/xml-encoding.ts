import { TextDecoder } from 'node:util';
import { SoapRequestError } from './xml-safety';

const DECLARED = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;

/** The charset parameter of a Content-Type, if any. */
function charsetOf(contentType: string | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m ? m[1] : null;
}

/**
 * Which encoding a request body is in (RFC 7303 order): a byte-order mark, else the Content-Type
 * charset, else the XML declaration's `encoding`, else UTF-16 recognised by its first bytes, else UTF-8.
 */
export function xmlEncodingOf(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const charset = charsetOf(contentType);
  if (charset) return charset.toLowerCase();
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00) return 'utf-16be';
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  return DECLARED.exec(head)?.[1].toLowerCase() ?? 'utf-8';
}

/** A strict decoder for a WHATWG Encoding label; null for unknown labels and "replacement". */
function decoderFor(label: string): TextDecoder | null {
  try {
    const decoder = new TextDecoder(label, { fatal: true });
    return decoder.encoding === 'replacement' ? null : decoder;
  } catch {
    return null;
  }
}

/**
 * A SOAP request body as text (soap.md: UTF-8 by default; another encoding the platform supports
 * — any WHATWG Encoding label, e.g. ISO-8859-1, windows-1252, UTF-16 — is decoded; anything else,
 * or bytes that are not valid in the declared encoding, is the caller's error).
 */
export function decodeXmlBody(bytes: Uint8Array, contentType?: string): string {
  const label = xmlEncodingOf(bytes, contentType);
  const decoder = decoderFor(label);
  if (!decoder) throw new SoapRequestError(`Encoding "${label}" is not supported; send UTF-8`);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new SoapRequestError(`The request is not valid ${decoder.encoding}`);
  }
}
