/** The command names, for choosing which commands a run builds (program.ts holds their factories). */
export const COMMAND_NAMES = ['decode', 'verify', 'audit', 'scan', 'diff', 'sign', 'jwks', 'completion'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

const isCommandName = (word: string | undefined): word is CommandName => COMMAND_NAMES.includes(word as CommandName);

/**
 * Which commands a run can reach, given the operands commander routes argv by
 * (those before the first option the root does not know; null when unknown):
 * the named command alone, or decode (the default) alone, or all of them
 * (null) where commander lists or walks them: root help (a help flag anywhere
 * with no command named, or `help`) and `completion`. When unsure, all: that
 * only costs time.
 */
export function commandsToBuild(argv: readonly string[], operands: readonly string[] | null): readonly CommandName[] | null {
  if (operands === null) return null;
  const first = operands[0];
  if (isCommandName(first)) return first === 'completion' ? null : [first];
  if (first === 'help' || argv.some((arg) => arg === '-h' || arg === '--help')) return null;
  return ['decode'];
}
