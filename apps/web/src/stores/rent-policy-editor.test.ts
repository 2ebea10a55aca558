import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { DEFAULT_RENT_POLICY_RULES } from '@factoryspace/domain';
import { ApiError } from '@/api/http';
import * as pricing from '@/api/pricing';
import { issuesUnder, useRentPolicyEditorStore } from './rent-policy-editor';

vi.mock('@/api/pricing', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/api/pricing')>();
  return {
    ...actual,
    getRentPolicy: vi.fn(),
    updateRentPolicy: vi.fn(),
    publishRentPolicy: vi.fn(),
    deleteRentPolicy: vi.fn(),
  };
});

const api = vi.mocked(pricing);

function version(patch: Partial<pricing.RentPolicyVersion> = {}): pricing.RentPolicyVersion {
  return {
    id: 'p2',
    zoneId: 'z1',
    versionNo: 2,
    name: '草稿',
    status: 'draft',
    effectiveFrom: '2027-01-01',
    publishedAt: null,
    updatedAt: '2026-11-22T00:00:00Z',
    version: 5,
    isCurrent: false,
    notes: null,
    rules: structuredClone(DEFAULT_RENT_POLICY_RULES),
    ...patch,
  };
}

beforeEach(() => {
  setActivePinia(createPinia());
  api.getRentPolicy.mockReset().mockResolvedValue(version());
  api.updateRentPolicy.mockReset();
  api.publishRentPolicy.mockReset();
});

describe('rent-policy editor store', () => {
  it('checks the draft live with the engine’s validation and tracks unsaved changes', async () => {
    const editor = useRentPolicyEditorStore();
    await editor.load('p2');
    expect(editor.valid).toBe(true);
    expect(editor.dirty).toBe(false);
    // A gap between the first two floor tiers.
    editor.draft!.rules.floorTiers[1]!.fromFloor += 1;
    expect(editor.dirty).toBe(true);
    expect(editor.valid).toBe(false);
    expect(issuesUnder(editor.issues, 'floorTiers').length).toBeGreaterThan(0);
    expect(editor.issues[0]!.zh).not.toBe('');
    expect(editor.issues[0]!.en).not.toBe('');
    editor.draft!.rules.floorTiers[1]!.fromFloor -= 1;
    expect(editor.valid).toBe(true);
    expect(editor.dirty).toBe(false);
  });

  it('saves with the optimistic-lock version and takes the answer as the new saved state', async () => {
    const editor = useRentPolicyEditorStore();
    await editor.load('p2');
    editor.draft!.name = '  新名称 ';
    api.updateRentPolicy.mockImplementation(async (_id, body) =>
      version({ name: body.name!, version: 6 }),
    );
    await editor.save();
    expect(api.updateRentPolicy).toHaveBeenCalledWith(
      'p2',
      expect.objectContaining({ version: 5, name: '新名称', effectiveFrom: '2027-01-01' }),
    );
    expect(editor.saved!.version).toBe(6);
    expect(editor.dirty).toBe(false);
  });

  it('keeps the issues the API reported when it refuses the rules', async () => {
    const editor = useRentPolicyEditorStore();
    await editor.load('p2');
    const issue = {
      path: 'stacking.capPct',
      code: 'OUT_OF_RANGE',
      zh: '超出范围',
      en: 'out of range',
    };
    api.updateRentPolicy.mockRejectedValue(
      new ApiError(400, {
        code: 'INVALID_RENT_POLICY',
        message: 'x',
        details: { issues: [issue] },
      }),
    );
    editor.draft!.notes = 'x';
    await expect(editor.save()).rejects.toBeInstanceOf(ApiError);
    expect(editor.serverIssues).toEqual([issue]);
    expect(editor.busy).toBeNull();
  });

  it('marks a published version as such after publishing', async () => {
    const editor = useRentPolicyEditorStore();
    await editor.load('p2');
    api.publishRentPolicy.mockResolvedValue(
      version({ status: 'published', publishedAt: '2026-11-22T01:00:00Z', version: 6 }),
    );
    await editor.publish();
    expect(api.publishRentPolicy).toHaveBeenCalledWith('p2', 5);
    expect(editor.published).toBe(true);
  });

  it('finds the issues under a path, not those of a sibling with a longer index', () => {
    const issues = [
      { path: 'floorTiers[1].fromFloor', code: 'A', zh: '', en: '' },
      { path: 'floorTiers[10].toFloor', code: 'B', zh: '', en: '' },
      { path: 'floorTiers', code: 'C', zh: '', en: '' },
    ];
    expect(issuesUnder(issues, 'floorTiers[1]').map((i) => i.code)).toEqual(['A']);
    expect(issuesUnder(issues, 'floorTiers').map((i) => i.code)).toEqual(['A', 'B', 'C']);
  });
});
