/** The opened file is watched (desktop): a change on disk offers Reload, a deletion says where Save goes. */
import { useEffect } from "react";
import type { ActionContext } from "../actions/context";
import { openRecent, reportFailure } from "../actions/documents";
import type { OpenDocument } from "../state/pageState";

export function useFileWatch(ctx: ActionContext, document: OpenDocument | null): void {
  const path = document?.path;
  const name = document?.name;
  // The stamp of the text the page holds: a change that matches it is the page's own save.
  const ownSha = document?.stamp?.sha256;
  useEffect(() => {
    if (!path) return;
    return ctx.platform.watch(path, (stamp) => {
      if (stamp && ownSha && stamp.sha256 === ownSha) return;
      ctx.store.dispatch({
        type: "noticeShown",
        notice: stamp
          ? { kind: "warning", text: `${name} changed on disk.`, action: { label: "Reload", run: () => void openRecent(ctx, path).catch(reportFailure(ctx, "Reload")) } }
          : { kind: "warning", text: `${name} was deleted or moved on disk; Save will ask where to write it.` },
      });
    });
  }, [ctx, path, name, ownSha]);
}
