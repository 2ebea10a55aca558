import { maskUrlSecrets } from './logger';

describe('maskUrlSecrets', () => {
  it('hides tokens in query strings and invitation paths, and nothing else', () => {
    expect(maskUrlSecrets('/verify-email?token=abc_DEF-123&x=1')).toBe(
      '/verify-email?token=[redacted]&x=1',
    );
    expect(maskUrlSecrets('/api/v1/auth/invitations/abcDEF123?x=1')).toBe(
      '/api/v1/auth/invitations/[redacted]?x=1',
    );
    expect(maskUrlSecrets('/api/v1/auth/invitations/accept')).toBe(
      '/api/v1/auth/invitations/accept',
    );
    expect(maskUrlSecrets('/api/v1/units?zoneId=1')).toBe('/api/v1/units?zoneId=1');
  });
});
