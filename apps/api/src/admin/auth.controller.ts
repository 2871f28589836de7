import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminAuth, clientIp, CurrentActor, CurrentSession, Public, SESSION_COOKIE } from '@conduit/auth';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import type { Actor } from '@conduit/domain';
import { AdminAuthService, type SessionUser, TwoFactorService } from '@conduit/tenancy';
import { ChallengeCodeDto, ChallengeDto, LoginDto, TwoFactorCodeDto } from './dto';

/**
 * Sign-in, and two-factor (docs/two-factor.md). A password answers either a session or a
 * challenge for the second step; the `two-factor/*` routes with a challenge need no session,
 * the others are the signed-in user's own settings.
 */
@Controller('admin/api/auth')
export class AuthController {
  constructor(
    private readonly auth: AdminAuthService,
    private readonly twoFactor: TwoFactorService,
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
    const result = await this.auth.login(body.email, body.password, clientIp(req));
    if ('token' in result) this.setCookie(reply, result.token);
    return result;
  }

  @Public()
  @Post('two-factor/verify')
  @HttpCode(200)
  async verify(
    @Body() body: ChallengeCodeDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.auth.verifyChallenge(body.challenge, body.code, clientIp(req));
    this.setCookie(reply, result.token);
    return result;
  }

  /** Forced enrolment (two-factor required, not yet set up): the secret and QR code. */
  @Public()
  @Post('two-factor/enrol')
  @HttpCode(200)
  enrolWithChallenge(@Body() body: ChallengeDto) {
    return this.auth.enrolWithChallenge(body.challenge);
  }

  @Public()
  @Post('two-factor/enrol/confirm')
  @HttpCode(200)
  async confirmWithChallenge(
    @Body() body: ChallengeCodeDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.auth.confirmWithChallenge(body.challenge, body.code, clientIp(req));
    this.setCookie(reply, result.token);
    return result;
  }

  @AdminAuth()
  @Get('two-factor')
  status(@CurrentActor() actor: Actor) {
    return this.twoFactor.status(actor.userId);
  }

  @AdminAuth()
  @Post('two-factor/enrolment')
  @HttpCode(200)
  startEnrolment(@CurrentActor() actor: Actor) {
    return this.twoFactor.startEnrolment(actor.userId);
  }

  @AdminAuth()
  @Post('two-factor/enrolment/confirm')
  @HttpCode(200)
  async confirmEnrolment(@CurrentActor() actor: Actor, @Body() body: TwoFactorCodeDto) {
    return { recoveryCodes: await this.twoFactor.confirmEnrolment(actor, body.code) };
  }

  @AdminAuth()
  @Post('two-factor/disable')
  @HttpCode(200)
  async disable(@CurrentActor() actor: Actor, @Body() body: TwoFactorCodeDto) {
    await this.twoFactor.disable(actor, body.code);
    return { ok: true };
  }

  @AdminAuth()
  @Post('two-factor/recovery-codes')
  @HttpCode(200)
  async renewRecoveryCodes(@CurrentActor() actor: Actor, @Body() body: TwoFactorCodeDto) {
    return { recoveryCodes: await this.twoFactor.renewRecoveryCodes(actor, body.code) };
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

  private setCookie(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: Math.floor(this.config.adminSessionIdleMs / 1000),
    });
  }
}
