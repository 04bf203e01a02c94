import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TooManyLoginAttemptsError } from './auth.errors';
import { LoginFailure } from './login-failure.entity';

/**
 * At most `maxFailures` failed logins per account and per address within the window; the
 * next attempt gets 429 with Retry-After. Kept in PostgreSQL so it holds across instances.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const { maxFailures, windowSeconds } = this.config.login;
    const rows: { key: string; failures: string; oldest: Date }[] = await this.failures.query(
      `SELECT 'email' AS key, count(*) AS failures, min(occurred_at) AS oldest
         FROM login_failures WHERE email = $1 AND occurred_at > now() - make_interval(secs => $3)
       UNION ALL
       SELECT 'ip', count(*), min(occurred_at)
         FROM login_failures WHERE ip = $2 AND occurred_at > now() - make_interval(secs => $3)`,
      [email, ip, windowSeconds],
    );
    const blocked = rows.filter((row) => Number(row.failures) >= maxFailures);
    if (blocked.length === 0) return;
    const retryAfter = Math.max(
      ...blocked.map((row) =>
        Math.ceil((new Date(row.oldest).getTime() + windowSeconds * 1000 - Date.now()) / 1000),
      ),
    );
    throw new TooManyLoginAttemptsError(Math.max(1, retryAfter));
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.failures.insert({ email, ip });
  }

  /** A successful login clears the account's failures, not the address's. */
  async clearAccount(email: string): Promise<void> {
    await this.failures.delete({ email });
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const result = await this.failures.delete({ occurredAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
