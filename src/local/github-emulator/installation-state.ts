import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Installation, Installations } from './installations';
import type { Store } from './model';

/**
 * The app's installations kept in a file across restarts, as GitHub keeps
 * them: `npm start` stopped and started again finds the organization's
 * installation where it was, so the product's stored connection still
 * works. Tokens and codes are not kept: the API restarts with the emulator
 * and mints new ones. An installation whose account the dataset no longer
 * has is dropped, as GitHub drops installations of deleted accounts.
 */
interface SavedInstallation {
  readonly id: number;
  readonly account: string;
  readonly repositorySelection: 'all' | 'selected';
  readonly repositories: readonly string[];
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly suspendedAt: number | null;
  readonly suspendedBy: string | null;
}

function saved(installation: Installation): SavedInstallation {
  return {
    id: installation.id,
    account: installation.account.login,
    repositorySelection: installation.repositorySelection,
    repositories: [...installation.repositories],
    createdAt: installation.createdAt,
    updatedAt: installation.updatedAt,
    suspendedAt: installation.suspendedAt,
    suspendedBy: installation.suspendedBy?.login ?? null,
  };
}

export class InstallationState {
  private written = '';

  constructor(private readonly path: string) {}

  /** Adopts what the file holds; a missing or unreadable file is a first start. */
  restore(installations: Installations, store: Store): void {
    let entries: SavedInstallation[];
    try {
      entries = JSON.parse(readFileSync(this.path, 'utf8')) as SavedInstallation[];
    } catch {
      return;
    }
    for (const entry of Array.isArray(entries) ? entries : []) {
      const account = store.accounts.get(String(entry.account).toLowerCase());
      if (!account || typeof entry.id !== 'number') continue;
      installations.adopt({
        id: entry.id,
        account,
        repositorySelection: entry.repositorySelection === 'selected' ? 'selected' : 'all',
        repositories: new Set(entry.repositories ?? []),
        createdAt: entry.createdAt,
        updatedAt: entry.updatedAt,
        suspendedAt: entry.suspendedAt ?? null,
        suspendedBy: entry.suspendedBy ? (store.accounts.get(entry.suspendedBy.toLowerCase()) ?? null) : null,
      });
    }
    this.written = this.serialize(installations);
  }

  /** After each request: rewrites the file (whole, then renamed into place) only when something changed. */
  saveIfChanged(installations: Installations): void {
    const text = this.serialize(installations);
    if (text === this.written) return;
    const partial = `${this.path}.partial`;
    writeFileSync(partial, text, { mode: 0o600 });
    renameSync(partial, this.path);
    this.written = text;
  }

  private serialize(installations: Installations): string {
    return `${JSON.stringify(installations.all().map(saved), null, 2)}\n`;
  }
}
