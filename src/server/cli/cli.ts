/** The CLI entry: `npm run terskel -- <command>` (see cli-commands.ts). */
import { runCli } from './cli-commands.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
