import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  CodedError,
  isRpcErrorPayload,
  RPC_ROUTES,
  SERVICES,
  type RpcPattern,
  type RpcRequest,
  type RpcResponse,
  type ServiceName,
} from '@qifu/contracts';
import { BullmqRpcClient } from '@qifu/messaging';
import { firstValueFrom } from 'rxjs';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

/**
 * Typed commands to the services: the pattern decides the service, the request type and the answer
 * type. A service that does not answer in RPC_TIMEOUT_MS is SERVICE_UNAVAILABLE (503), never a hang.
 */
@Injectable()
export class RpcClientService implements OnApplicationShutdown {
  private readonly clients: Record<ServiceName, BullmqRpcClient>;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.clients = Object.fromEntries(
      SERVICES.map((service) => [
        service,
        new BullmqRpcClient({ service, redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, timeoutMs: config.RPC_TIMEOUT_MS }),
      ]),
    ) as Record<ServiceName, BullmqRpcClient>;
  }

  async call<P extends RpcPattern>(pattern: P, data: RpcRequest<P>, timeoutMs?: number): Promise<RpcResponse<P>> {
    const client = this.clients[RPC_ROUTES[pattern]];
    try {
      const source = client.send<RpcResponse<P>, RpcRequest<P>>(pattern, data);
      if (!timeoutMs) return await firstValueFrom(source);
      return await Promise.race([
        firstValueFrom(source),
        new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new CodedError('SERVICE_UNAVAILABLE', `${RPC_ROUTES[pattern]} did not answer within ${timeoutMs} ms`)),
            timeoutMs,
          ).unref(),
        ),
      ]);
    } catch (err) {
      if (err instanceof CodedError) throw err;
      if (isRpcErrorPayload(err)) throw new CodedError(err.code, err.message, err.details);
      throw err;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.clients).map((c) => c.close()));
  }
}
