import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInGebruikError, LOCK_BESTAND, lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wk-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the pid and who holds it, and removes the lock on release', () => {
    const lock = lockDataDir(dir, 'de server');
    const inhoud = JSON.parse(readFileSync(join(dir, LOCK_BESTAND), 'utf8'));
    expect(inhoud).toMatchObject({ pid: process.pid, eigenaar: 'de server' });
    lock.beschrijf('de server op http://localhost:3103');
    expect(readFileSync(join(dir, LOCK_BESTAND), 'utf8')).toContain('localhost:3103');
    lock.release();
    expect(existsSync(join(dir, LOCK_BESTAND))).toBe(false);
  });

  it('refuses while another live process holds it, naming that process; takes it over once it is gone', async () => {
    const ander = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(
        join(dir, LOCK_BESTAND),
        JSON.stringify({
          pid: ander.pid,
          eigenaar: 'de server op http://localhost:3000',
          sinds: 'x',
        }),
      );
      let fout: unknown;
      try {
        lockDataDir(dir, 'npm run cli -- create-beheerder');
      } catch (error) {
        fout = error;
      }
      expect(fout).toBeInstanceOf(DataDirInGebruikError);
      expect((fout as DataDirInGebruikError).detail).toContain(`pid ${ander.pid}`);
      expect((fout as DataDirInGebruikError).detail).toContain('http://localhost:3000');
      expect((fout as DataDirInGebruikError).detail).toContain('in gebruik');
    } finally {
      ander.kill('SIGKILL');
      await once(ander, 'exit');
    }
    // The holder died without cleaning up (kill -9): its lock is stale and taken over.
    const lock = lockDataDir(dir, 'npm run cli -- create-beheerder');
    expect(JSON.parse(readFileSync(join(dir, LOCK_BESTAND), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('does not take over a lock held on another host (a pid means nothing there)', () => {
    writeFileSync(
      join(dir, LOCK_BESTAND),
      JSON.stringify({ pid: 1, eigenaar: 'de server', sinds: 'x', host: 'een-andere-container' }),
    );
    expect(() => lockDataDir(dir, 'de test')).toThrow(/draait op een-andere-container/);
  });
});
