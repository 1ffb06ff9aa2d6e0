// What the syntax checker and its parse-error classifier exchange, in a module of its own so neither imports the other.

export interface RhinoSyntaxError {
  message: string;
  line: number;
  column?: number;
}

/** One reason Rhino rejects the script: the message and Rhino's read cursor when it gave up. */
export interface Finding {
  message: string;
  /** Index where the offending token starts (orders findings the way Rhino meets them). */
  at: number;
  /** Index just past the furthest character Rhino's tokenizer read. */
  cursor: number;
  /** Rhino reports some errors (found while generating code) at line 1, column 1. */
  fixedPosition?: RhinoSyntaxError;
}
