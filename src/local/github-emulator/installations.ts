import { randomBytes, randomInt } from 'node:crypto';
import type { GithubApp } from './github-app';
import type { Account, Repository, Store } from './model';

/**
 * The app's installations, and the credentials GitHub hands out for them:
 * installation tokens (`ghs_…`, one hour), OAuth codes (10 minutes, one
 * use) and the user tokens they are exchanged for (`ghu_…`, 8 hours).
 * Emulator state, not dataset: created by the install page or a control,
 * gone when the emulator stops. Repositories are kept by key, so a store
 * rebuilt with new activity still matches.
 */
export interface Installation {
  readonly id: number;
  readonly account: Account;
  /** Changed by `changeRepositories`, as the owner does on the installation's settings page. */
  repositorySelection: 'all' | 'selected';
  /** Repository keys when `selected`. */
  repositories: ReadonlySet<string>;
  readonly createdAt: number;
  updatedAt: number;
  suspendedAt: number | null;
  suspendedBy: Account | null;
}

export interface InstallationToken {
  readonly installation: Installation;
  readonly expiresAt: number;
  readonly permissions: Readonly<Record<string, string>>;
  /** Narrowed repository keys; undefined = every repository of the installation. */
  readonly repositories: ReadonlySet<string> | undefined;
}

export interface UserToken {
  readonly user: Account;
  readonly expiresAt: number;
}

export const INSTALLATION_TOKEN_MS = 3600_000;
export const USER_TOKEN_MS = 8 * 3600_000;
export const CODE_MS = 600_000;
/**
 * GitHub's installation ids are unique for all time. An emulator starts
 * from a random point of GitHub's range, so two emulators (a test's own and
 * the shared one, or one before and after a restart) never hand out the
 * same id, which a product storing ids would take for the same installation.
 */
const firstInstallationId = () => 50_000_000 + randomInt(0, 40_000_000);

const secret = (prefix: string) => `${prefix}_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;

/**
 * Who the organization's members and owners are: the dataset's `members`
 * and `owners` when it gives them (github-dataset.md), else every user
 * active in its repositories, and its first member.
 */
export function membersOf(store: Store, org: Account): readonly string[] {
  return [...(store.members.get(org.login.toLowerCase()) ?? [])];
}

export function ownerOf(store: Store, account: Account): string | undefined {
  if (account.type !== 'Organization') return account.login.toLowerCase();
  return store.owners.get(account.login.toLowerCase())?.[0] ?? membersOf(store, account)[0];
}

export class Installations {
  private nextId = firstInstallationId();
  private readonly byId = new Map<number, Installation>();
  private readonly tokens = new Map<string, InstallationToken>();
  private readonly codes = new Map<string, { readonly user: Account; readonly expiresAt: number }>();
  private readonly userTokens = new Map<string, UserToken>();

  constructor(readonly app: GithubApp) {}

  all(): readonly Installation[] {
    return [...this.byId.values()];
  }

  get(id: number): Installation | undefined {
    return this.byId.get(id);
  }

  onAccount(account: Account): Installation | undefined {
    return this.all().find((installation) => installation.account.id === account.id);
  }

  install(account: Account, now: number, repositories?: readonly Repository[]): Installation {
    const installation: Installation = {
      id: this.nextId++, account, repositorySelection: repositories ? 'selected' : 'all',
      repositories: new Set(repositories?.map((repo) => repo.key)), createdAt: now, updatedAt: now, suspendedAt: null, suspendedBy: null,
    };
    this.byId.set(installation.id, installation);
    return installation;
  }

  /** An installation made before a restart (installation-state.ts), under its own id. */
  adopt(installation: Installation): void {
    this.byId.set(installation.id, installation);
    if (installation.id >= this.nextId) this.nextId = installation.id + 1;
  }

  uninstall(installation: Installation): void {
    this.byId.delete(installation.id);
    for (const [token, entry] of this.tokens) if (entry.installation === installation) this.tokens.delete(token);
  }

  covers(installation: Installation, repo: Repository): boolean {
    if (repo.owner.id !== installation.account.id) return false;
    return installation.repositorySelection === 'all' || installation.repositories.has(repo.key);
  }

  /**
   * Adds and removes repositories of the installation's account; what
   * really changed. Removing one from an `all` installation makes it
   * `selected` with every other repository, as GitHub's settings page does;
   * adding to an `all` installation changes nothing.
   */
  changeRepositories(store: Store, installation: Installation, change: { add: readonly Repository[]; remove: readonly Repository[] }, now: number): { added: Repository[]; removed: Repository[] } {
    const covered = this.repositoriesOf(store, installation);
    const added = change.add.filter((repo, index) => !this.covers(installation, repo) && change.add.indexOf(repo) === index);
    const removed = covered.filter((repo) => change.remove.includes(repo));
    if (added.length === 0 && removed.length === 0) return { added, removed };
    const kept = new Set(installation.repositorySelection === 'all' ? covered.map((repo) => repo.key) : installation.repositories);
    for (const repo of added) kept.add(repo.key);
    for (const repo of removed) kept.delete(repo.key);
    installation.repositorySelection = 'selected';
    installation.repositories = kept;
    installation.updatedAt = now;
    return { added, removed };
  }

  repositoriesOf(store: Store, installation: Installation): readonly Repository[] {
    return (store.repositoriesByOwner.get(installation.account.login.toLowerCase()) ?? []).filter((repo) => this.covers(installation, repo));
  }

  issueToken(installation: Installation, now: number, narrowed: { permissions: Record<string, string>; repositories?: ReadonlySet<string> }): { token: string; entry: InstallationToken } {
    const token = secret('ghs');
    const entry: InstallationToken = { installation, expiresAt: now + INSTALLATION_TOKEN_MS, permissions: narrowed.permissions, repositories: narrowed.repositories };
    this.tokens.set(token, entry);
    return { token, entry };
  }

  /** The token's entry while it lives and its installation exists and is not suspended. */
  installationToken(token: string, now: number): InstallationToken | undefined {
    const entry = this.tokens.get(token);
    if (!entry || entry.expiresAt <= now || entry.installation.suspendedAt !== null || !this.byId.has(entry.installation.id)) return undefined;
    return entry;
  }

  issueCode(user: Account, now: number): string {
    const code = randomBytes(10).toString('hex');
    this.codes.set(code, { user, expiresAt: now + CODE_MS });
    return code;
  }

  /** A code is good once, for 10 minutes. */
  redeemCode(code: string, now: number): { token: string; entry: UserToken } | undefined {
    const found = this.codes.get(code);
    this.codes.delete(code);
    if (!found || found.expiresAt <= now) return undefined;
    const token = secret('ghu');
    const entry = { user: found.user, expiresAt: now + USER_TOKEN_MS };
    this.userTokens.set(token, entry);
    return { token, entry };
  }

  userToken(token: string, now: number): UserToken | undefined {
    const entry = this.userTokens.get(token);
    return entry && entry.expiresAt > now ? entry : undefined;
  }

  /** What GitHub lets a user see: installations on their own account, and on organizations they belong to. */
  accessibleTo(store: Store, user: Account): readonly Installation[] {
    const login = user.login.toLowerCase();
    return this.all().filter(
      (installation) =>
        installation.account.id === user.id ||
        (installation.account.type === 'Organization' && membersOf(store, installation.account).includes(login)),
    );
  }
}
