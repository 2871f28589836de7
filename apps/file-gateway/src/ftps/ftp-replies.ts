import { GatewayError } from '../gateway/account-session';

/** One FTP reply: a three-digit code and its text (several lines for a multi-line reply). */
export interface FtpReply {
  code: number;
  text: string | string[];
}

/** The reply's wire form: `code text` or the `code-` … `code end` multi-line form. */
export function formatReply({ code, text }: FtpReply): string {
  const lines = (Array.isArray(text) ? text : [text]).map((l) => l.replace(/[\r\n]+/g, ' '));
  if (lines.length === 1) return `${code} ${lines[0]}\r\n`;
  const first = `${code}-${lines[0]}\r\n`;
  // Inner lines start with a space so no client mistakes one for the final line.
  const inner = lines.slice(1, -1).map((l) => ` ${l}\r\n`);
  return first + inner.join('') + `${code} ${lines[lines.length - 1]}\r\n`;
}

/**
 * A gateway error as the FTP reply clients understand (RFC 959 codes): 550 for a missing file or
 * a folder rule, 553 for a name the gateway will not take, 552 for size and quota, 451 for a
 * local failure. The core's messages are meant for accounts; a FAILURE's text stays generic.
 */
export function replyForError(err: unknown): FtpReply {
  if (!(err instanceof GatewayError)) return { code: 451, text: 'Local error; try again later' };
  switch (err.code) {
    case 'NOT_FOUND':
      return { code: 550, text: 'No such file or directory' };
    case 'PERMISSION_DENIED':
      return { code: 550, text: `Permission denied: ${err.message}` };
    case 'EXISTS':
      return { code: 553, text: `File exists: ${err.message}` };
    case 'QUOTA_EXCEEDED':
      return { code: 552, text: `Quota exceeded: ${err.message}` };
    case 'TOO_LARGE':
      return { code: 552, text: `File too large: ${err.message}` };
    case 'UNSUPPORTED':
      return { code: 553, text: `Not allowed: ${err.message}` };
    case 'FAILURE':
      return { code: 451, text: 'Local error; try again later' };
  }
}
