/**
 * A macaroon access token (token.storage "macaroon") as AM's /json/token/macaroon?_action=inspect shows it: the
 * serialized token with its size, location and identifier, each caveat the script added (first-party
 * conditions, third-party caveats with the location that discharges them), the signature, and the discharge
 * macaroons an introspection carried in X-Discharge-Macaroon. Without this the app showed only the fields: a
 * caveat that narrows what introspection answers was invisible.
 */
import type { MacaroonView } from "../../engine/api";
import { CopyButton } from "./CopyButton";

function caveatText(caveat: MacaroonView["caveats"][number]): string {
  if (caveat.type === "third-party") return `third-party: ${caveat.identifier} (discharged by ${caveat.location})`;
  return `first-party: ${typeof caveat.identifier === "string" ? caveat.identifier : JSON.stringify(caveat.identifier)}`;
}

export function MacaroonParts({ macaroon }: { macaroon: MacaroonView }) {
  return (
    <div className="jwt macaroon" data-testid="macaroon">
      <p className="jwt-size" data-testid="macaroon-size">
        Macaroon access token: <strong>{macaroon.bytes.toLocaleString("en")} bytes</strong>
      </p>
      <pre className="jwt-compact" aria-label="Macaroon access token, serialized">
        {macaroon.serialized}
      </pre>
      <CopyButton label="Copy token: macaroon, serialized" text={macaroon.serialized}>
        Copy token
      </CopyButton>
      <dl className="macaroon-facts">
        <dt>Location</dt>
        <dd>{macaroon.location === "" ? <em>(empty)</em> : macaroon.location}</dd>
        <dt>Identifier</dt>
        <dd>
          <code>{macaroon.identifier}</code>
        </dd>
        <dt>Signature</dt>
        <dd>
          <code>{macaroon.signature}</code>
        </dd>
      </dl>
      <h3>Caveats</h3>
      {macaroon.caveats.length ? (
        <ol className="macaroon-caveats" data-testid="macaroon-caveats" aria-label="Caveats of the macaroon">
          {macaroon.caveats.map((caveat, i) => (
            <li key={i} data-type={caveat.type}>
              {caveatText(caveat)}
            </li>
          ))}
        </ol>
      ) : (
        <p className="flow-note">No caveat: introspection answers what AM holds for the token.</p>
      )}
      {macaroon.dischargeMacaroons.length ? (
        <details className="macaroon-discharges" data-testid="macaroon-discharges">
          <summary>
            X-Discharge-Macaroon sent with the introspection ({macaroon.dischargeMacaroons.length})
          </summary>
          {macaroon.dischargeMacaroons.map((value, i) => (
            <pre key={i} className="jwt-compact">
              {value}
            </pre>
          ))}
        </details>
      ) : null}
    </div>
  );
}
