import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {}).map((msg) => `${e.property}: ${msg} (got ${JSON.stringify(e.value)})`));
}

/**
 * Reads and checks a service's settings from the environment. Every bad variable is named with what
 * to set, and the service refuses to start (fail loudly at the edge).
 */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv | Record<string, string | undefined>): T {
  const { instance, problems } = check(cls, env);
  if (problems.length > 0) throw new ConfigError(problems);
  return instance;
}

/** What loadConfig would refuse in `env`, one line per problem (none: empty). */
export function configProblems<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv | Record<string, string | undefined>): string[] {
  return check(cls, env).problems;
}

function check<T extends object>(
  cls: new () => T,
  env: NodeJS.ProcessEnv | Record<string, string | undefined>,
): { instance: T; problems: string[] } {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const instance = plainToInstance(cls, defined, { enableImplicitConversion: true, exposeDefaultValues: true });
  return { instance, problems: describe(validateSync(instance, { whitelist: false, forbidUnknownValues: false })) };
}
