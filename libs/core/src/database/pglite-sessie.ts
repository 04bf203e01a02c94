/**
 * PGlite has one session; `@electric-sql/pglite-socket` multiplexes many client
 * connections onto it by queueing single protocol messages. Version 0.2.17 keeps a
 * transaction exclusive to the connection that opened it, but not an extended-protocol
 * exchange (Parse, Bind, Describe, Execute … Sync): messages of two connections interleave,
 * so one client's Bind lands on another client's unnamed statement and an error leaves
 * the other client in "skip until Sync". After an exception it also stops processing for
 * good. This replaces the queue's scheduling so that one connection owns the session from
 * its first extended message until its Sync, as well as during its transaction.
 */

interface Wachtend {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}

interface Sessie {
  isInTransaction(): boolean;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolRawStream(
    message: Uint8Array,
    options: { onRawData: (data: Uint8Array) => void },
  ): Promise<void>;
}

/** The internals of pglite-socket's QueryQueueManager that this replaces. */
interface Wachtrij {
  queue: Wachtend[];
  processing: boolean;
  lastHandlerId: number | null;
  db: Sessie;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

const PROTOCOL_3 = 196608;
/** Messages that open or continue an extended-protocol exchange (and COPY data). */
const UITGEBREID = new Set(['P', 'B', 'D', 'E', 'C', 'H', 'd']);
/** Messages that end it: Sync, a simple Query, CopyDone, CopyFail, Terminate. */
const AFSLUITEND = new Set(['S', 'Q', 'c', 'f', 'X']);
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

export function berichtSoort(message: Uint8Array): string | null {
  if (message.length >= 8) {
    const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
    if (view.getInt32(0) === message.length && view.getInt32(4) === PROTOCOL_3) {
      return null; // startup message: no type byte
    }
  }
  return message.length > 0 ? String.fromCharCode(message[0]) : null;
}

/**
 * Decides which queued message runs next: the owner's (a connection inside an extended
 * exchange or a transaction) or, when nobody owns the session, the oldest one. Returns -1
 * when the owner has nothing queued yet.
 */
export function volgende(
  wachtend: ReadonlyArray<{ handlerId: number }>,
  eigenaar: number | null,
): number {
  if (eigenaar === null) return wachtend.length > 0 ? 0 : -1;
  return wachtend.findIndex((w) => w.handlerId === eigenaar);
}

export function maakSessieBewust(wachtrij: Wachtrij): void {
  if (
    typeof wachtrij?.processQueue !== 'function' ||
    typeof wachtrij.clearTransactionIfNeeded !== 'function' ||
    !Array.isArray(wachtrij.queue) ||
    typeof wachtrij.db?.execProtocolRawStream !== 'function'
  ) {
    throw new Error(
      'De interne wachtrij van @electric-sql/pglite-socket is veranderd; controleer pglite-sessie.ts',
    );
  }
  let uitgebreidVan: number | null = null;

  const eigenaar = (): number | null => {
    if (uitgebreidVan !== null) return uitgebreidVan;
    return wachtrij.db.isInTransaction() ? wachtrij.lastHandlerId : null;
  };

  wachtrij.processQueue = async function processQueue(): Promise<void> {
    if (wachtrij.processing) return;
    wachtrij.processing = true;
    try {
      for (;;) {
        const index = volgende(wachtrij.queue, eigenaar());
        if (index < 0) return;
        const [item] = wachtrij.queue.splice(index, 1);
        const soort = berichtSoort(item.message);
        let bytes = 0;
        try {
          await wachtrij.db.runExclusive(() =>
            wachtrij.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        if (soort !== null && UITGEBREID.has(soort)) uitgebreidVan = item.handlerId;
        else if (soort !== null && AFSLUITEND.has(soort)) uitgebreidVan = null;
        wachtrij.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      wachtrij.processing = false;
    }
  };

  const origineel = wachtrij.clearTransactionIfNeeded.bind(wachtrij);
  wachtrij.clearTransactionIfNeeded = async function clearTransactionIfNeeded(
    handlerId: number,
  ): Promise<void> {
    if (uitgebreidVan === handlerId) {
      // The connection left in the middle of an exchange: end it so the session is usable.
      uitgebreidVan = null;
      await wachtrij.db.runExclusive(() =>
        wachtrij.db.execProtocolRawStream(SYNC, { onRawData: () => undefined }),
      );
    }
    await origineel(handlerId);
    await wachtrij.processQueue();
  };
}
