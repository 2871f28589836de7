import { describe, expect, it } from 'vitest';
import { loginDelayMs, MAX_DELAY_MS } from './login-defence';

describe('login slow-down', () => {
  it('answers the first failures at once, then waits 250 ms doubling', () => {
    const delays = Array.from({ length: 10 }, (_, i) => loginDelayMs(i + 1, 3));
    expect(delays).toEqual([0, 0, 0, 250, 500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('caps the wait, even after very many failures', () => {
    expect(loginDelayMs(10_000, 3)).toBe(MAX_DELAY_MS);
    expect(Number.isFinite(loginDelayMs(Number.MAX_SAFE_INTEGER, 0))).toBe(true);
  });

  it('slows every failure when slowdownAfter is 0', () => {
    expect(loginDelayMs(1, 0)).toBe(250);
    expect(loginDelayMs(0, 0)).toBe(0);
  });
});
