import type { SlaState } from '@qifu/contracts';

/** The one state a request shows: breached if any target was missed, else where resolution stands. */
export function overallState(targets: readonly { target: string; state: SlaState }[]): SlaState {
  if (targets.some((t) => t.state === 'breached')) return 'breached';
  return targets.find((t) => t.target === 'resolution')?.state ?? 'running';
}
