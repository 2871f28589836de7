import type { TestProject } from 'vitest/node';
import { startTestInfrastructure } from '@conduit/testing';

/** Integration tests: one private PostgreSQL + Redis per run; each file makes its own database. */
export default async function setup(project: TestProject) {
  const infra = await startTestInfrastructure();
  project.provide('pgUrlTemplate', infra.pgUrl('{db}'));
  project.provide('redisUrl', infra.redisUrl);
  return () => infra.stop();
}
