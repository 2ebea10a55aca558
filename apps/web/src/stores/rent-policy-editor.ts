import { defineStore } from 'pinia';
import { computed, ref, toRaw } from 'vue';
import { validateRentPolicy, type PolicyIssue, type RentPolicyRules } from '@factoryspace/domain';
import {
  deleteRentPolicy,
  getRentPolicy,
  policyIssuesOf,
  publishRentPolicy,
  updateRentPolicy,
  type RentPolicyVersion,
} from '@/api/pricing';
import { isAbortError } from '@/api/http';

/** What the editor changes: the version's name, date in force, notes and rules. */
export interface PolicyDraft {
  name: string;
  effectiveFrom: string | null;
  notes: string | null;
  rules: RentPolicyRules;
}

function draftOf(version: RentPolicyVersion): PolicyDraft {
  return {
    name: version.name,
    effectiveFrom: version.effectiveFrom,
    notes: version.notes,
    // The version may sit in reactive state: clone the raw object (a proxy cannot be cloned).
    rules: structuredClone(toRaw(version.rules)),
  };
}

/** The issues whose path is `path` or lies inside it (`floorTiers[1]` holds `floorTiers[1].toFloor`). */
export function issuesUnder(issues: PolicyIssue[], path: string): PolicyIssue[] {
  return issues.filter(
    (issue) =>
      issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
  );
}

/**
 * The rent-policy editor's state: the version as saved, the draft being edited, the issues of
 * the draft (validateRentPolicy, the same check and messages as the API, live) and the actions
 * save / publish / delete. A published version, or a user who may not edit, makes it read-only.
 */
export const useRentPolicyEditorStore = defineStore('rent-policy-editor', () => {
  const saved = ref<RentPolicyVersion | null>(null);
  const draft = ref<PolicyDraft | null>(null);
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const error = ref<string | null>(null);
  const busy = ref<'saving' | 'publishing' | 'deleting' | null>(null);
  /** Issues the API reported on the last save or publish (normally the same as `issues`). */
  const serverIssues = ref<PolicyIssue[]>([]);
  let controller: AbortController | null = null;

  const issues = computed<PolicyIssue[]>(() =>
    draft.value ? validateRentPolicy(draft.value.rules) : [],
  );
  const valid = computed(() => issues.value.length === 0);
  const published = computed(() => saved.value?.status === 'published');
  const dirty = computed(() => {
    if (!saved.value || !draft.value) return false;
    return JSON.stringify(draftOf(saved.value)) !== JSON.stringify(draft.value);
  });

  function reset(version: RentPolicyVersion): void {
    saved.value = version;
    draft.value = draftOf(version);
    serverIssues.value = [];
  }

  async function load(id: string): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    status.value = 'loading';
    error.value = null;
    try {
      const version = await getRentPolicy(id, current.signal);
      if (controller !== current) return;
      reset(version);
      status.value = 'ready';
    } catch (e) {
      if (isAbortError(e) || controller !== current) return;
      saved.value = null;
      draft.value = null;
      status.value = 'error';
      error.value = (e as Error).message;
    }
  }

  /** Discards the edits. */
  function revert(): void {
    if (saved.value) reset(saved.value);
  }

  async function run<T>(kind: 'saving' | 'publishing' | 'deleting', action: () => Promise<T>) {
    busy.value = kind;
    serverIssues.value = [];
    try {
      return await action();
    } catch (e) {
      serverIssues.value = policyIssuesOf(e);
      throw e;
    } finally {
      busy.value = null;
    }
  }

  /** PATCH with the optimistic-lock version; 409 VERSION_CONFLICT / RENT_POLICY_PUBLISHED thrown. */
  async function save(): Promise<RentPolicyVersion> {
    const version = saved.value;
    const edit = draft.value;
    if (!version || !edit) throw new Error('nothing loaded');
    const updated = await run('saving', () =>
      updateRentPolicy(version.id, {
        version: version.version,
        name: edit.name.trim(),
        effectiveFrom: edit.effectiveFrom || null,
        notes: edit.notes?.trim() ? edit.notes.trim() : null,
        rules: edit.rules,
      }),
    );
    reset(updated);
    return updated;
  }

  async function publish(): Promise<RentPolicyVersion> {
    const version = saved.value;
    if (!version) throw new Error('nothing loaded');
    const updated = await run('publishing', () => publishRentPolicy(version.id, version.version));
    reset(updated);
    return updated;
  }

  async function remove(): Promise<void> {
    const version = saved.value;
    if (!version) throw new Error('nothing loaded');
    await run('deleting', () => deleteRentPolicy(version.id));
    saved.value = null;
    draft.value = null;
  }

  return {
    saved,
    draft,
    status,
    error,
    busy,
    issues,
    serverIssues,
    valid,
    published,
    dirty,
    load,
    revert,
    save,
    publish,
    remove,
  };
});
