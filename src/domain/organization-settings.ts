export const PRIVACY_MODES = ['fully_private', 'team_transparent', 'public_metrics'] as const;
export type PrivacyMode = (typeof PRIVACY_MODES)[number];

export const VISIBILITIES = ['visible_to_all', 'admin_only', 'owner_only'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export interface VisibilityRules {
  readonly codeQuality: Visibility;
  readonly burnoutRisk: Visibility;
  readonly commitDetails: Visibility;
  readonly personalInsights: Visibility;
}

export interface OrganizationSettings {
  readonly timezone: string;
  readonly githubOrganization?: string;
  readonly privacyMode: PrivacyMode;
  readonly visibilityRules: VisibilityRules;
  readonly allowMembersViewOthers: boolean;
  readonly features: readonly string[];
  /** The GitHub deployment environment the team flow counts as production (metrics.md); unset means `production`. */
  readonly productionEnvironment?: string;
}

export const DEFAULT_PRODUCTION_ENVIRONMENT = 'production';

export const productionEnvironmentOf = (settings: Pick<OrganizationSettings, 'productionEnvironment'>): string =>
  settings.productionEnvironment ?? DEFAULT_PRODUCTION_ENVIRONMENT;

/** The contract's defaults: team_transparent, burnout admin-only, personal insights owner-only. */
export const DEFAULT_SETTINGS: OrganizationSettings = {
  timezone: 'UTC',
  privacyMode: 'team_transparent',
  visibilityRules: {
    codeQuality: 'visible_to_all',
    burnoutRisk: 'admin_only',
    commitDetails: 'visible_to_all',
    personalInsights: 'owner_only',
  },
  allowMembersViewOthers: true,
  features: ['code_quality', 'burnout_detection'],
};
