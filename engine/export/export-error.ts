/** An export that cannot be made: names the file and the place, like ImportError, so it can be fixed. */
export class ExportError extends Error {
  constructor(
    /** The file at fault as the user named it (the original export, or the edited script). */
    readonly file: string,
    /** Where in it: a JSON path (`$.script["…"]`), a line and column, or "" for the whole file. */
    readonly place: string,
    readonly detail: string,
  ) {
    super(place === "" ? `${file}: ${detail}` : `${file} at ${place}: ${detail}`);
    this.name = "ExportError";
  }
}
