import 'reflect-metadata';
import { configProblems, loadConfig } from '@qifu/config';
import { SlaConfig } from './sla.config';

const problems = (env: Record<string, string>): string[] => configProblems(SlaConfig, env);

describe('sla settings', () => {
  it('runs at nice 10 unless PROCESS_NICE says otherwise (0–19)', () => {
    expect(loadConfig(SlaConfig, {}).PROCESS_NICE).toBe(10);
    expect(loadConfig(SlaConfig, { PROCESS_NICE: '0' }).PROCESS_NICE).toBe(0);
  });

  it.each([
    [{ PROCESS_NICE: '20' }, 'PROCESS_NICE'],
    [{ PROCESS_NICE: '-5' }, 'PROCESS_NICE'],
    [{ PROCESS_NICE: 'low' }, 'PROCESS_NICE'],
    [{ SLA_WINDOW_SECONDS: '1' }, 'SLA_WINDOW_SECONDS'],
  ])('names a bad %j', (env, name) => {
    expect(problems(env).join('\n')).toContain(name);
  });
});
