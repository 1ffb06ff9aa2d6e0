/**
 * A user as IDM returns it (`managed/alpha_user/<id>`: `_id`, `userName`, single-valued properties) or as AM's
 * identity REST returns it (`/json/realms/…/users/<id>`: `username`, `realm`, every attribute a list).
 */
import { contribution, isRecord, placeholder, type Contribution } from "./types";
import { newRecord, setOwn } from "../util/own-keys";

/** Never copied: they are credentials. */
const SECRET_ATTRIBUTES = new Set(["password", "userpassword", "userPassword".toLowerCase()]);

function attributeValues(value: unknown): string[] | null {
  if (typeof value === "string") return [value];
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  if (Array.isArray(value) && value.every((v) => ["string", "number", "boolean"].includes(typeof v))) return value.map(String);
  return null;
}

function isIdmUser(json: Record<string, unknown>): boolean {
  return typeof json._id === "string" && typeof json.userName === "string";
}

function isAmUser(json: Record<string, unknown>): boolean {
  return typeof json.username === "string" && (Array.isArray(json.universalid) || typeof json.realm === "string");
}

export function recogniseUser(file: string, json: unknown, managedObject = "alpha_user"): Contribution | null {
  if (!isRecord(json) || !(isIdmUser(json) || isAmUser(json))) return null;
  const idm = isIdmUser(json);
  const out = contribution(file, idm ? "user (IDM managed object)" : "user (AM identity REST)");
  // Attribute names are the file's: kept as ordinary keys, "__proto__" included.
  const attributes = newRecord<string[]>();
  const skipped: string[] = [];
  const store = newRecord();
  for (const [name, value] of Object.entries(json)) {
    if (SECRET_ATTRIBUTES.has(name.toLowerCase())) {
      out.redactions.push({ file, place: `$.${name}`, placeholder: placeholder(name) });
      continue;
    }
    if (idm) setOwn(store, name, value);
    if (name.startsWith("_") || (!idm && ["username", "realm", "universalid"].includes(name))) continue;
    const values = attributeValues(value);
    if (values) setOwn(attributes, name, values);
    else skipped.push(name);
  }
  const id = typeof json._id === "string" ? json._id : String(json.username);
  const username = idm ? String(json.userName) : String(json.username);
  out.scenario.identity = { id, username, attributes: { ...attributes } };
  if (idm) out.scenario.openidm = { [`managed/${managedObject}/${id}`]: { ...store } };
  if (!idm && typeof json.realm === "string") out.scenario.realm = json.realm;
  if (skipped.length > 0) out.ignored.push(`nested properties that are not profile attributes: ${skipped.join(", ")}`);
  if (idm) out.notes.push(`stored as the IDM object managed/${managedObject}/${id} for openidm.read`);
  return out;
}
