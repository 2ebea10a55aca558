/**
 * Published figures the demo seed reproduces exactly, and the fixed dates it is built around.
 *
 * Source: 科学导报, 高平经济技术开发区 "变闲置资源为发展资本" (shared/seeds/001_5de76b0c4c2584b6.txt),
 * restated in shared/docs/domain.md. Areas in m².
 */
export const GAOPING_FIGURES = {
  /** 累计开工建设厂房 78.8万㎡. */
  totalStartedM2: 788_000,
  /** 建成 68.9万㎡. */
  builtM2: 689_000,
  /** 已验收 36.9万㎡. */
  acceptedM2: 369_000,
  /** 未验收 32万㎡. */
  notAcceptedM2: 320_000,
  /** 在建 9.9万㎡. */
  underConstructionM2: 99_000,
  /** 综合空置厂房约 18.5万㎡ (seeded as exactly this). */
  vacantM2: 185_000,
  /** 已利用空置厂房签约 7 个项目. */
  signedProjects: 7,
  /** 消化面积约 3.5万㎡ (seeded as exactly this). */
  signedProjectsAreaM2: 35_000,
} as const;

/** The date the demo data describe ("today" for idle durations); every vacant-since date is before it. */
export const SEED_REFERENCE_DATE = '2026-11-01';

/** Seed of the pseudo-random generator: the same seed gives the same dataset on every run. */
export const SEED_PRNG_SEED = 20_261_101;

/** Demo zone codes. */
export const GAOPING_ZONE_CODE = 'gaoping';
export const JINCHENG_ZONE_CODE = 'jincheng';

/** Park codes in Gaoping that the figures talk about. */
export const CROSS_STRAIT_PARK_CODE = 'HX';
export const FOOD_PARK_CODE = 'SP';
