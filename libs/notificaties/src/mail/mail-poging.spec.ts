import { foutmelding, MAX_MAILPOGINGEN, naMislukking, wachttijdMinuten } from './mail-poging';

describe('mailpogingen', () => {
  const nu = new Date('2026-10-01T08:00:00Z');

  it('waits longer after each failure, at most an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(wachttijdMinuten)).toEqual([5, 10, 20, 40, 60, 60, 60]);
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => wachttijdMinuten(0)).toThrow();
    expect(() => wachttijdMinuten(-1)).toThrow();
    expect(() => wachttijdMinuten(1.5)).toThrow();
  });

  it('goes back to the outbox or the digest with the wait until the last attempt', () => {
    expect(naMislukking(1, 'wachtrij', nu)).toEqual({
      status: 'wachtrij',
      volgendePogingOp: new Date('2026-10-01T08:05:00Z'),
    });
    expect(naMislukking(MAX_MAILPOGINGEN - 1, 'digest', nu)).toEqual({
      status: 'digest',
      volgendePogingOp: new Date('2026-10-01T08:40:00Z'),
    });
  });

  it('gives up after the fifth failed attempt', () => {
    expect(MAX_MAILPOGINGEN).toBe(5);
    expect(naMislukking(5, 'wachtrij', nu)).toEqual({ status: 'mislukt', volgendePogingOp: null });
    expect(naMislukking(6, 'digest', nu)).toEqual({ status: 'mislukt', volgendePogingOp: null });
  });

  it('keeps an SMTP error on one line with its response code', () => {
    const smtp = Object.assign(new Error('Message failed:\n 550 5.1.1 mailbox onbekend'), {
      responseCode: 550,
    });
    expect(foutmelding(smtp)).toBe('Message failed: 550 5.1.1 mailbox onbekend (SMTP 550)');
    const net = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), {
      code: 'ESOCKET',
    });
    expect(foutmelding(net)).toBe('connect ECONNREFUSED 127.0.0.1:2525 (ESOCKET)');
    expect(foutmelding('kapot')).toBe('kapot');
    expect(foutmelding(new Error('x'.repeat(2000)))).toHaveLength(1000);
  });
});
