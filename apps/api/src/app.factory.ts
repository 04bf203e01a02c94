import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import {
  API_PREFIX,
  apiVersionMiddleware,
  AppConfig,
  buildOpenApiDocument,
  clientFoutenAlsProblem,
  controleerJsonDiepte,
  securityHeaders,
  WACHTRIJ_DASHBOARD_PAD,
  WachtrijDashboardService,
} from '@wijkkompas/core';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { webAppMiddleware } from './web-app';

/** Builds the HTTP application exactly as production runs it; the e2e tests use this too. */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(...securityHeaders(WACHTRIJ_DASHBOARD_PAD));
  app.use(apiVersionMiddleware);
  app.useBodyParser('json', { limit: config.bodyLimit, verify: controleerJsonDiepte });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });
  app.use(WACHTRIJ_DASHBOARD_PAD, app.get(WachtrijDashboardService).router());
  app.use(webAppMiddleware());
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/openapi.json`,
    yamlDocumentUrl: `${API_PREFIX}/openapi.yaml`,
    customSiteTitle: 'Wijkkompas API',
  });
  clientFoutenAlsProblem(app.getHttpServer());
  await app.init();
  return app;
}
