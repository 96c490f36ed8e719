/** What a completion script needs to know about the program, read from commander. */
export interface CompletionSpec {
  readonly program: string;
  readonly globalOptions: readonly string[];
  readonly commands: ReadonlyArray<{ readonly name: string; readonly options: readonly string[] }>;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

function bash(spec: CompletionSpec): string {
  const fn = `_${spec.program.replace(/-/g, '_')}`;
  const cases = spec.commands.map((c) => `    ${c.name}) opts="${[...c.options, ...spec.globalOptions].join(' ')}" ;;`).join('\n');
  return `# bash completion for ${spec.program}; add to ~/.bashrc:  source <(${spec.program} completion bash)
${fn}() {
  local cur cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  cmd=""
  for w in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$w" in -*) ;; *) cmd="$w"; break ;; esac
  done
  case "$cmd" in
${cases}
    *) opts="${spec.commands.map((c) => c.name).join(' ')} ${spec.globalOptions.join(' ')}" ;;
  esac
  if [[ "$cur" == -* || -n "$cmd" ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
    [[ "$cur" != -* ]] && COMPREPLY+=( $(compgen -f -- "$cur") )
  else
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  fi
}
complete -F ${fn} ${spec.program}
`;
}

function zsh(spec: CompletionSpec): string {
  const commands = spec.commands.map((c) => `'${c.name}'`).join(' ');
  const cases = spec.commands.map((c) => `    ${c.name}) opts=(${[...c.options, ...spec.globalOptions].join(' ')}) ;;`).join('\n');
  return `#compdef ${spec.program}
# zsh completion for ${spec.program}; add to ~/.zshrc:  source <(${spec.program} completion zsh)
_${spec.program.replace(/-/g, '_')}() {
  local -a opts
  local cmd=\${words[2]}
  case $cmd in
${cases}
    *) opts=(${spec.globalOptions.join(' ')}) ;;
  esac
  if (( CURRENT == 2 )); then
    compadd -- ${commands} $opts
  else
    compadd -- $opts
    _files
  fi
}
compdef _${spec.program.replace(/-/g, '_')} ${spec.program}
`;
}

function fish(spec: CompletionSpec): string {
  const names = spec.commands.map((c) => c.name).join(' ');
  const lines = [`# fish completion for ${spec.program}:  ${spec.program} completion fish > ~/.config/fish/completions/${spec.program}.fish`];
  lines.push(`complete -c ${spec.program} -n "not __fish_seen_subcommand_from ${names}" -a "${names}"`);
  const long = (o: string): string => o.replace(/^--/, '');
  for (const o of spec.globalOptions.filter((o) => o.startsWith('--'))) lines.push(`complete -c ${spec.program} -l ${long(o)}`);
  for (const c of spec.commands) {
    for (const o of c.options.filter((o) => o.startsWith('--'))) {
      lines.push(`complete -c ${spec.program} -n "__fish_seen_subcommand_from ${c.name}" -l ${long(o)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return { bash, zsh, fish }[shell](spec);
}
