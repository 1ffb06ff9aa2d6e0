/**
 * The samples shipped with the app (scripts, scenarios, cases): read from the repository's samples/
 * folder in development and from resources/samples in a packaged build.
 */
import path from "node:path";
import type { SampleFile } from "../../contracts/api";
import type { FileSystem } from "./fs-port";

const SAMPLE_EXTENSIONS = new Set([".js", ".json"]);
const MAX_SAMPLE_FILES = 500;
const MAX_SAMPLE_BYTES = 1024 * 1024;

export async function readSamples(fs: FileSystem, samplesDir: string): Promise<SampleFile[]> {
  const found: SampleFile[] = [];
  async function walk(dir: string, prefix: string): Promise<void> {
    let names: string[];
    try {
      names = (await fs.readdir(dir)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (found.length >= MAX_SAMPLE_FILES || name.startsWith(".")) continue;
      const full = path.join(dir, name);
      const info = await fs.stat(full);
      const relativePath = prefix ? `${prefix}/${name}` : name;
      if (info.isDirectory()) await walk(full, relativePath);
      else if (info.isFile() && SAMPLE_EXTENSIONS.has(path.extname(name)) && info.size <= MAX_SAMPLE_BYTES) {
        found.push({ relativePath, name, text: new TextDecoder().decode(await fs.readFile(full)) });
      }
    }
  }
  await walk(samplesDir, "");
  return found;
}
