import { Controller, Get } from '@nestjs/common';
import { AdminAuth, RequirePermission } from '@conduit/auth';
import { Permission } from '@conduit/domain';
import { PlatformInfoService } from '@conduit/tenancy';

@AdminAuth()
@RequirePermission(Permission.PLATFORM_INFO_READ)
@Controller('admin/api/platform-info')
export class PlatformInfoController {
  constructor(private readonly info: PlatformInfoService) {}

  @Get()
  get() {
    return this.info.info();
  }
}
