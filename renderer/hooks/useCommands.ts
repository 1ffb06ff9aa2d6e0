/**
 * Commands reach the actions three ways: the toolbar (`perform`), the desktop menu (onCommand) and, in the
 * browser build only, the keyboard. Inside Electron the menu owns the accelerators (and sends the command
 * through onMenuCommand), so binding them here too would run each command twice.
 */
import { useCallback, useEffect } from "react";
import type { RendererCommandId } from "../../contracts/commands";
import type { ActionContext } from "../actions/context";
import { action, actionForKey, isMacPlatform } from "../actions/actions";

export function useCommands(ctx: ActionContext): (id: RendererCommandId, path?: string) => void {
  useEffect(() => ctx.platform.onCommand((command) => action(command.id).perform(ctx, command.path)), [ctx]);
  useEffect(() => {
    if (ctx.platform.kind === "desktop") return;
    const isMac = isMacPlatform();
    const onKey = (e: KeyboardEvent) => {
      const matched = actionForKey(e, isMac);
      if (!matched) return;
      e.preventDefault();
      matched.perform(ctx);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [ctx]);
  return useCallback((id, path) => action(id).perform(ctx, path), [ctx]);
}
