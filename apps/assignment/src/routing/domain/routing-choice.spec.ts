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
