import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@conduit/auth';
import { nvpReference, nvpReferenceHtml } from './nvp-reference';

/** The NVP field reference, public like the REST document (nothing in it is a secret). */
@Public()
@Controller('payment')
export class NvpReferenceController {
  private readonly html = nvpReferenceHtml();
  private readonly json = JSON.stringify(nvpReference());

  @Get('nvp-reference')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  page() {
    return this.html;
  }

  @Get('nvp-reference.json')
  @Header('content-type', 'application/json; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  document() {
    return this.json;
  }
}
