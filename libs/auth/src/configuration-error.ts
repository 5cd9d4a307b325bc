/**
 * A setting the process cannot start with. Each problem names its variable and what is wrong with
 * it, so one failed start lists everything to fix.
 */
export class ConfigurationError extends Error {
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(list.join('; '));
    this.name = new.target.name;
    this.problems = list;
  }
}
