import { Injectable, type OnModuleInit } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { RequestMethod } from '@nestjs/common';
import { ACCESS_POLICY_KEY, type AccessPolicy } from '../../common/access/policy';

export interface DeclaredRoute {
  method: string;
  /** Controller path + method path, without the global prefix, e.g. `units/:id`. */
  path: string;
  controller: string;
  handler: string;
  policy: AccessPolicy | undefined;
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
      });
    }
  }
  return routes;
}

/**
 * Deny by default: the application does not start while any route lacks an access policy
 * (`@Public()`, `@SignedIn()` or `@Allow(...)`), so a new route without one fails every test.
 */
@Injectable()
export class AccessPolicyCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const missing = declaredRoutes(this.discovery, this.scanner, this.reflector).filter(
      (route) => !route.policy,
    );
    if (missing.length > 0) {
      throw new Error(
        `Routes without an access policy (add @Public(), @SignedIn() or @Allow()):\n${missing
          .map((r) => `  ${r.method} ${r.path} (${r.controller}.${r.handler})`)
          .join('\n')}`,
      );
    }
  }
}
