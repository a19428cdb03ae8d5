export { burnoutLevelOf, scoreBurnout } from './burnout';
export { scoreCodeQuality, QUALITY_WEIGHTS } from './code-quality';
export { BURNOUT_CONFIDENCE, QUALITY_CONFIDENCE } from './evidence';
export { personalInsights } from './personal-insights';
export { qualityInputsOf } from './quality-inputs';
export type { QualityInputs } from './quality-inputs';
export { commitVolumeTrend, lateNightTrend } from './trend';
export type { LateNightTrend, VolumeTrend } from './trend';
export type { BurnoutAssessment, BurnoutLevel, CodeQualityAssessment, Confidence, Evidence, EvidenceBasis, Signal } from './types';
