/**
 * Which incentive groups of a policy an applicant qualifies for, and what that does to the
 * longest term they may sign (延长租期). Groups are always taken in `QUALIFICATIONS` order, which
 * is also the tie-break order wherever two groups offer the same.
 */
import { QUALIFICATIONS } from './types';
import type { ApplicantProfile, IncentiveGroup, Qualification, RentPolicyRules } from './types';

/** Whether the profile meets one group's qualification. */
export function meetsGroup(group: IncentiveGroup, profile: ApplicantProfile): boolean {
  switch (group.qualification) {
    case 'leading_industry':
      return profile.leadingIndustry;
    case 'high_tech':
      return profile.highTech;
    case 'specialised':
      return (
        profile.specialisedLevel !== null &&
        (group.specialisedLevels ?? []).includes(profile.specialisedLevel)
      );
  }
}

/** The policy's groups the profile qualifies for, in `QUALIFICATIONS` order. */
export function qualifyingGroups(
  rules: RentPolicyRules,
  profile: ApplicantProfile,
): IncentiveGroup[] {
  const rank = (q: Qualification) => QUALIFICATIONS.indexOf(q);
  return rules.incentives
    .filter((group) => meetsGroup(group, profile))
    .sort((a, b) => rank(a.qualification) - rank(b.qualification));
}

/** The qualifications of the profile that the policy rewards, in `QUALIFICATIONS` order. */
export function qualificationsOf(
  rules: RentPolicyRules,
  profile: ApplicantProfile,
): Qualification[] {
  return qualifyingGroups(rules, profile).map((group) => group.qualification);
}

/** The longest term the profile may sign: the standard maximum or a qualifying group's, if longer. */
export function maxTermFor(rules: RentPolicyRules, profile: ApplicantProfile): number {
  return Math.max(
    rules.standardMaxTermMonths,
    ...qualifyingGroups(rules, profile).map((group) => group.maxTermMonths),
  );
}
