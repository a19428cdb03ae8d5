export { burnoutLevelOf, scoreBurnout, FULL_CONFIDENCE_COMMITS } from './burnout';
export { scoreCodeQuality, NEUTRAL_SUBSCORE } from './code-quality';
export { personalInsights } from './personal-insights';
export { qualityInputsOf } from './quality-inputs';
export type { QualityInputs } from './quality-inputs';
export { commitVolumeTrend, lateNightTrend } from './trend';
export type { LateNightTrend, VolumeTrend } from './trend';
export type { BurnoutAssessment, BurnoutLevel, CodeQualityAssessment, Signal } from './types';
