import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { ApiTags } from '@nestjs/swagger';
import type { Actor, UserView } from '@qifu/contracts';
import { RpcClientService } from '../rpc/rpc-client.service';
import { CurrentActor, Public } from './auth.decorators';
import { LoginDto } from './auth.dto';
import { TokenService } from './token.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly rpc: RpcClientService,
    private readonly tokens: TokenService,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ filing: true })
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto): Promise<{ accessToken: string; user: UserView }> {
    const user = await this.rpc.call('auth.verify-credentials', { username: body.username, password: body.password });
    return { accessToken: this.tokens.issue(user), user };
  }

  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.rpc.call('users.get', { id: actor.userId });
  }
}
