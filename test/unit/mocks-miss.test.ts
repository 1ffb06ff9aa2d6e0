import { describe, expect, it } from "vitest";
import { MockServer, mismatches } from "../../engine/http/mocks";
import { resolveScenario } from "../../engine";

function mock(request: Record<string, unknown>) {
  return resolveScenario({ http: [{ request }] }, "s.json").http[0];
}

const sent = { method: "GET", url: "https://api.example.com/users?id=7", headers: { "X-API-Key": ["k-123"] }, body: '{"a":1}' };

describe("why a mock did not answer: what the script sent against what the mock expects", () => {
  it.each([
    [{ headers: { "x-api-key": "k-999" } }, 'header x-api-key: the script sent "k-123", the mock expects "k-999"'],
    [{ headers: { Authorization: "Bearer t" } }, 'header Authorization not sent (the mock expects "Bearer t")'],
    [{ query: { id: "8" } }, 'query parameter id: the script sent "7", the mock expects "8"'],
    [{ url: "https://api.example.com/users?role=admin" }, 'query parameter role not sent (the mock expects "admin")'],
    [{ method: "post" }, "method: the script sent GET, the mock expects POST"],
    [{ url: "https://api.example.com/groups" }, "URL: the script sent https://api.example.com/users, the mock expects https://api.example.com/groups"],
    [{ body: '{"a":2}' }, 'body: the script sent "{\\"a\\":1}", the mock expects "{\\"a\\":2}"'],
    [{ json: { a: 2 } }, 'body: the JSON the script sent does not contain the mock\'s {"a":2}'],
  ])("%j", (request, reason) => {
    expect(mismatches(mock(request), sent)).toEqual([reason]);
  });

  it("never reports the mock's own value as the one that is missing", () => {
    const server = new MockServer([mock({ headers: { "X-API-Key": "k-999" } })]);
    const outcome = server.answer(sent);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.message).not.toMatch(/k-999 missing/);
      expect(outcome.message).toContain('the script sent "k-123"');
    }
  });
});
