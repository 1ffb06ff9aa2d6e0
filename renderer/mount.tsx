import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { Boot } from "./boot";
import "./styles.css";

/** Renders the page; Monaco is not needed for that (it loads once the first result is on screen). */
export function mount(root: HTMLElement, boot: Boot): void {
  createRoot(root).render(<App boot={boot} />);
}
