/**
 * The scenario form's OneWelcome part: who answers the Customize Access Token hook (the script under edit, or
 * the user's own service on this machine, which the app asks about before it first calls it) and how the
 * Access service authenticates to it. A typed URL is written to the scenario only once it is one the
 * playground may call; until then the form says why and the scenario keeps its last value.
 */
import { useEffect, useId, useState } from "react";
import { hookSettingsOf, hookUrlProblem, withHookSettings, type HookAuthentication } from "../state/hookSettings";
import { Fieldset } from "./ScenarioFormParts";

const DEFAULT_SERVICE_URL = "http://127.0.0.1:8085";

export function OneWelcomeHookFieldset({ doc, onChange }: { doc: unknown; onChange: (doc: Record<string, unknown>) => void }) {
  const sourceId = useId();
  const urlId = useId();
  const urlErrorId = useId();
  const authId = useId();
  const userId = useId();
  const passwordId = useId();
  const settings = hookSettingsOf(doc);
  const [urlText, setUrlText] = useState(settings.hookUrl ?? DEFAULT_SERVICE_URL);
  // The JSON view (or a sample) changed the URL: show it, unless the user is mid-way through typing another.
  useEffect(() => {
    if (settings.hookUrl !== null) setUrlText((typed) => (hookUrlProblem(typed) === null ? settings.hookUrl! : typed));
  }, [settings.hookUrl]);
  const typedIssue = settings.hookUrl === null ? null : hookUrlProblem(urlText);
  // The scenario's own URL (from the JSON view, or a file) may be one runs refuse: say so, not "not written".
  const scenarioIssue = settings.hookUrl === null ? null : hookUrlProblem(settings.hookUrl);
  const urlIssue =
    typedIssue && urlText.trim() === settings.hookUrl && scenarioIssue ? `The scenario's hookUrl cannot be called, so runs refuse it: ${scenarioIssue.replace(/^Not written to the scenario: /, "")}` : typedIssue;

  return (
    <Fieldset legend="OneWelcome web hook">
      <div className="form-row">
        <label htmlFor={sourceId}>Answered by</label>
        <select
          id={sourceId}
          data-testid="form-hook-source"
          value={settings.hookUrl === null ? "script" : "service"}
          onChange={(e) => onChange(withHookSettings(doc, { hookUrl: e.target.value === "service" ? (hookUrlProblem(urlText) === null ? urlText.trim() : DEFAULT_SERVICE_URL) : undefined }))}
        >
          <option value="script">the script under edit (a handler or a MockServer expectation)</option>
          <option value="service">my hook service on this machine</option>
        </select>
      </div>
      {settings.hookUrl !== null ? (
        <>
          <div className="form-row">
            <label htmlFor={urlId}>Service URL</label>
            <input
              id={urlId}
              data-testid="form-hook-url"
              value={urlText}
              spellCheck={false}
              aria-invalid={urlIssue ? true : undefined}
              aria-describedby={urlIssue ? urlErrorId : undefined}
              onChange={(e) => {
                setUrlText(e.target.value);
                if (hookUrlProblem(e.target.value) === null) onChange(withHookSettings(doc, { hookUrl: e.target.value.trim() }));
              }}
            />
          </div>
          {urlIssue ? (
            <p className="form-error" id={urlErrorId} role="alert" data-testid="form-hook-url-error">
              {urlIssue}
            </p>
          ) : null}
          {scenarioIssue ? null : (
            <p className="form-note form-row-note" data-testid="form-hook-note">
              Runs POST to {settings.hookUrl.replace(/\/+$/, "")}/v1/customize-access-token; the app asks before it first calls an address. To try one:{" "}
              <code>node samples/onewelcome-hook-service.mjs</code>
            </p>
          )}
        </>
      ) : null}
      <div className="form-row">
        <label htmlFor={authId}>Authentication</label>
        <select id={authId} data-testid="form-hook-auth" value={settings.authentication} onChange={(e) => onChange(withHookSettings(doc, { authentication: e.target.value as HookAuthentication }))}>
          <option value="none">none</option>
          <option value="basic">Basic (user name and password)</option>
          <option value="jwt">JWT bearer token of onewelcomeAccessWebHookClient</option>
        </select>
      </div>
      {settings.authentication === "basic" ? (
        <>
          <div className="form-row">
            <label htmlFor={userId}>User name</label>
            <input id={userId} data-testid="form-hook-username" value={settings.username} spellCheck={false} onChange={(e) => onChange(withHookSettings(doc, { username: e.target.value }))} />
          </div>
          <div className="form-row">
            <label htmlFor={passwordId}>Password</label>
            <input id={passwordId} data-testid="form-hook-password" type="password" value={settings.password} onChange={(e) => onChange(withHookSettings(doc, { password: e.target.value }))} />
          </div>
        </>
      ) : null}
    </Fieldset>
  );
}
