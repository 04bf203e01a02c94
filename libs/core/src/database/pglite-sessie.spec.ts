import { berichtSoort, maakSessieBewust, volgende } from './pglite-sessie';

function bericht(soort: string, markering = 0): Uint8Array {
  return new Uint8Array([soort.charCodeAt(0), markering, 0, 0, 4]);
}

const BEGIN = 1;
const COMMIT = 2;

/** A fake PGlite session recording which connection's message ran, in order. */
function wachtrijMetNepSessie(options: { faalt?: string } = {}) {
  const uitgevoerd: string[] = [];
  let inTransactie = false;
  const wachtrij = {
    queue: [] as Array<{
      handlerId: number;
      message: Uint8Array;
      resolve: (n: number) => void;
      reject: (e: unknown) => void;
      onData: (d: Uint8Array) => void;
    }>,
    processing: false,
    lastHandlerId: null as number | null,
    db: {
      isInTransaction: () => inTransactie,
      runExclusive: <T>(fn: () => Promise<T>) => fn(),
      execProtocolRawStream: async (
        message: Uint8Array,
        o: { onRawData: (d: Uint8Array) => void },
      ) => {
        await new Promise((r) => setImmediate(r));
        const soort = String.fromCharCode(message[0]);
        if (soort === options.faalt) throw new Error('WASM-fout');
        if (message[1] === BEGIN) inTransactie = true;
        if (message[1] === COMMIT) inTransactie = false;
        uitgevoerd.push(soort);
        o.onRawData(new Uint8Array([1, 2]));
      },
    },
    processQueue: async () => undefined,
    clearTransactionIfNeeded: async () => undefined,
  };
  maakSessieBewust(wachtrij);
  const enqueue = (handlerId: number, soort: string, markering = 0) =>
    new Promise<number>((resolve, reject) => {
      wachtrij.queue.push({
        handlerId,
        message: bericht(soort, markering),
        resolve,
        reject,
        onData: () => uitgevoerd.push(`→${handlerId}`),
      });
      void wachtrij.processQueue();
    });
  return { wachtrij, enqueue, uitgevoerd };
}

/** A client like `pg`: sends one message, waits for it to be processed, sends the next. */
async function client(
  enqueue: (h: number, s: string) => Promise<number>,
  id: number,
  reeks: string,
) {
  for (const soort of reeks) await enqueue(id, soort);
}

describe('pglite-sessie', () => {
  it('recognises startup messages and message types', () => {
    const startup = new Uint8Array(8);
    new DataView(startup.buffer).setInt32(0, 8);
    new DataView(startup.buffer).setInt32(4, 196608);
    expect(berichtSoort(startup)).toBeNull();
    expect(berichtSoort(bericht('P'))).toBe('P');
    expect(berichtSoort(new Uint8Array())).toBeNull();
  });

  it('picks the owner’s message, or the oldest when nobody owns the session', () => {
    const wachtend = [{ handlerId: 2 }, { handlerId: 1 }, { handlerId: 2 }];
    expect(volgende(wachtend, null)).toBe(0);
    expect(volgende(wachtend, 1)).toBe(1);
    expect(volgende(wachtend, 3)).toBe(-1);
    expect(volgende([], null)).toBe(-1);
  });

  it('never interleaves two connections’ extended-protocol exchanges', async () => {
    const { enqueue, uitgevoerd } = wachtrijMetNepSessie();
    await Promise.all([
      client(enqueue, 1, 'PBDES'),
      client(enqueue, 2, 'PBDES'),
      client(enqueue, 3, 'Q'),
    ]);
    const volgorde = uitgevoerd.filter((x) => !x.startsWith('→')).join('');
    const handlers = uitgevoerd.filter((x) => x.startsWith('→')).map((x) => x.slice(1));
    expect(volgorde.replace(/Q/, '')).toBe('PBDESPBDES');
    // Each exchange runs on one connection from Parse to Sync.
    const perUitwisseling = handlers.join('').replace(/3/, '');
    expect(perUitwisseling).toMatch(/^(11111|22222)(11111|22222)$/);
  });

  it('keeps a transaction on its connection', async () => {
    const { enqueue, uitgevoerd } = wachtrijMetNepSessie();
    await enqueue(1, 'Q', BEGIN);
    const ander = enqueue(2, 'Q');
    await new Promise((r) => setImmediate(r));
    await enqueue(1, 'Q');
    await enqueue(1, 'Q', COMMIT);
    await ander;
    const handlers = uitgevoerd.filter((x) => x.startsWith('→')).join('');
    expect(handlers).toBe('→1→1→1→2');
  });

  it('rejects a failing message and goes on with the rest', async () => {
    const { enqueue, uitgevoerd } = wachtrijMetNepSessie({ faalt: 'F' });
    const fout = enqueue(1, 'F');
    const daarna = enqueue(2, 'Q');
    await expect(fout).rejects.toThrow('WASM-fout');
    await expect(daarna).resolves.toBe(2);
    expect(uitgevoerd).toContain('Q');
  });

  it('refuses a socket server whose internals changed', () => {
    expect(() => maakSessieBewust({} as never)).toThrow(/pglite-socket is veranderd/);
  });
});
