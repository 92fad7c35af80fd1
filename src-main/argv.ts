/** A wrong command line: the process says why in one line and exits with code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The value of `--name <value>` or `--name=<value>` in a raw argv, null when absent. Electron's
 * argv also carries Chromium's switches, so no strict parser reads it; a flag without its value
 * is a UsageError saying `usage`.
 */
export function argvOption(argv: readonly string[], name: string, usage: string): string | null {
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = arg === flag ? argv[i + 1] : arg.startsWith(`${flag}=`) ? arg.slice(flag.length + 1) : null;
    if (value === null) continue;
    if (!value || value.startsWith('--')) throw new UsageError(usage);
    return value;
  }
  return null;
}
