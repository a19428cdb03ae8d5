import type { ActivityFacts } from '../metrics';
import { share } from './scale';

/** The exact inputs of the code-quality score; null where there is no data. */
export interface QualityInputs {
  readonly reviewCoverage: number | null;
  readonly medianPrSize: number | null;
  readonly largePrShare: number | null;
  readonly revertShare: number | null;
  /** Reviews given on others' pull requests per pull request authored; null without any authored. */
  readonly reviewsGivenPerPullRequest: number | null;
}

export function qualityInputsOf(facts: ActivityFacts): QualityInputs {
  const { pullRequests, mergedPullRequests, commits } = facts;
  return {
    reviewCoverage: mergedPullRequests === 0 ? null : share(facts.approvedMergedPullRequests, mergedPullRequests),
    medianPrSize: facts.medianPrSize,
    largePrShare: pullRequests === 0 ? null : share(facts.largePullRequests, pullRequests),
    revertShare: commits === 0 ? null : share(facts.revertCommits, commits),
    reviewsGivenPerPullRequest: pullRequests === 0 ? null : facts.reviewsGiven / pullRequests,
  };
}
