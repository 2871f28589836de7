import { describe, expect, it } from 'vitest';
import { checkHandlers, JobName, JOBS, QueueName } from './queue-names';

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

describe('job catalog', () => {
  it('gives every job a queue, and a schedule only to jobs that run by themselves', () => {
    for (const name of Object.values(JobName)) expect(Object.values(QueueName)).toContain(JOBS[name].queue);
    expect(JOBS[JobName.CLOSE_SETTLEMENT].schedule).toBeUndefined();
    expect(JOBS[JobName.IMPORT_BATCH_FILE].schedule).toBeUndefined();
    expect(JOBS[JobName.EXPIRE_SSO_TOKENS].schedule?.every).toBe(5000);
  });
});
