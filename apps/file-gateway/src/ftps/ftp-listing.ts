import type { GatewayEntry } from '../gateway/account-session';
import { targetOf } from '../gateway/jail-path';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = 182 * 24 * 3600 * 1000;

/** What an account may do with an entry, from its folder's rules (batch-files.md). */
function permissions(path: string, entry: GatewayEntry) {
  const target = targetOf(path);
  const folder = target.kind === 'folder' || target.kind === 'file' ? target.folder : null;
  return {
    // Files: inbound ones can be replaced, renamed and deleted; outbound ones deleted; archive none.
    deletable: !entry.isDirectory && (folder === 'inbound' || folder === 'outbound'),
    renamable: !entry.isDirectory && folder === 'inbound',
    writable: entry.writable,
  };
}

/** `ls -l`-style line, the format LIST clients parse (lftp, curl, FileZilla, WinSCP). */
export function listLine(path: string, entry: GatewayEntry, now = new Date()): string {
  const { writable, deletable } = permissions(path, entry);
  const mode = entry.isDirectory
    ? writable
      ? 'drwxr-xr-x'
      : 'dr-xr-xr-x'
    : writable || deletable
      ? '-rw-r--r--'
      : '-r--r--r--';
  const at = entry.modifiedAt;
  const month = MONTHS[at.getUTCMonth()];
  const day = String(at.getUTCDate()).padStart(2, ' ');
  const recent = Math.abs(now.getTime() - at.getTime()) < SIX_MONTHS_MS;
  const time = recent
    ? `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`
    : String(at.getUTCFullYear()).padStart(5, ' ');
  const size = String(entry.size).padStart(12, ' ');
  return `${mode} 1 ftp ftp ${size} ${month} ${day} ${time} ${entry.name}`;
}

/** RFC 3659 facts for MLSD/MLST: `type=…;size=…;modify=…;perm=…; name`. */
export function factsLine(path: string, entry: GatewayEntry, name = entry.name): string {
  const { writable, deletable, renamable } = permissions(path, entry);
  let perm: string;
  if (entry.isDirectory) perm = writable ? 'elc' : 'el';
  else perm = `r${deletable ? 'd' : ''}${renamable ? 'f' : ''}${writable ? 'w' : ''}`;
  const type = entry.isDirectory ? 'dir' : 'file';
  return `type=${type};size=${entry.size};modify=${timeVal(entry.modifiedAt)};perm=${perm}; ${name}`;
}

/** RFC 3659 time-val (UTC), as MDTM and the modify fact give it. */
export function timeVal(at: Date): string {
  return (
    `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}` +
    `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`
  );
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}
