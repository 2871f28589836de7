import { describe, expect, it } from 'vitest';
import { clock, displayPairingCode, secondsLeft, spokenPairingCode, timeAgo } from './format';

const NOW = new Date('2026-12-02T18:00:00Z');

describe('terminal page formats', () => {
  it('says how long ago a terminal was seen, in the largest whole unit', () => {
    expect(timeAgo('2026-12-02T17:59:45Z', NOW, 'en')).toBe('now');
    expect(timeAgo('2026-12-02T17:57:00Z', NOW, 'en')).toBe('3 minutes ago');
    expect(timeAgo('2026-12-02T15:00:00Z', NOW, 'en')).toBe('3 hours ago');
    expect(timeAgo('2026-11-30T18:00:00Z', NOW, 'en')).toBe('2 days ago');
    expect(timeAgo(null, NOW, 'en')).toBeNull();
    expect(timeAgo('not a date', NOW, 'en')).toBeNull();
  });

  it('counts a pairing code down to zero and not below', () => {
    expect(secondsLeft('2026-12-02T18:15:00Z', NOW)).toBe(900);
    expect(secondsLeft('2026-12-02T17:59:00Z', NOW)).toBe(0);
    expect(secondsLeft(undefined, NOW)).toBeNull();
    expect(clock(900)).toBe('15:00');
    expect(clock(872)).toBe('14:32');
    expect(clock(5)).toBe('0:05');
  });

  it('shows a pairing code as XXXX-XXXX and spells it for a screen reader', () => {
    expect(displayPairingCode('abcdefgh')).toBe('ABCD-EFGH');
    expect(displayPairingCode('ABCD-EFGH')).toBe('ABCD-EFGH');
    expect(displayPairingCode('short')).toBe('short');
    expect(spokenPairingCode('ABCD-EF23')).toBe('A B C D, E F 2 3');
  });
});
