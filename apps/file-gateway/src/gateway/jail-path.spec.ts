import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isTemporaryName, loggable, resolvePath, targetOf, validFileName } from './jail-path';

describe('jail paths', () => {
  it('never leaves the virtual root, whatever the client sends', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '', 'inbound', 'outbound', 'archive', 'etc'),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom('/', '/inbound', '/archive'),
        (parts, absolute, cwd) => {
          const path = `${absolute ? '/' : ''}${parts.join('/')}`;
          const resolved = resolvePath(cwd, path);
          if (resolved === null) return;
          expect(resolved.startsWith('/')).toBe(true);
          expect(resolved.split('/')).not.toContain('..');
          const target = targetOf(resolved);
          if (target.kind === 'file') expect(['inbound', 'outbound', 'archive']).toContain(target.folder);
        },
      ),
    );
  });

  it('resolves the escapes clients try to the jail root or to nothing', () => {
    expect(resolvePath('/inbound', '..')).toBe('/');
    expect(resolvePath('/', '../../etc/passwd')).toBe('/etc/passwd');
    expect(targetOf('/etc/passwd')).toEqual({ kind: 'none' });
    expect(targetOf(resolvePath('/inbound', '../../inbound/a.txt')!)).toEqual({
      kind: 'file',
      folder: 'inbound',
      name: 'a.txt',
    });
    expect(targetOf('/inbound/sub/a.txt')).toEqual({ kind: 'none' });
    expect(resolvePath('/', 'a\0b')).toBeNull();
    expect(resolvePath('/', '..\\..\\x')).toBeNull();
  });

  it('knows final names from temporary ones', () => {
    expect(validFileName('payments 2026-12.txt')).toBe(true);
    expect(validFileName('..')).toBe(false);
    expect(validFileName('a/b')).toBe(false);
    for (const n of ['x.tmp', 'x.part', 'x.filepart', '.in.x.']) expect(isTemporaryName(n)).toBe(true);
    expect(isTemporaryName('payments.txt')).toBe(false);
  });

  it('masks digit runs a card number could hide in, in what it logs', () => {
    expect(loggable('/outbound/POSTING_6011000551245_20261201.txt')).toBe(
      '/outbound/POSTING_#13digits#_20261201.txt',
    );
    expect(loggable('4111111111111111.txt')).not.toContain('4111111111111111');
    expect(loggable('short-12345678901.txt')).toBe('short-12345678901.txt');
  });
});
