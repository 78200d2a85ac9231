// `crossline start`: run one node until SIGTERM/SIGINT, then shut down gracefully.
import type { Command } from 'commander';
import { startNode } from '../../node.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';
import { untilSignal } from '../signals.js';

export function registerStart(program: Command, setExit: (code: number) => void): void {
  withNodeOptions(program.command('start').description('start a node')).action(async (opts: NodeOptions) => {
    const node = await startNode(configFrom(opts));
    process.stdout.write(`Crossline node ${node.ctx.config.nodeId} listening at ${node.url}\n`);
    await untilSignal();
    await node.stop();
    setExit(0);
  });
}
