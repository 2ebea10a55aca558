import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { UserRole } from '@factoryspace/domain';
import * as auth from '@/api/auth';
import type { SessionResponse, SessionUser } from '@/api/auth';
import { ApiError, setCsrfToken } from '@/api/http';

/**
 * Who is signed in. `load()` asks the API once (GET /auth/session); a 401 means a visitor.
 * The session itself lives in the httpOnly `fs_session` cookie; this store only mirrors the user.
 */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  const status = ref<'unknown' | 'loading' | 'ready'>('unknown');
  const isSignedIn = computed(() => user.value !== null);
  let pending: Promise<void> | null = null;

  function hasRole(...roles: UserRole[]): boolean {
    return user.value !== null && roles.includes(user.value.role);
  }

  function setSession(response: SessionResponse): void {
    user.value = response.user;
    status.value = 'ready';
    setCsrfToken(response.csrfToken);
  }

  function clear(): void {
    user.value = null;
    status.value = 'ready';
    setCsrfToken(null);
  }

  /**
   * Asks the API who is signed in, once; later calls resolve at once. A 401 (no session, or an
   * expired one) means a visitor. Any other failure (network, 5xx) also leaves a visitor, but the
   * status goes back to 'unknown' so the next navigation asks again.
   */
  function load(): Promise<void> {
    if (status.value === 'ready') return Promise.resolve();
    if (pending) return pending;
    status.value = 'loading';
    pending = auth
      .getSession()
      .then(setSession)
      .catch((error: unknown) => {
        user.value = null;
        setCsrfToken(null);
        status.value = error instanceof ApiError && error.status === 401 ? 'ready' : 'unknown';
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  /** Signs in; errors (INVALID_CREDENTIALS, EMAIL_NOT_VERIFIED, 429, …) are thrown as ApiError. */
  async function login(identifier: string, password: string): Promise<SessionUser> {
    const response = await auth.login(identifier, password);
    setSession(response);
    return response.user;
  }

  /**
   * Ends the session on the server and forgets the user. A 401 (the session had already ended)
   * counts as done; any other failure is thrown and the user stays signed in.
   */
  async function logout(): Promise<void> {
    try {
      await auth.logout();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    clear();
  }

  return { user, status, isSignedIn, hasRole, load, login, logout, setSession, clear };
});
