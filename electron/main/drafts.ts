/**
 * Autosave of unsaved edits. The renderer sends the text as the user types (it debounces); each
 * document's draft is one JSON file in <userData>/drafts, replaced atomically, so after a crash the
 * latest edit is on disk and listDrafts offers it back. Saving the document discards its draft.
 */
import path from "node:path";
import type { Draft, DraftInput, DraftSummary } from "../../contracts/api";
import { writeFileAtomically } from "./files";
import { isMissingFileError, type FileSystem } from "./fs-port";
import { asDraftKey } from "./validate";

export interface DraftStoreOptions {
  fs: FileSystem;
  userDataDir: string;
  now?: () => Date;
}

interface StoredDraft {
  key: string;
  path: string | null;
  text: string;
  savedAt: string;
}

export class DraftStore {
  readonly dir: string;
  private readonly now: () => Date;
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly options: DraftStoreOptions) {
    this.dir = path.join(options.userDataDir, "drafts");
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Writes for one key run one after another, so a slow earlier write can never land after (and
   * overwrite) a newer one.
   */
  async write(input: DraftInput): Promise<void> {
    const stored: StoredDraft = { key: input.key, path: input.path, text: input.text, savedAt: this.now().toISOString() };
    const file = this.fileFor(input.key);
    const previous = this.pending.get(input.key) ?? Promise.resolve();
    const write = previous.then(async () => {
      await this.options.fs.mkdir(this.dir);
      await writeFileAtomically(this.options.fs, file, JSON.stringify(stored));
    });
    const settled = write.catch(() => undefined);
    this.pending.set(input.key, settled);
    void settled.then(() => {
      if (this.pending.get(input.key) === settled) this.pending.delete(input.key);
    });
    return write;
  }

  async read(key: string): Promise<Draft | null> {
    const stored = await this.readStored(this.fileFor(key));
    return stored ? toDraft(stored) : null;
  }

  async list(): Promise<DraftSummary[]> {
    let names: string[];
    try {
      names = await this.options.fs.readdir(this.dir);
    } catch (error) {
      if (isMissingFileError(error)) return [];
      throw error;
    }
    const drafts: Draft[] = [];
    for (const name of names) {
      if (!name.endsWith(".json")) continue;
      const stored = await this.readStored(path.join(this.dir, name));
      if (stored) drafts.push(toDraft(stored));
    }
    return drafts
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
      .map(({ text: _text, ...summary }) => summary);
  }

  async discard(key: string): Promise<void> {
    await this.options.fs.unlink(this.fileFor(key)).catch((error: unknown) => {
      if (!isMissingFileError(error)) throw error;
    });
  }

  private fileFor(key: string): string {
    return path.join(this.dir, `${asDraftKey(key)}.json`);
  }

  /** A draft file that is unreadable or not ours is skipped rather than failing the whole list. */
  private async readStored(file: string): Promise<StoredDraft | null> {
    try {
      const value = JSON.parse(new TextDecoder().decode(await this.options.fs.readFile(file))) as Partial<StoredDraft>;
      if (typeof value.key !== "string" || typeof value.text !== "string" || typeof value.savedAt !== "string") return null;
      if (value.path !== null && (typeof value.path !== "string" || !path.isAbsolute(value.path))) return null;
      return { key: value.key, path: value.path, text: value.text, savedAt: value.savedAt };
    } catch {
      return null;
    }
  }
}

function toDraft(stored: StoredDraft): Draft {
  return {
    key: stored.key,
    path: stored.path,
    name: stored.path ? path.basename(stored.path) : "Untitled",
    savedAt: stored.savedAt,
    bytes: Buffer.byteLength(stored.text),
    text: stored.text,
  };
}
