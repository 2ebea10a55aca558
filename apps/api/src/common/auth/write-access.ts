/**
 * The single place where write access will be decided (issue #3, accounts and roles).
 * Every write route carries `@WriteAccess('<resource>')`; until accounts land the guard admits
 * everyone, after that it checks role and zone. Grep for WriteAccess to find every write route.
 */
import {
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';

export const WRITE_ACCESS_KEY = 'factoryspace:write-access';

export type WriteResource = 'zones' | 'parks' | 'buildings' | 'units';

@Injectable()
export class WriteAccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const resource = this.reflector.get<WriteResource | undefined>(
      WRITE_ACCESS_KEY,
      context.getHandler(),
    );
    // Open until issue #3: a declared resource is required so that no write route is missed.
    return resource !== undefined;
  }
}

export function WriteAccess(resource: WriteResource) {
  return applyDecorators(SetMetadata(WRITE_ACCESS_KEY, resource), UseGuards(WriteAccessGuard));
}
