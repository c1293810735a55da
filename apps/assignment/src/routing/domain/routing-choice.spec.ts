import { chooseOfficer, type OfficerLoad } from './routing-choice';

const officer = (id: string, over: Partial<OfficerLoad> = {}): OfficerLoad => ({
  id,
  categories: ['hiring'],
  capacity: 2,
  openCount: 0,
  available: true,
  lastAssignedAt: null,
  ...over,
});

describe('chooseOfficer', () => {
  it('gives the request to the company liaison officer when they have room, whatever their categories', () => {
    const d = chooseOfficer({ category: 'financing', liaisonOfficerId: 'L' }, [officer('A'), officer('L', { categories: [] })]);
    expect(d).toEqual({ officerId: 'L', reason: 'liaison' });
  });

  it.each([
    ['full', { openCount: 2 }],
    ['unavailable', { available: false }],
  ])('skips a liaison officer who is %s and falls back to category routing', (_label, over) => {
    const d = chooseOfficer({ category: 'hiring', liaisonOfficerId: 'L' }, [officer('L', over), officer('A')]);
    expect(d).toEqual({ officerId: 'A', reason: 'category' });
  });

  it('picks the officer with the fewest open cases among those with the category', () => {
    const d = chooseOfficer({ category: 'hiring', liaisonOfficerId: null }, [
      officer('A', { openCount: 1 }),
      officer('B', { openCount: 0, categories: ['financing'] }),
      officer('C', { openCount: 0 }),
    ]);
    expect(d.officerId).toBe('C');
  });

  it('breaks ties by the longest wait since the last assignment, never-assigned first', () => {
    const d = chooseOfficer({ category: 'hiring', liaisonOfficerId: null }, [
      officer('A', { lastAssignedAt: new Date('2026-01-02') }),
      officer('B', { lastAssignedAt: new Date('2026-01-01') }),
    ]);
    expect(d.officerId).toBe('B');
    const e = chooseOfficer({ category: 'hiring', liaisonOfficerId: null }, [
      officer('A', { lastAssignedAt: new Date('2026-01-01') }),
      officer('B'),
    ]);
    expect(e.officerId).toBe('B');
  });

  it('never exceeds capacity: nobody is chosen when every matching officer is full or away', () => {
    const d = chooseOfficer({ category: 'hiring', liaisonOfficerId: null }, [
      officer('A', { openCount: 2 }),
      officer('B', { available: false }),
      officer('C', { categories: ['policy'] }),
    ]);
    expect(d).toEqual({ officerId: null, reason: 'no_capacity' });
  });
});

describe('chooseOfficer for a transfer (转办)', () => {
  const req = { category: 'hiring' as const, liaisonOfficerId: 'L' };

  it('gives it to the named officer only, and only when they have room', () => {
    const officers = [officer('L'), officer('T', { categories: [] })];
    expect(chooseOfficer({ ...req, targetOfficerId: 'T' }, officers)).toEqual({ officerId: 'T', reason: 'transfer' });
    expect(chooseOfficer({ ...req, targetOfficerId: 'T' }, [officer('L'), officer('T', { openCount: 2 })])).toEqual({
      officerId: null,
      reason: 'no_capacity',
    });
  });

  it('picks inside the department, skilled officers first, never the one it came from', () => {
    const officers = [
      officer('L', { departmentId: 'D1' }),
      officer('P', { departmentId: 'D2', openCount: 0 }),
      officer('S', { departmentId: 'D2', openCount: 1 }),
      officer('U', { departmentId: 'D2', categories: [], openCount: 0 }),
    ];
    expect(chooseOfficer({ ...req, targetDepartmentId: 'D2', previousOfficerId: 'P' }, officers)).toEqual({
      officerId: 'S',
      reason: 'transfer',
    });
  });

  it('falls back to any officer of the department when none has the category', () => {
    const officers = [officer('U', { departmentId: 'D2', categories: ['policy'] })];
    expect(chooseOfficer({ ...req, targetDepartmentId: 'D2' }, officers)).toEqual({ officerId: 'U', reason: 'transfer' });
  });

  it('waits when the department has nobody with room', () => {
    const officers = [officer('F', { departmentId: 'D2', openCount: 2 }), officer('A', { departmentId: 'D1' })];
    expect(chooseOfficer({ ...req, targetDepartmentId: 'D2' }, officers).officerId).toBeNull();
  });
});
