import { Command } from 'commander';
import { completionScript, SHELLS, type CompletionSpec, type Shell } from '../completion-scripts.js';
import { settle, type Cli } from '../context.js';
import { choiceArg } from '../parsers.js';

function specOf(program: Command): CompletionSpec {
  const flags = (cmd: Command): string[] => cmd.options.flatMap((o) => [o.short, o.long].filter((f): f is string => f !== undefined));
  return {
    program: program.name(),
    globalOptions: [...flags(program), '--help'],
    commands: program.commands.map((c) => ({ name: c.name(), options: flags(c) })),
  };
}

export function completionCommand(cli: Cli): Command {
  return new Command('completion')
    .summary('print a shell completion script')
    .description('Print a completion script for bash, zsh or fish.')
    .argument('<shell>', `one of ${SHELLS.join(', ')}`, choiceArg(SHELLS))
    .addHelpText(
      'after',
      '\nExamples:\n  $ source <(jwt-inspect completion bash)\n  $ jwt-inspect completion fish > ~/.config/fish/completions/jwt-inspect.fish\n',
    )
    .action((shell: Shell, _options: unknown, cmd: Command) => {
      cli.io.stdout.write(completionScript(shell, specOf(cmd.parent!)));
      settle(cli, cmd, { command: 'completion' });
    });
}
