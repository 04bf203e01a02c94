import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { QueueService } from '../queue/queue.service';

type Check = { status: 'up' | 'down'; detail?: string };

/**
 * Liveness (/health: the process answers) and readiness (/health/ready: the database and the
 * queue backend answer). Outside /api/v1 on purpose: they are for the platform, not for clients.
 */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {}

  @Get()
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: 'up' | 'down'; checks: Record<string, Check> }> {
    const [database, queue] = await Promise.all([
      this.check(() => this.dataSource.query('SELECT 1')),
      this.check(() => this.queues.ping()),
    ]);
    const status = database.status === 'up' && queue.status === 'up' ? 'up' : 'down';
    response.status(status === 'up' ? 200 : 503);
    return {
      status,
      checks: { database, queue: { ...queue, detail: queue.detail ?? this.queues.backend } },
    };
  }

  private async check(probe: () => Promise<unknown>): Promise<Check> {
    try {
      await probe();
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
