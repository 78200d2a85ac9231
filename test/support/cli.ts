// Runs the real `crossline` CLI as a user would: a child process over bin/crossline.js, returning the
// exit code and both streams whatever the outcome (a failing command is an answer, not an error).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const BIN = path.resolve('bin/crossline.js');
export type CliResult = { code: number; stdout: string; stderr: string };

const run = promisify(execFile);

export async function crossline(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], {
      env: { ...process.env, CROSSLINE_LOG_LEVEL: 'warn' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as CliResult;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
