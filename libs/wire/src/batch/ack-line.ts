export const ACK_RECORD = 'IMA10';
const CRLF = '\r\n';
const BREAKERS = /[|\r\n\p{Cc}\p{Zl}\p{Zp}]/gu;

/** One acknowledgement line's content (batch-files.md §"Outbound: acknowledgement"). */
export interface AckLine {
  externalId: string;
  result: 'A' | 'R';
  transactionId: string;
  responseCode: string;
  responseMessage: string;
  errorText: string;
}

/** A field that cannot end its line early or add a field: `|`, CR, LF and controls become spaces. */
export function ackField(value: string | null | undefined): string {
  if (!value) return '';
  return value.replace(BREAKERS, ' ').replace(/ {2,}/g, ' ').trim();
}

/** `IMA10|ExternalID|A or R|TransactionID|ResponseCode|ResponseMessage|ErrorText`, CRLF-terminated. */
export function ackLine(a: AckLine): string {
  return (
    [
      ACK_RECORD,
      ackField(a.externalId),
      a.result === 'A' ? 'A' : 'R',
      ackField(a.transactionId),
      ackField(a.responseCode),
      ackField(a.responseMessage),
      ackField(a.errorText),
    ].join('|') + CRLF
  );
}

/** The acknowledgement's name for an inbound file `NAME`. */
/**
 * `NAME.ack` for an inbound `NAME` (batch-files.md). An OpenPGP upload `NAME.pgp` is the file
 * `NAME` sent encrypted, so its acknowledgement is `NAME.ack` too.
 */
export const ackFileName = (inboundName: string) => `${inboundName.replace(/\.pgp$/i, '')}.ack`;
