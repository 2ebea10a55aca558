/**
 * Whether a high-tech enterprise certificate (高新技术企业证书, valid three years) still holds, as
 * of today in China. The firm page warns when it has expired or expires within 90 days.
 */
import { daysBetween, isIsoDate, todayInChina } from '@factoryspace/domain';

export const HIGH_TECH_WARNING_DAYS = 90;

export type HighTechExpiry =
  | { kind: 'expired'; daysAgo: number }
  /** Expires today (`daysLeft` 0) or within the warning window. */
  | { kind: 'expiring'; daysLeft: number }
  | { kind: 'valid'; daysLeft: number };

/** Null when there is no (valid) date to judge. The certificate is valid through its last day. */
export function highTechExpiry(
  expiresOn: string | null | undefined,
  today: string = todayInChina(),
  warningDays: number = HIGH_TECH_WARNING_DAYS,
): HighTechExpiry | null {
  if (!expiresOn || !isIsoDate(expiresOn)) return null;
  const daysLeft = daysBetween(today, expiresOn);
  if (daysLeft < 0) return { kind: 'expired', daysAgo: -daysLeft };
  if (daysLeft <= warningDays) return { kind: 'expiring', daysLeft };
  return { kind: 'valid', daysLeft };
}
