import { type INestApplication, Logger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadConfig } from '@qifu/config';
import { checkRedis, logLevels, lowerCpuPriority } from '@qifu/messaging';
import compression from 'compression';
import type { Server } from 'node:http';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { TokenService } from './auth/token.service';
import { checkGatewaySecrets, GatewayConfig } from './config/gateway.config';
import { HttpErrorFilter } from './errors/http-error.filter';
import { rejectNulInJson, rejectNulInUrl } from './errors/nul-guard';
import { createValidationPipe } from './errors/validation';
import { QUEUE_BOARD_PATH, queueBoardGuard } from './queues/queue-board.guard';
import { QueueBoardService } from './queues/queue-board.service';

export interface GatewayApp {
  app: INestApplication;
  config: GatewayConfig;
}

/**
 * How long an idle keep-alive connection stays open. Node closes it after 5 s by default, shorter
 * than the idle timeout of the proxy in front (nginx upstream keepalive, cloud load balancers: 60 s),
 * so after a quiet spell the proxy's next requests race the close or all open new connections at
 * once: under a burst that cost the first second of filings ~1 s each (docs/assignment.md).
 */
export const KEEP_ALIVE_MS = 65_000;

/** Builds the HTTP gateway (not yet listening): /api/v1, /health, /metrics, /docs, /admin/queues. */
export async function createGateway(env: Record<string, string | undefined>): Promise<GatewayApp> {
  const config = loadConfig(GatewayConfig, env);
  checkGatewaySecrets(config);
  const redis = await checkRedis(config.REDIS_URL, config.ALLOW_REDIS_EVICTION);
  if (!redis.ok) throw new Error(redis.problem);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: logLevels(config.LOG_LEVEL) });
  // Centres often serve the desk over plain http on an intranet address: do not force https upgrades.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // gzip for the API and the web bundle (never for event streams, which must flush at once).
  app.use(
    compression({
      filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
    }),
  );
  app.use(rejectNulInUrl);
  app.useBodyParser('json', { limit: config.BODY_LIMIT, reviver: rejectNulInJson });
  // POST /calendars/:id/import-ics takes a published holiday calendar as it is.
  app.useBodyParser('text', { type: 'text/calendar', limit: config.BODY_LIMIT });
  app.set('query parser', 'simple');
  app.use(QUEUE_BOARD_PATH, queueBoardGuard(app.get(TokenService)), app.get(QueueBoardService).router());
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Must outlast keepAliveTimeout, or a request arriving on an idle connection may be cut off.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  const doc = new DocumentBuilder().setTitle('Qifu API').setVersion('1').addBearerAuth().build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc));
  return { app, config };
}

/** The gateway in its own process (main.ts): builds it, sets its CPU priority and listens. */
export async function bootstrapGateway(env: Record<string, string | undefined>): Promise<GatewayApp> {
  const gw = await createGateway(env);
  const niceProblem = lowerCpuPriority(gw.config.PROCESS_NICE);
  if (niceProblem) new Logger('gateway').warn(niceProblem);
  await gw.app.listen(gw.config.PORT, '0.0.0.0');
  return gw;
}
