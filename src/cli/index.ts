// The `crossline` command line: one sub-command per file under commands/.
import { Command, CommanderError } from 'commander';
import { isAppError } from '../errors.js';
import { registerAuditVerify } from './commands/audit-verify.js';
import { registerDemo } from './commands/run-demo.js';
import { registerInit } from './commands/init-node.js';
import { registerKeys } from './commands/manage-keys.js';
import { registerPeers } from './commands/manage-peers.js';
import { registerDirectory } from './commands/manage-directory.js';
import { registerReport } from './commands/export-report.js';
import { registerStart } from './commands/start-node.js';
import { registerUsers } from './commands/manage-users.js';
import { registerStix } from './commands/stix-import-export.js';
import { registerSearch } from './commands/search-reindex.js';
import { registerTaxii } from './commands/taxii-pull.js';
import { registerExtract } from './commands/extract-indicators.js';
import { registerExercises } from './commands/exercise-results.js';
import { registerTriage } from './commands/triage-list.js';
import { registerBackupRestore } from './commands/backup-restore.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('crossline')
    .description('Crossline: federated cooperation between cybercrime units')
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  registerInit(program, setExit);
  registerStart(program, setExit);
  registerDemo(program, setExit);
  registerUsers(program, setExit);
  registerAuditVerify(program, setExit);
  registerKeys(program, setExit);
  registerPeers(program, setExit);
  registerDirectory(program, setExit);
  registerReport(program, setExit);
  registerStix(program, setExit);
  registerSearch(program, setExit);
  registerTaxii(program, setExit);
  registerExtract(program, setExit);
  registerExercises(program, setExit);
  registerTriage(program, setExit);
  registerBackupRestore(program, setExit);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (isAppError(e)) {
      process.stderr.write(`error ${e.code}: ${e.bilingual.en} / ${e.bilingual.zh}\n`);
      for (const i of e.issues ?? []) process.stderr.write(`  ${i.path}: ${i.message.en} / ${i.message.zh}\n`);
      return 2;
    }
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
