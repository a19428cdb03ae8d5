/** Who is in the TechStartup story and how each of them works (see generate-demo-dataset.ts). */
export const ORG = 'techstartup';

export type Plan = 'approved' | 'approved-after-merge' | 'commented-only' | 'self-approved' | 'changes-requested' | 'unreviewed' | 'closed' | 'open';

export interface Person {
  readonly login: string;
  readonly name: string;
  readonly email: string;
  /** Commits in the organization's repositories (merge commits come on top). */
  readonly commits: number;
  readonly habits?: { readonly weekend?: number; readonly lateUtc?: number; readonly activeShare?: number };
  /** Repositories and the share of the commits each gets. */
  readonly repos: readonly (readonly [string, number])[];
  readonly commitSize: readonly [number, number];
  /** One entry per pull request, in order of creation. */
  readonly pullPlans: readonly Plan[];
  /** additions + deletions. */
  readonly pullSize: readonly [number, number];
  readonly reviewers: readonly string[];
  readonly issues: number;
  /** A repository of their own, and how many commits it gets. */
  readonly side?: readonly [string, number];
}

const times = (count: number, plan: Plan): Plan[] => Array.from({ length: count }, () => plan);
const api = `${ORG}/api`;
const web = `${ORG}/web`;
const mobile = `${ORG}/mobile`;
const infra = `${ORG}/infra`;

function ordinary(login: string, name: string, commits: number, repos: Person['repos'], extra: Partial<Person> = {}): Person {
  const pulls = Math.round(commits / 8);
  return {
    login, name, email: `${login.split('-')[0]}@techstartup.com`, commits, repos, commitSize: [10, 200],
    pullPlans: [...times(pulls - 1, 'approved'), 'open'], pullSize: [150, 600],
    reviewers: ['bob-senior', 'sarah-em', 'alice-dev', 'dan-dev', 'erin-dev'].filter((reviewer) => reviewer !== login), issues: 2, ...extra,
  };
}

export const PEOPLE: readonly Person[] = [
  {
    login: 'sarah-em', name: 'Sarah Manager', email: 'sarah@techstartup.com', commits: 14, repos: [[api, 0.5], [infra, 0.5]], commitSize: [5, 60],
    pullPlans: times(3, 'approved'), pullSize: [30, 90], reviewers: ['bob-senior'], issues: 8,
  },
  {
    login: 'bob-senior', name: 'Bob Senior', email: 'bob@techstartup.com', commits: 180, repos: [[api, 0.6], [infra, 0.25], [web, 0.15]], commitSize: [5, 60],
    pullPlans: [...times(20, 'approved'), 'commented-only', ...times(10, 'approved'), 'closed', ...times(10, 'approved'), ...times(3, 'open')],
    pullSize: [20, 150], reviewers: ['sarah-em', 'sarah-em', 'sarah-em', 'alice-dev', 'dan-dev'], issues: 4, side: ['bob-senior/dotfiles', 6],
  },
  {
    login: 'charlie-junior', name: 'Charlie Junior', email: 'charlie@techstartup.com', commits: 120, repos: [[web, 0.6], [mobile, 0.4]], commitSize: [80, 600],
    pullPlans: ['unreviewed', 'approved-after-merge', 'changes-requested', 'approved', 'commented-only', 'self-approved', 'approved-after-merge',
      'unreviewed', 'approved', 'commented-only', 'approved-after-merge', 'changes-requested', 'self-approved', 'approved', 'unreviewed',
      'approved-after-merge', 'commented-only', 'approved', 'approved-after-merge', 'open', 'open', 'open'],
    pullSize: [800, 3000], reviewers: ['bob-senior', 'sarah-em'], issues: 6, side: ['charlie-junior/todo-app', 8],
  },
  {
    login: 'alice-dev', name: 'Alice Developer', email: 'alice@techstartup.com', commits: 200, repos: [[api, 0.5], [web, 0.3], [mobile, 0.2]], commitSize: [10, 150],
    pullPlans: [...times(24, 'approved'), 'open'], pullSize: [100, 500], reviewers: ['bob-senior', 'sarah-em'], issues: 5,
  },
  ordinary('dan-dev', 'Dan Brooks', 96, [[api, 0.8], [infra, 0.2]], { habits: { lateUtc: 1 } }),
  ordinary('erin-dev', 'Erin Walsh', 72, [[web, 0.9], [api, 0.1]], { habits: { weekend: 1 } }),
  ordinary('felix-dev', 'Felix Ortega', 58, [[mobile, 0.9], [web, 0.1]]),
  ordinary('grace-dev', 'Grace Kim', 110, [[web, 0.7], [api, 0.3]], { habits: { weekend: 2, lateUtc: 1 } }),
  ordinary('heidi-dev', 'Heidi Novak', 44, [[infra, 1]], { habits: { activeShare: 0.45 } }),
  ordinary('ivan-dev', 'Ivan Petrov', 84, [[api, 0.7], [mobile, 0.3]]),
  ordinary('judy-dev', 'Judy Tran', 66, [[mobile, 0.8], [api, 0.2]], { habits: { weekend: 1 } }),
  {
    ...ordinary('eve-competitor', 'Eve Competitor', 52, [['competitorcorp/platform', 0.7], ['competitorcorp/dashboard', 0.3]]),
    email: 'eve@competitorcorp.com', reviewers: ['frank-dev'], issues: 3,
  },
  {
    ...ordinary('frank-dev', 'Frank Miller', 46, [['competitorcorp/dashboard', 0.7], ['competitorcorp/platform', 0.3]]),
    email: 'frank@competitorcorp.com', reviewers: ['eve-competitor'], issues: 2, side: ['frank-dev/scripts', 4],
  },
];

export interface RepositoryInfo {
  readonly fullName: string;
  readonly private: boolean;
  readonly language: string;
  readonly description: string;
  readonly createdAt: string;
  /** Paths commits touch (not part of the dataset). */
  readonly files: readonly string[];
}

const ts = (prefix: string, names: string[]) => names.map((name) => `${prefix}/${name}`);

export const REPOSITORIES: readonly RepositoryInfo[] = [
  { fullName: api, private: true, language: 'TypeScript', description: 'Public API and background workers', createdAt: '2024-03-01T10:00:00Z',
    files: [...ts('src/routes', ['orders.ts', 'users.ts', 'billing.ts', 'auth.ts']), ...ts('src/services', ['payments.ts', 'email.ts', 'search.ts']), ...ts('test', ['orders.test.ts', 'billing.test.ts']), 'package.json'] },
  { fullName: web, private: true, language: 'TypeScript', description: 'Customer dashboard (React)', createdAt: '2024-03-04T09:30:00Z',
    files: [...ts('src/components', ['Dashboard.tsx', 'OrderTable.tsx', 'Settings.tsx', 'Chart.tsx']), ...ts('src/pages', ['index.tsx', 'billing.tsx']), 'src/api/client.ts', 'package.json'] },
  { fullName: mobile, private: true, language: 'Kotlin', description: 'Android app', createdAt: '2024-06-12T14:00:00Z',
    files: ts('app/src/main/java/com/techstartup/app', ['MainActivity.kt', 'OrdersScreen.kt', 'ApiClient.kt', 'Push.kt']).concat(['app/build.gradle.kts']) },
  { fullName: infra, private: true, language: 'HCL', description: 'Terraform for every environment', createdAt: '2024-03-02T16:20:00Z',
    files: [...ts('modules/network', ['main.tf', 'variables.tf']), ...ts('modules/database', ['main.tf']), ...ts('envs/prod', ['main.tf']), '.github/workflows/deploy.yml'] },
  { fullName: `${ORG}/docs`, private: false, language: 'Markdown', description: 'Developer docs, built by CI', createdAt: '2026-11-02T17:00:00Z', files: ['index.md', 'api.md'] },
  { fullName: 'competitorcorp/platform', private: true, language: 'Go', description: 'Core platform', createdAt: '2023-11-20T08:00:00Z',
    files: ['cmd/server/main.go', 'internal/store/store.go', 'internal/api/handlers.go', 'internal/api/handlers_test.go'] },
  { fullName: 'competitorcorp/dashboard', private: true, language: 'TypeScript', description: 'Admin dashboard', createdAt: '2024-01-15T08:00:00Z',
    files: ['src/App.tsx', 'src/views/Reports.tsx', 'src/views/Accounts.tsx', 'package.json'] },
  { fullName: 'bob-senior/dotfiles', private: false, language: 'Shell', description: 'My dotfiles', createdAt: '2019-05-04T19:00:00Z',
    files: ['.zshrc', '.gitconfig', 'install.sh', '.config/nvim/init.lua'] },
  { fullName: 'charlie-junior/todo-app', private: false, language: 'JavaScript', description: 'Learning React', createdAt: '2025-12-01T19:00:00Z',
    files: ['src/App.js', 'src/Todo.js', 'package.json'] },
  { fullName: 'frank-dev/scripts', private: false, language: 'Python', description: 'Handy scripts', createdAt: '2022-02-02T12:00:00Z',
    files: ['backup.py', 'rename.py'] },
];
