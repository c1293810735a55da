import { Controller, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PING_PATTERNS, type PingResult, type ServiceName } from '@qifu/contracts';
import { DataSource } from 'typeorm';

/** `<service>.ping`: answers only when the service's database answers too (readiness). */
export function pingController(service: ServiceName): Type {
  @Controller()
  class PingController {
    constructor(private readonly dataSource: DataSource) {}

    @MessagePattern(PING_PATTERNS[service])
    async ping(): Promise<PingResult> {
      await this.dataSource.query('SELECT 1');
      return { service, ok: true, at: new Date().toISOString() };
    }
  }
  return PingController;
}
