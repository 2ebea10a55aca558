/**
 * Rent policy helpers for integration tests: create a draft through the API and publish it,
 * with dates relative to today in China.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { todayInChina } from '@factoryspace/domain';
import { GAOPING_POLICY_RULES } from '../../src/database/seeds/pricing';

type Inject = NestFastifyApplication['inject'];
type Json = Record<string, unknown>;

/** Today in China plus `days` days, YYYY-MM-DD. */
export function chinaDate(days = 0): string {
  const [y, m, d] = todayInChina().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export interface PolicyJson extends Json {
  id: string;
  zoneId: string;
  versionNo: number;
  status: 'draft' | 'published';
  effectiveFrom: string | null;
  version: number;
}

export async function createDraftPolicy(
  inject: Inject,
  zoneId: string,
  overrides: Json = {},
): Promise<PolicyJson> {
  const res = await inject({
    method: 'POST',
    url: `/api/v1/zones/${zoneId}/rent-policies`,
    payload: {
      name: '测试政策',
      effectiveFrom: todayInChina(),
      rules: GAOPING_POLICY_RULES,
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`create policy: ${res.statusCode} ${res.body}`);
  return res.json() as PolicyJson;
}

export async function publishPolicy(inject: Inject, policy: PolicyJson): Promise<PolicyJson> {
  const res = await inject({
    method: 'POST',
    url: `/api/v1/rent-policies/${policy.id}/publish`,
    payload: { version: policy.version },
  });
  if (res.statusCode !== 200) throw new Error(`publish policy: ${res.statusCode} ${res.body}`);
  return res.json() as PolicyJson;
}

export async function publishedPolicy(
  inject: Inject,
  zoneId: string,
  overrides: Json = {},
): Promise<PolicyJson> {
  return publishPolicy(inject, await createDraftPolicy(inject, zoneId, overrides));
}
