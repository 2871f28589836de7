import type { EvidenceFile } from '../api/settlementTypes';
import { formatBytes } from '../common/money';
import { MAX_FILE_BYTES, MAX_FILES } from './constants';

/** The file's bytes as base64, without the `data:…;base64,` prefix. */
export const readAsBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read.`));
    reader.readAsDataURL(file);
  });

export const toEvidenceFile = async (file: File): Promise<EvidenceFile> => ({
  fileName: file.name,
  contentType: file.type || 'application/octet-stream',
  contentBase64: await readAsBase64(file),
});

const sameFile = (a: File, b: File) =>
  a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * Adds newly chosen files to those already chosen, refusing (with a reason each) files over
 * 5 MiB, empty files and any beyond the fifth, before anything is uploaded.
 */
export const addFiles = (current: File[], chosen: File[]): { files: File[]; problems: string[] } => {
  const files = [...current];
  const problems: string[] = [];
  for (const file of chosen) {
    if (files.some((f) => sameFile(f, file))) continue;
    if (file.size > MAX_FILE_BYTES) {
      problems.push(
        `${file.name} is too large (${formatBytes(file.size)}): each file must be 5 MiB or smaller.`,
      );
    } else if (file.size === 0) {
      problems.push(`${file.name} is empty.`);
    } else if (files.length >= MAX_FILES) {
      problems.push(`${file.name} was not added: a response can include at most ${MAX_FILES} files.`);
    } else {
      files.push(file);
    }
  }
  return { files, problems };
};
