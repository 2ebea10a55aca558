import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Allow, Public } from '../../common/access/policy';
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
});
