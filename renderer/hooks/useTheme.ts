/** Light, dark or the system's choice, remembered; "system" follows the system live. */
import { useEffect, useState } from "react";
import { loadTheme, saveTheme, type KeyValueStore, type ThemeChoice } from "../state/persist";

/** Whether the system asks for a dark theme, following changes live. */
export function useSystemDark(): boolean {
  const query = typeof window !== "undefined" && window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [query]);
  return dark;
}

export function useTheme(store: KeyValueStore): { theme: ThemeChoice; dark: boolean; choose: (next: ThemeChoice) => void } {
  const systemDark = useSystemDark();
  const [theme, setTheme] = useState<ThemeChoice>(() => loadTheme(store));
  const choose = (next: ThemeChoice) => {
    setTheme(next);
    saveTheme(store, next);
  };
  return { theme, dark: theme === "system" ? systemDark : theme === "dark", choose };
}
