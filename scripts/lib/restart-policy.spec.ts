import { describe, expect, it } from 'vitest';
import { restartDecision } from './restart-policy.mjs';

const quick = (signature: string) => ({ signature, livedMs: 2_000 });
const long = (signature: string) => ({ signature, livedMs: 60_000 });

describe('restartDecision: a child that keeps failing the same way is not restarted for ever', () => {
  it('restarts a first crash after 500 ms, then backs off', () => {
    expect(restartDecision([], quick('SIGKILL'))).toEqual({ restart: true, delay: 500 });
    expect(restartDecision([quick('code 1')], quick('SIGKILL'))).toEqual({ restart: true, delay: 1000 });
  });

  it('gives up on the third quick exit in a row with the same exit code', () => {
    expect(restartDecision([quick('code 1'), quick('code 1')], quick('code 1'))).toEqual({
      restart: false,
      reason: 'it exited 3 times in a row within 30 s of starting (code 1)',
    });
  });

  it('keeps restarting, backing off up to 10 s, while the failures differ', () => {
    const history = ['code 1', 'SIGKILL', 'code 1', 'SIGKILL', 'code 1', 'SIGKILL'].map(quick);
    expect(restartDecision(history, quick('code 2'))).toEqual({ restart: true, delay: 10_000 });
  });

  it('a run that lasted counts as working: the slate is clean after it', () => {
    expect(restartDecision([quick('code 1'), quick('code 1'), long('code 1')], quick('code 1'))).toEqual({
      restart: true,
      delay: 500,
    });
    expect(restartDecision([quick('code 1'), quick('code 1')], long('code 1'))).toEqual({
      restart: true,
      delay: 500,
    });
  });
});
