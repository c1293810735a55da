import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { runMain } from '@qifu/messaging';
import { bootstrapGateway } from './bootstrap';

runMain('gateway', async () => {
  const { config } = await bootstrapGateway(process.env);
  new Logger('gateway').log(`listening on http://127.0.0.1:${config.PORT} (API at /api/v1, docs at /docs)`);
});
