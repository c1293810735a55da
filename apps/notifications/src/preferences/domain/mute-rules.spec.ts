import { NOTHING_MUTED, visibleTypesFilter, wants } from './mute-rules';

describe('mute rules', () => {
  it.each([
    ['nothing muted', NOTHING_MUTED, 'sla.breached', 'email', true],
    ['the type muted, on email', { mutedTypes: ['sla.breached'], mutedChannels: [] }, 'sla.breached', 'email', false],
    ['the type muted, in the app', { mutedTypes: ['sla.breached'], mutedChannels: [] }, 'sla.breached', 'in_app', false],
    ['another type muted', { mutedTypes: ['sla.warning'], mutedChannels: [] }, 'sla.breached', 'in_app', true],
    ['email muted, by email', { mutedTypes: [], mutedChannels: ['email'] }, 'request.assigned', 'email', false],
    ['email muted, in the app', { mutedTypes: [], mutedChannels: ['email'] }, 'request.assigned', 'in_app', true],
  ] as const)('%s → %s', (_label, settings, type, channel, expected) => {
    expect(wants({ mutedTypes: [...settings.mutedTypes], mutedChannels: [...settings.mutedChannels] }, type, channel)).toBe(expected);
  });

  it('hides everything in the app when the in-app channel is muted, else only the muted types', () => {
    expect(visibleTypesFilter({ mutedTypes: ['rating.bad'], mutedChannels: ['in_app'] })).toEqual({ none: true });
    expect(visibleTypesFilter({ mutedTypes: ['rating.bad'], mutedChannels: ['email'] })).toEqual({ except: ['rating.bad'] });
  });
});
