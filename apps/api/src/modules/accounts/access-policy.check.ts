import { Injectable, type OnModuleInit } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { RequestMethod } from '@nestjs/common';
import { ACCESS_POLICY_KEY, type AccessPolicy } from '../../common/access/policy';
import { IDEMPOTENT_KEY } from '../../common/idempotency/idempotent.decorator';
import { IDEMPOTENT_METHODS } from '../../common/idempotency/idempotency-key';

export interface DeclaredRoute {
  method: string;
  /** Controller path + method path, without the global prefix, e.g. `units/:id`. */
  path: string;
  controller: string;
  handler: string;
  policy: AccessPolicy | undefined;
  /** Marked `@Idempotent()`. */
  idempotent: boolean;
}

/** Every route handler of every controller with the policy it declares. */
export function declaredRoutes(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = String(reflector.get<string>(PATH_METADATA, wrapper.metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const path = reflector.get<string | undefined>(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = reflector.get<RequestMethod>(METHOD_METADATA, handler);
      routes.push({
        method: RequestMethod[method],
        path: [base, path]
          .map((p) => p.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/'),
        controller: wrapper.name,
        handler: name,
        policy: reflector.get<AccessPolicy | undefined>(ACCESS_POLICY_KEY, handler),
        idempotent: reflector.get<boolean | undefined>(IDEMPOTENT_KEY, handler) === true,
      });
    }
  }
  return routes;
}

/**
 * Deny by default: the application does not start while any route lacks an access policy
 * (`@Public()`, `@SignedIn()` or `@Allow(...)`), so a new route without one fails every test.
 * Nor while an `@Idempotent()` route admits visitors (keys are scoped to the signed-in user) or
 * uses a safe method.
 */
@Injectable()
export class AccessPolicyCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const routes = declaredRoutes(this.discovery, this.scanner, this.reflector);
    const missing = routes.filter((route) => !route.policy);
    if (missing.length > 0) {
      throw new Error(
        `Routes without an access policy (add @Public(), @SignedIn() or @Allow()):\n${missing
          .map((r) => `  ${r.method} ${r.path} (${r.controller}.${r.handler})`)
          .join('\n')}`,
      );
    }
    const misused = routes.filter(
      (route) =>
        route.idempotent &&
        (route.policy?.kind === 'public' || !IDEMPOTENT_METHODS.has(route.method)),
    );
    if (misused.length > 0) {
      throw new Error(
        `@Idempotent() needs a signed-in policy and POST, PUT, PATCH or DELETE:\n${misused
          .map((r) => `  ${r.method} ${r.path} (${r.controller}.${r.handler})`)
          .join('\n')}`,
      );
    }
  }
}
