/**
 * Autosave of unsaved edits, and crash recovery.
 *
 * Each draft gets an id main issues (random, never chosen by the renderer). Its text is one file,
 * <userData>/drafts/<id>.txt, that main only ever reads back as text; everything else about it (which
 * window's label it answers to, the file it belongs to, when it was saved) lives in main's own index,
 * <userData>/drafts/index.json. So a path comes back with a draft only if main recorded it — and main
 * records only a path the writing window held (ipc.ts) — never because the renderer wrote it somewhere.
 * Both files sit in the app's data folder, which no window can open or save into (path-guard.ts).
 *
 * Ownership: while a window is open, its drafts are its own; it names them by its own labels (the `key`
 * of DraftInput) and no other window sees them. When the window closes or the app crashes, its drafts
 * become orphans: every window is offered them (by id) and the first to restore or discard one claims it.
 *
 * Quotas per window (a draft's size, how many, how much together) keep a runaway or hostile page from
 * filling the disk; a refused write says which limit and what to do.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Draft, DraftInput, DraftSummary } from "../../contracts/api";
import { UserFacingError } from "./errors";
import { writeFileAtomically } from "./files";
import { isMissingFileError, type FileSystem } from "./fs-port";
import { asDraftKey } from "./validate";

export interface DraftQuota {
  /** Bytes (UTF-8) of one draft's text. */
  maxDraftBytes: number;
  /** Drafts one window may keep at once. */
  maxDraftsPerWindow: number;
  /** Bytes of all of one window's drafts together. */
  maxBytesPerWindow: number;
}

export const DRAFT_QUOTA: Readonly<DraftQuota> = {
  maxDraftBytes: 5 * 1024 * 1024,
  maxDraftsPerWindow: 20,
  maxBytesPerWindow: 20 * 1024 * 1024,
};

export interface DraftStoreOptions {
  fs: FileSystem;
  userDataDir: string;
  now?: () => Date;
  quota?: DraftQuota;
  /** Told about an index that could not be used (it is moved aside, never overwritten blindly). */
  report?: (message: string) => void;
}

/** One index entry; `owner` is in memory only: after a restart every draft is an orphan. */
interface Entry {
  id: string;
  /** The owning window's name for it; for an orphan, main offers it by id. */
  label: string;
  path: string | null;
  savedAt: string;
  bytes: number;
  owner: string | null;
}

const DRAFT_ID = /^d[0-9a-f]{32}$/;
const INDEX_VERSION = 1;

export class DraftQuotaError extends UserFacingError {
  override name = "DraftQuotaError";
}

export class DraftStore {
  readonly dir: string;
  private readonly indexFile: string;
  private readonly now: () => Date;
  private readonly quota: DraftQuota;
  private entries: Entry[] | null = null;
  /** Every operation runs after the previous one, so index writes never interleave or go back in time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: DraftStoreOptions) {
    this.dir = path.join(options.userDataDir, "drafts");
    this.indexFile = path.join(this.dir, "index.json");
    this.now = options.now ?? (() => new Date());
    this.quota = options.quota ?? DRAFT_QUOTA;
  }

  /** Writes (or replaces) the draft `owner` calls `input.key`. `input.path` must already be vetted by the caller. */
  write(owner: string, input: DraftInput): Promise<void> {
    return this.serially(async () => {
      const entries = await this.load();
      const bytes = Buffer.byteLength(input.text);
      const existing = entries.find((e) => e.owner === owner && e.label === input.key);
      this.enforceQuota(entries, owner, existing, bytes);
      const entry: Entry = existing ?? { id: newDraftId(), label: input.key, path: input.path, savedAt: "", bytes: 0, owner };
      await this.options.fs.mkdir(this.dir);
      await writeFileAtomically(this.options.fs, this.textFile(entry.id), input.text);
      entry.path = input.path;
      entry.savedAt = this.now().toISOString();
      entry.bytes = bytes;
      if (!existing) entries.push(entry);
      await this.persist(entries);
    });
  }

  /** The owner's own draft by its label, or an orphan by its id (which `owner` then claims); else null. */
  read(owner: string, key: string): Promise<Draft | null> {
    return this.serially(async () => {
      const entries = await this.load();
      const entry = this.find(entries, owner, key);
      if (!entry) return null;
      let text: string;
      try {
        text = new TextDecoder().decode(await this.options.fs.readFile(this.textFile(entry.id)));
      } catch (error) {
        if (!isMissingFileError(error)) throw error;
        entries.splice(entries.indexOf(entry), 1);
        await this.persist(entries);
        return null;
      }
      if (entry.owner !== owner) {
        // Claimed: from now on this window names it by the id it was offered under.
        entry.owner = owner;
        entry.label = entry.id;
        await this.persist(entries);
      }
      return { ...summaryOf(entry, entry.label), text };
    });
  }

  /** The owner's drafts (by its labels) and the orphans (by id), newest first. */
  list(owner: string): Promise<DraftSummary[]> {
    return this.serially(async () => {
      const entries = await this.load();
      return entries
        .filter((e) => e.owner === owner || e.owner === null)
        .map((e) => summaryOf(e, e.owner === owner ? e.label : e.id))
        .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    });
  }

  /** Removes the owner's draft (or an orphan it was offered); unknown keys are harmless. */
  discard(owner: string, key: string): Promise<void> {
    return this.serially(async () => {
      const entries = await this.load();
      const entry = this.find(entries, owner, key);
      if (!entry) return;
      entries.splice(entries.indexOf(entry), 1);
      await this.persist(entries);
      await this.options.fs.unlink(this.textFile(entry.id)).catch((error: unknown) => {
        if (!isMissingFileError(error)) throw error;
      });
    });
  }

  /** The window closed: its drafts become orphans, offered to the next window that lists drafts. */
  release(owner: string): Promise<void> {
    return this.serially(async () => {
      for (const entry of await this.load()) if (entry.owner === owner) entry.owner = null;
    });
  }

  private find(entries: Entry[], owner: string, key: string): Entry | undefined {
    asDraftKey(key);
    return entries.find((e) => e.owner === owner && e.label === key) ?? entries.find((e) => e.owner === null && e.id === key);
  }

  private enforceQuota(entries: Entry[], owner: string, existing: Entry | undefined, bytes: number): void {
    const { maxDraftBytes, maxDraftsPerWindow, maxBytesPerWindow } = this.quota;
    if (bytes > maxDraftBytes) {
      throw new DraftQuotaError(`Draft not saved: it is ${megabytes(bytes)} MB, more than the ${megabytes(maxDraftBytes)} MB a draft may hold. Save the file instead.`);
    }
    const own = entries.filter((e) => e.owner === owner && e !== existing);
    if (!existing && own.length >= maxDraftsPerWindow) {
      throw new DraftQuotaError(
        `Draft not saved: this window already keeps ${own.length} unsaved drafts, the most allowed. Save or discard one first.`,
      );
    }
    const total = own.reduce((sum, e) => sum + e.bytes, 0) + bytes;
    if (total > maxBytesPerWindow) {
      throw new DraftQuotaError(
        `Draft not saved: this window's drafts would take ${megabytes(total)} MB together, more than the ${megabytes(maxBytesPerWindow)} MB allowed. Save or discard one first.`,
      );
    }
  }

  private textFile(id: string): string {
    if (!DRAFT_ID.test(id)) throw new Error(`not a draft id: ${id}`);
    return path.join(this.dir, `${id}.txt`);
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<Entry[]> {
    if (this.entries) return this.entries;
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(await this.options.fs.readFile(this.indexFile)));
    } catch (error) {
      if (!isMissingFileError(error)) {
        const aside = `${this.indexFile}.damaged-${this.now().getTime()}`;
        await this.options.fs.rename(this.indexFile, aside).catch(() => undefined);
        this.options.report?.(`${this.indexFile} could not be read (${(error as Error).message}); kept as ${aside}.`);
      }
      raw = null;
    }
    const listed = typeof raw === "object" && raw !== null && Array.isArray((raw as { drafts?: unknown }).drafts) ? (raw as { drafts: unknown[] }).drafts : [];
    this.entries = listed.flatMap((value) => {
      const entry = entryFromDisk(value);
      return entry ? [entry] : [];
    });
    await this.adoptOldDrafts(this.entries);
    return this.entries;
  }

  /**
   * Drafts an earlier version wrote as <key>.json (text and path together, as the renderer sent them) are
   * kept as untitled orphans: their text is the user's unsaved work, but their path is exactly what must
   * never be trusted, so it is dropped. The old file is removed once its text is safe in the new form.
   */
  private async adoptOldDrafts(entries: Entry[]): Promise<void> {
    let names: string[];
    try {
      names = await this.options.fs.readdir(this.dir);
    } catch (error) {
      if (isMissingFileError(error)) return;
      throw error;
    }
    const adopted = entries.length;
    for (const name of names.filter((n) => n.endsWith(".json") && n !== "index.json" && !n.startsWith("."))) {
      const file = path.join(this.dir, name);
      let old: { text?: unknown; savedAt?: unknown };
      try {
        old = JSON.parse(new TextDecoder().decode(await this.options.fs.readFile(file))) ?? {};
      } catch {
        continue; // not a draft of ours: left alone
      }
      if (typeof old.text !== "string") continue;
      const id = newDraftId();
      await writeFileAtomically(this.options.fs, this.textFile(id), old.text);
      const savedAt = typeof old.savedAt === "string" && !Number.isNaN(Date.parse(old.savedAt)) ? old.savedAt : this.now().toISOString();
      entries.push({ id, label: id, path: null, savedAt, bytes: Buffer.byteLength(old.text), owner: null });
      await this.persist(entries);
      await this.options.fs.unlink(file).catch(() => undefined);
    }
    if (entries.length > adopted) this.options.report?.(`Kept ${entries.length - adopted} draft(s) of an earlier version as untitled drafts.`);
  }

  private async persist(entries: Entry[]): Promise<void> {
    const drafts = entries.map(({ id, label, path: filePath, savedAt, bytes }) => ({ id, label, path: filePath, savedAt, bytes }));
    await this.options.fs.mkdir(this.dir);
    await writeFileAtomically(this.options.fs, this.indexFile, JSON.stringify({ version: INDEX_VERSION, drafts }));
  }
}

function newDraftId(): string {
  return `d${randomBytes(16).toString("hex")}`;
}

function megabytes(bytes: number): string {
  return (bytes / 1048576).toFixed(1).replace(/\.0$/, "");
}

/** Index entries main wrote; anything malformed is left out rather than trusted. */
function entryFromDisk(value: unknown): Entry | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== "string" || !DRAFT_ID.test(v.id)) return null;
  if (typeof v.label !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(v.label)) return null;
  if (v.path !== null && (typeof v.path !== "string" || !path.isAbsolute(v.path))) return null;
  if (typeof v.savedAt !== "string" || typeof v.bytes !== "number" || !Number.isSafeInteger(v.bytes) || v.bytes < 0) return null;
  return { id: v.id, label: v.label, path: v.path, savedAt: v.savedAt, bytes: v.bytes, owner: null };
}

function summaryOf(entry: Entry, key: string): DraftSummary {
  return { key, path: entry.path, name: entry.path ? path.basename(entry.path) : "Untitled", savedAt: entry.savedAt, bytes: entry.bytes };
}
