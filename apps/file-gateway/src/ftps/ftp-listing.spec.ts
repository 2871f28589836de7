import { describe, expect, it } from 'vitest';
import type { GatewayEntry } from '../gateway/account-session';
import { GatewayError } from '../gateway/account-session';
import { factsLine, listLine, timeVal } from './ftp-listing';
import { formatReply, replyForError } from './ftp-replies';

const at = new Date(Date.UTC(2025, 2, 7, 9, 5, 3));
const file = (name: string, writable: boolean): GatewayEntry => ({
  name,
  isDirectory: false,
  size: 1234,
  modifiedAt: at,
  writable,
});

describe('listings', () => {
  it('writes ls -l lines with the folder rules as permission bits', () => {
    const now = new Date(Date.UTC(2025, 3, 1));
    expect(listLine('/inbound/a.txt', file('a.txt', true), now)).toBe(
      '-rw-r--r-- 1 ftp ftp         1234 Mar  7 09:05 a.txt',
    );
    expect(listLine('/outbound/b.ack', file('b.ack', false), now)).toMatch(/^-rw-r--r-- /);
    expect(listLine('/archive/c.txt', file('c.txt', false), now)).toMatch(/^-r--r--r-- /);
    const old = listLine('/archive/c.txt', file('c.txt', false), new Date(Date.UTC(2026, 3, 1)));
    expect(old).toBe('-r--r--r-- 1 ftp ftp         1234 Mar  7  2025 c.txt');
    const dir: GatewayEntry = { name: 'inbound', isDirectory: true, size: 0, modifiedAt: at, writable: true };
    expect(listLine('/inbound', dir, now)).toMatch(/^drwxr-xr-x .* inbound$/);
  });

  it('writes RFC 3659 facts', () => {
    expect(factsLine('/inbound/a.txt', file('a.txt', true))).toBe(
      'type=file;size=1234;modify=20250307090503;perm=rdfw; a.txt',
    );
    expect(factsLine('/outbound/b', file('b', false))).toBe(
      'type=file;size=1234;modify=20250307090503;perm=rd; b',
    );
    expect(factsLine('/archive/c', file('c', false))).toBe(
      'type=file;size=1234;modify=20250307090503;perm=r; c',
    );
    expect(timeVal(at)).toBe('20250307090503');
  });
});

describe('replies', () => {
  it('maps every gateway error code', () => {
    const codes = {
      NOT_FOUND: 550,
      PERMISSION_DENIED: 550,
      EXISTS: 553,
      QUOTA_EXCEEDED: 552,
      TOO_LARGE: 552,
      UNSUPPORTED: 553,
      FAILURE: 451,
    } as const;
    for (const [code, ftp] of Object.entries(codes))
      expect(replyForError(new GatewayError(code as keyof typeof codes, 'why')).code).toBe(ftp);
    expect(replyForError(new Error('db down at 10.0.0.5'))).toEqual({
      code: 451,
      text: 'Local error; try again later',
    });
    expect(replyForError(new GatewayError('FAILURE', 'disk /var/x failed')).text).not.toContain('/var');
  });

  it('formats single and multi-line replies, never splitting on an embedded newline', () => {
    expect(formatReply({ code: 200, text: 'ok\r\n221 fake' })).toBe('200 ok 221 fake\r\n');
    expect(formatReply({ code: 211, text: ['Features:', 'PASV', 'End'] })).toBe(
      '211-Features:\r\n PASV\r\n211 End\r\n',
    );
  });
});
