import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

/**
 * Whether a user is one of the platform's own operators (PLATFORM_BEHEERDERS, by e-mail):
 * they act for every gemeente of a deployment — the shared queues, new gemeenten.
 */
export async function isPlatformBeheerder(
  dataSource: DataSource,
  config: AppConfig,
  gebruikerId: string,
): Promise<boolean> {
  if (config.platformBeheerders.length === 0) return false;
  const rows: { email: string }[] = await dataSource.query(
    'SELECT lower(email) AS email FROM gebruikers WHERE id = $1',
    [gebruikerId],
  );
  return rows.length === 1 && config.platformBeheerders.includes(rows[0].email);
}
