import { describe, expect, it } from 'vitest';
import { checkHandlers, JobName } from './queue-names';

describe('job handler check', () => {
  const all = Object.values(JobName);

  it('passes when every job has exactly one handler', () => {
    expect(checkHandlers(all)).toEqual([]);
  });

  it('reports a missing handler', () => {
    expect(checkHandlers([])[0]).toMatch(/has 0 handlers/);
  });

  it('reports a duplicate handler', () => {
    expect(checkHandlers([...all, all[0]])).toContainEqual(expect.stringMatching(/has 2 handlers/));
  });

  it('reports a handler for an unknown job', () => {
    expect(checkHandlers([...all, 'nope'])).toContain('handler for unknown job "nope"');
  });
});
