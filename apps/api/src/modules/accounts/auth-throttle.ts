import { SetMetadata } from '@nestjs/common';

export const AUTH_THROTTLE_KEY = 'factoryspace:auth-throttle';

/**
 * Routes an attacker would hammer (login, registration, reset, verification, invitations) get
 * the stricter per-IP `auth` throttler (AUTH_RATE_LIMIT_PER_MINUTE) on top of the default one.
 */
export const AuthThrottle = () => SetMetadata(AUTH_THROTTLE_KEY, true);
