/**
 * A script export that cannot be imported. The message always names the file and the place in it,
 * because support engineers fix customers' files by hand and need to know where to look.
 */
export class ImportError extends Error {
  constructor(
    /** The export file's name as the user gave it. */
    readonly file: string,
    /** JSON path of the offending value, e.g. `$.script["39c0…"].script`; `$` for the whole document. */
    readonly path: string,
    /** What is wrong, without the file and path (those are in `message`). */
    readonly detail: string,
    /** 1-based line and column, for JSON syntax errors. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(
      line === undefined
        ? `${file} at ${path}: ${detail}`
        : `${file}, line ${line}, column ${column}: ${detail}`,
    );
    this.name = "ImportError";
  }
}

/**
 * Builds JSON paths the way users read them: fixed field names with a dot, keys that are data
 * (script ids, realm names) in brackets, so `$.script["abc"].script` shows which part is the id.
 */
export class JsonPath {
  private constructor(private readonly text: string) {}

  static readonly root = new JsonPath("$");

  field(name: string): JsonPath {
    return /^[A-Za-z_$][\w$]*$/.test(name)
      ? new JsonPath(`${this.text}.${name}`)
      : this.key(name);
  }

  key(name: string): JsonPath {
    return new JsonPath(`${this.text}[${JSON.stringify(name)}]`);
  }

  index(i: number): JsonPath {
    return new JsonPath(`${this.text}[${i}]`);
  }

  toString(): string {
    return this.text;
  }
}
