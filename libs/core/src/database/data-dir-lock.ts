import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '../errors/domain-error';

/**
 * The embedded database is single-writer: PGlite keeps the database in memory and writes it
 * back to DATA_DIR, so a second process on the same directory (a CLI next to a running
 * server) would report its writes as done and lose them when the first one stops. Every
 * process that opens DATA_DIR therefore takes this lock first: a file created exclusively,
 * holding the pid and who holds it. A lock whose process no longer lives (a crash, a kill -9)
 * is taken over; a live one makes the second process refuse with a message naming the first.
 */
export const LOCK_BESTAND = 'wijkkompas.lock';

interface LockInhoud {
  pid: number;
  eigenaar: string;
  sinds: string;
  /** A pid says nothing on another machine or container sharing the directory. */
  host: string;
}

export class DataDirInGebruikError extends DomainError {
  constructor(dataDir: string, houder: LockInhoud) {
    super(
      'conflict',
      'datamap-in-gebruik',
      'Database in gebruik',
      `De ingebouwde database in ${dataDir} is in gebruik door een ander Wijkkompas-proces: ` +
        `${houder.eigenaar} (pid ${houder.pid}, sinds ${houder.sinds}). De ingebouwde database ` +
        `kan maar door één proces tegelijk worden gebruikt. Stop dat proces eerst ` +
        `(bijvoorbeeld met Ctrl+C of kill ${houder.pid}) en probeer het dan opnieuw.` +
        (houder.host === hostname()
          ? ''
          : ` Het proces draait op ${houder.host}; weet u zeker dat het niet meer draait, verwijder dan ${join(dataDir, LOCK_BESTAND)}.`),
    );
  }
}

export interface DataDirLock {
  /** Rewrites who holds the lock (e.g. once the server knows its port). */
  beschrijf(eigenaar: string): void;
  release(): void;
}

function leeft({ pid, host }: LockInhoud): boolean {
  // On another host (or container) we cannot tell: assume it runs.
  if (host !== hostname()) return true;
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else; still a live holder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lees(bestand: string): LockInhoud | undefined {
  try {
    const inhoud = JSON.parse(readFileSync(bestand, 'utf8')) as Partial<LockInhoud>;
    if (typeof inhoud.pid !== 'number') return undefined;
    return {
      pid: inhoud.pid,
      eigenaar: inhoud.eigenaar ?? 'onbekend',
      sinds: inhoud.sinds ?? 'onbekend',
      host: inhoud.host ?? hostname(),
    };
  } catch {
    return undefined;
  }
}

export function lockDataDir(dataDir: string, eigenaar: string): DataDirLock {
  const bestand = join(dataDir, LOCK_BESTAND);
  const sinds = new Date().toISOString();
  const schrijf = (fd: number | string, wie: string) =>
    writeFileSync(
      fd,
      JSON.stringify({ pid: process.pid, eigenaar: wie, sinds, host: hostname() }) + '\n',
    );
  for (let poging = 0; ; poging++) {
    let fd: number;
    try {
      fd = openSync(bestand, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || poging >= 3) throw error;
      let houder = lees(bestand);
      if (!houder) {
        // Possibly created a moment ago by a process that has not written its pid yet.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        houder = lees(bestand);
      }
      if (houder && leeft(houder)) throw new DataDirInGebruikError(dataDir, houder);
      // Left behind by a process that is gone (or half-written by one that just started:
      // that one then fails its own check above, which is what we want): take it over.
      try {
        unlinkSync(bestand);
      } catch {
        // Someone else removed it first; try again.
      }
      continue;
    }
    schrijf(fd, eigenaar);
    closeSync(fd);
    break;
  }
  let vrij = false;
  const release = () => {
    if (vrij) return;
    vrij = true;
    process.removeListener('exit', release);
    try {
      if (lees(bestand)?.pid === process.pid) unlinkSync(bestand);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return {
    beschrijf: (wie) => {
      if (!vrij) schrijf(bestand, wie);
    },
    release,
  };
}
