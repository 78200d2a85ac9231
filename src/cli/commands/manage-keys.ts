// `crossline keys show|rotate`: this node's federation identity. `show --card` prints the card to
// hand to a peer's admin; `rotate` retires the current keys (kept for old messages) and makes new ones.
import type { Command } from 'commander';
import { currentKeys, formatFingerprint } from '../../federation/crypto/index.js';
import { openNodeContext } from '../../node.js';
import { ownNodeCard } from '../../services/federation/node-card.js';
import { rotateNodeKeys } from '../../services/federation/rotate-node-keys.js';
import type { ServiceContext } from '../../services/context.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

function showKeys(ctx: ServiceContext, asCard: boolean): void {
  const card = ownNodeCard(ctx);
  if (asCard) {
    process.stdout.write(`${JSON.stringify(card, null, 2)}\n`);
    return;
  }
  const ring = ctx.secrets.keyRing;
  process.stdout.write(
    `node ${card.id} (${card.name.en} / ${card.name.zh}, ${card.country})\nendpoint ${card.endpoint}\n`,
  );
  process.stdout.write(
    `key id ${currentKeys(ring).kid}; ${ring.versions.length - 1} retired version(s)\nfingerprint ${formatFingerprint(card.fingerprint)}\n`,
  );
}

export function registerKeys(program: Command, setExit: (code: number) => void): void {
  const keys = program.command('keys').description("this node's federation keys and card");
  withNodeOptions(keys.command('show').description('show the key id and fingerprint (and the card with --card)'))
    .option('--card', 'print the node card as JSON (give it to peers)')
    .action(async (opts: NodeOptions & { card?: boolean }) => {
      // The key ring lives in the node's database (shared with a running node).
      const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
      try {
        showKeys(ctx, opts.card === true);
        setExit(0);
      } finally {
        await ctx.db.close();
      }
    });
  withNodeOptions(
    keys
      .command('rotate')
      .description(
        'retire the current keys and create new ones (running processes of the node pick them up within seconds)',
      ),
  ).action(async (opts: NodeOptions) => {
    const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
    try {
      const r = await rotateNodeKeys(ctx, { kind: 'system', partyId: ctx.config.nodeId });
      process.stdout.write(
        `rotated: new key id ${r.kid} (previous ${r.previousKid} kept for verifying old messages)\nfingerprint ${formatFingerprint(r.fingerprint)}\n`,
      );
      setExit(0);
    } finally {
      await ctx.db.close();
    }
  });
}
