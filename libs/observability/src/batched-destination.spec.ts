import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { batchedDestination } from './batched-destination';

const dir = mkdtempSync(path.join(os.tmpdir(), 'conduit-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('batchedDestination', () => {
  it('writes every line, in order, whether written in one turn or across many', async () => {
    const file = path.join(dir, 'order.log');
    const fd = openSync(file, 'w');
    const d = batchedDestination(fd);
    const expected: string[] = [];
    for (let turn = 0; turn < 50; turn++) {
      for (let i = 0; i < turn % 7; i++) {
        const line = `{"turn":${turn},"i":${i},"text":"é ${'x'.repeat(turn * 13)}"}\n`;
        expected.push(line);
        d.write(line);
      }
      await nextTurn();
    }
    // Waited for rather than flushSync'd: sonic-boom's flushSync writes what is queued before a
    // write still in flight (it does so at exit too, which is why exit needs no write in flight).
    const all = expected.join('');
    await vi.waitFor(() => expect(readFileSync(file, 'utf8').length).toBe(all.length), {
      timeout: 5000,
      interval: 10,
    });
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(all);
  });

  it('loses no line when the process exits in the same turn it logged', () => {
    // The module, compiled as it is, run by a child that logs and calls process.exit() at once
    // (the api's fatal start-up path). Inside the repository so the child resolves pino.
    const root = path.resolve(__dirname, '../../..');
    const work = path.join(root, 'tmp', `batched-destination-${process.pid}`);
    mkdirSync(work, { recursive: true });
    try {
      const source = readFileSync(path.join(__dirname, 'batched-destination.ts'), 'utf8');
      const compiled = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      writeFileSync(path.join(work, 'batched-destination.mjs'), compiled);
      // stdout is a pipe the parent reads, as under npm start, a supervisor or a container.
      const child = `
        import { batchedDestination } from './batched-destination.mjs';
        const d = batchedDestination();
        d.write('{"msg":"first"}\\n');
        d.write('{"msg":"second"}\\n');
        d.write('{"msg":"fatal"}\\n');
        process.exit(3);
      `;
      writeFileSync(path.join(work, 'child.mjs'), child);
      for (let run = 0; run < 5; run++) {
        const r = spawnSync(process.execPath, [path.join(work, 'child.mjs')], { encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(3);
        expect(r.stdout).toBe('{"msg":"first"}\n{"msg":"second"}\n{"msg":"fatal"}\n');
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
