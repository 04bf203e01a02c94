import { QueryFailedError } from 'typeorm';
import { AppConfig, JobName, QueueService, TypedJob, ValidationError } from '@wijkkompas/core';
import { DossierProcessor } from './dossier.processor';
import { DossierSamensteller, redenVan } from './dossier.samensteller';

function maak(verwerk: () => Promise<unknown>) {
  const samensteller = {
    verwerk: jest.fn(verwerk),
    markeerMislukt: jest.fn(async () => true),
    markeerNieuwePoging: jest.fn(async () => undefined),
  };
  const processor = new DossierProcessor(
    {} as QueueService,
    samensteller as unknown as DossierSamensteller,
    {} as AppConfig,
  );
  return { processor, samensteller };
}

function job(attemptsMade: number, attempts = 3): TypedJob {
  return {
    name: JobName.DossierSamenstellen,
    data: { dossierId: 'd-1' },
    attemptsMade,
    opts: { attempts },
  } as unknown as TypedJob;
}

describe('DossierProcessor.handle: retries show their reason, the last one ends mislukt', () => {
  it('a successful attempt returns the outcome and marks nothing', async () => {
    const { processor, samensteller } = maak(async () => 'gereed');
    await expect(processor.handle(job(0))).resolves.toBe('gereed');
    expect(samensteller.verwerk).toHaveBeenCalledWith('d-1');
    expect(samensteller.markeerMislukt).not.toHaveBeenCalled();
    expect(samensteller.markeerNieuwePoging).not.toHaveBeenCalled();
  });

  it('a failed attempt with attempts left puts the dossier back with the reason, and rethrows', async () => {
    const fout = new Error('verbinding verbroken');
    const { processor, samensteller } = maak(async () => {
      throw fout;
    });
    await expect(processor.handle(job(0))).rejects.toBe(fout);
    expect(samensteller.markeerNieuwePoging).toHaveBeenCalledWith(
      'd-1',
      'Poging 1 van 3 is mislukt: er ging onverwacht iets mis bij het samenstellen. Er volgt automatisch een nieuwe poging.',
    );
    expect(samensteller.markeerMislukt).not.toHaveBeenCalled();
  });

  it('the last attempt ends the dossier mislukt with the reason', async () => {
    const { processor, samensteller } = maak(async () => {
      throw new ValidationError([], 'De aanbieder werkt niet meer voor deze gemeente.');
    });
    await expect(processor.handle(job(2))).rejects.toBeInstanceOf(ValidationError);
    expect(samensteller.markeerMislukt).toHaveBeenCalledWith(
      'd-1',
      'Het samenstellen is na 3 pogingen mislukt: De aanbieder werkt niet meer voor deze gemeente.',
    );
    expect(samensteller.markeerNieuwePoging).not.toHaveBeenCalled();
  });

  it('with a single attempt the first failure is final', async () => {
    const { processor, samensteller } = maak(async () => {
      throw new Error('x');
    });
    await expect(processor.handle(job(0, 1))).rejects.toThrow('x');
    expect(samensteller.markeerMislukt).toHaveBeenCalledWith(
      'd-1',
      'Het samenstellen is na 1 poging mislukt: er ging onverwacht iets mis bij het samenstellen.',
    );
  });

  it('refuses a job of another name', async () => {
    const { processor } = maak(async () => 'gereed');
    await expect(
      processor.handle({ ...job(0), name: JobName.HousekeepingNightly } as TypedJob),
    ).rejects.toThrow(/Onbekende taak/);
  });
});

describe('redenVan: a failure in Dutch words, without the technical message', () => {
  it('a domain error gives its detail', () => {
    expect(redenVan(new ValidationError([], 'Periode ontbreekt.'))).toBe('Periode ontbreekt.');
  });
  it('a database error says so in Dutch and hides PostgreSQL’s text', () => {
    const fout = new QueryFailedError(
      'UPDATE',
      [],
      new Error('new row for relation "dossiers" violates check constraint "ck_dossiers_gereed"'),
    );
    const reden = redenVan(fout);
    expect(reden).toBe(
      'de gegevens konden niet uit de database worden gelezen of erin worden opgeslagen.',
    );
    expect(reden).not.toMatch(/relation|constraint|dossiers/);
  });
  it('anything else is unexpected, without its English message', () => {
    expect(redenVan(new Error('Cannot read properties of undefined (reading "x")'))).toBe(
      'er ging onverwacht iets mis bij het samenstellen.',
    );
    expect(redenVan('kapot')).toBe('er ging onverwacht iets mis bij het samenstellen.');
  });
});
