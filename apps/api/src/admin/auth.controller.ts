import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminAuth, clientIp, CurrentSession, Public, SESSION_COOKIE } from '@conduit/auth';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { AdminAuthService, type SessionUser } from '@conduit/tenancy';
import { LoginDto } from './dto';

@Controller('admin/api/auth')
export class AuthController {
  constructor(
    private readonly auth: AdminAuthService,
    @Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { token, user } = await this.auth.login(body.email, body.password, clientIp(req));
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: Math.floor(this.config.adminSessionIdleMs / 1000),
    });
    return { token, user };
  }

  @AdminAuth()
  @Post('logout')
  @HttpCode(200)
  async logout(
    @CurrentSession() session: { token: string },
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.auth.logout(session.token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  }

  @AdminAuth()
  @Get('me')
  me(@CurrentSession() session: { user: SessionUser }) {
    return session.user;
  }
}
