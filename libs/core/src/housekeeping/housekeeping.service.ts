import { Injectable, Logger } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { LoginThrottleService } from '../auth/login-throttle.service';

export interface HousekeepingResult {
  refreshTokens: number;
  sessies: number;
  loginFailures: number;
}

/** Nightly: removes what can no longer be used (expired tokens and sessions, old failed logins). */
@Injectable()
export class HousekeepingService {
  private readonly logger = new Logger(HousekeepingService.name);

  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async run(now = new Date()): Promise<HousekeepingResult> {
    const { tokens, sessies } = await this.auth.purgeExpired(now);
    const loginFailures = await this.throttle.purgeOlderThan(new Date(now.getTime() - 86400_000));
    const result = { refreshTokens: tokens, sessies, loginFailures };
    this.logger.log({ result }, 'Opruimen voltooid');
    return result;
  }
}
