import { Controller, Get, Post, SetMetadata } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Allow, Public } from '../../common/access/policy';
import { IDEMPOTENT_KEY } from '../../common/idempotency';
import { AccessPolicyCheck } from './access-policy.check';

@Controller('declared')
class DeclaredController {
  @Get()
  @Public()
  list(): string[] {
    return [];
  }

  @Post()
  @Allow(['staff'])
  create(): void {}
}

@Controller('forgotten')
class ForgottenController {
  @Get(':id')
  getOne(): string {
    return '';
  }
}

/** What `@Idempotent()` marks, without its interceptor (which needs a DataSource). */
const MarkedIdempotent = () => SetMetadata(IDEMPOTENT_KEY, true);

@Controller('idempotent')
class IdempotentController {
  @Post()
  @Allow(['firm'])
  @MarkedIdempotent()
  create(): void {}
}

@Controller('idempotent-public')
class IdempotentPublicController {
  @Post()
  @Public()
  @MarkedIdempotent()
  create(): void {}
}

@Controller('idempotent-get')
class IdempotentGetController {
  @Get()
  @Allow(['firm'])
  @MarkedIdempotent()
  list(): string[] {
    return [];
  }
}

async function boot(controllers: (new () => unknown)[]): Promise<void> {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    controllers,
    providers: [AccessPolicyCheck],
  }).compile();
  await moduleRef.init();
  await moduleRef.close();
}

describe('AccessPolicyCheck (deny by default)', () => {
  it('lets an application start when every route declares a policy', async () => {
    await expect(boot([DeclaredController])).resolves.toBeUndefined();
  });

  it('refuses to start and names the route that declares none', async () => {
    await expect(boot([DeclaredController, ForgottenController])).rejects.toThrow(
      /GET forgotten\/:id \(ForgottenController\.getOne\)/,
    );
  });

  it('lets @Idempotent() mark an unsafe route of signed-in users', async () => {
    await expect(boot([IdempotentController])).resolves.toBeUndefined();
  });

  it('refuses @Idempotent() on a public route or a safe method', async () => {
    await expect(boot([IdempotentPublicController])).rejects.toThrow(
      /@Idempotent\(\)[^]*POST idempotent-public \(IdempotentPublicController\.create\)/,
    );
    await expect(boot([IdempotentGetController])).rejects.toThrow(
      /GET idempotent-get \(IdempotentGetController\.list\)/,
    );
  });
});
