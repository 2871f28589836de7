import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from './constants';
import { addFiles } from './files';

const file = (name: string, size: number) => new File([new Uint8Array(size)], name, { lastModified: 1 });

describe('addFiles', () => {
  it('accepts files up to 5 MiB and refuses larger ones with a reason', () => {
    const { files, problems } = addFiles(
      [],
      [file('ok.pdf', MAX_FILE_BYTES), file('big.pdf', MAX_FILE_BYTES + 1)],
    );
    expect(files.map((f) => f.name)).toEqual(['ok.pdf']);
    expect(problems).toEqual([expect.stringMatching(/^big\.pdf is too large .*5 MiB or smaller\.$/)]);
  });

  it('refuses empty files, a sixth file, and ignores a file chosen twice', () => {
    const five = ['1', '2', '3', '4', '5'].map((n) => file(`${n}.txt`, 10));
    const first = addFiles([], [...five.slice(0, 4), file('empty.txt', 0)]);
    expect(first.files).toHaveLength(4);
    expect(first.problems).toEqual(['empty.txt is empty.']);
    const second = addFiles(first.files, [five[0], five[4], file('6.txt', 10)]);
    expect(second.files.map((f) => f.name)).toEqual(['1.txt', '2.txt', '3.txt', '4.txt', '5.txt']);
    expect(second.problems).toEqual(['6.txt was not added: a response can include at most 5 files.']);
  });
});
