import { describe, expect, it } from 'vitest';
import { eraFileName, postingFileName } from './file-names';
import { PostingFileError } from './types';

describe('posting file names (batch-files.md)', () => {
  it('names the posting file and the 835 by merchant and business date', () => {
    expect(postingFileName('1000000000001', '2026-11-24')).toBe('POSTING_1000000000001_20261124.txt');
    expect(eraFileName('1000000000001', '2026-11-24')).toBe('ERA_1000000000001_20261124.835');
  });

  it('refuses a MerchantID that could name another path, and a date that is not a day', () => {
    for (const id of ['../1', 'a/b', '', '1000000000001\n', '1234567890123456'])
      expect(() => postingFileName(id, '2026-11-24')).toThrow(PostingFileError);
    for (const date of ['20261124', '2026-13-01', '2026-02-29', '2026-11-24T00:00'])
      expect(() => eraFileName('1000000000001', date)).toThrow(/businessDate/);
    expect(eraFileName('1000000000001', '2028-02-29')).toBe('ERA_1000000000001_20280229.835');
  });
});
