import { createRoot } from "react-dom/client";
import { setupMonaco } from "./monaco/setup";
import { App } from "./App";
import type { Boot } from "./boot";
import "./styles.css";

export function mount(root: HTMLElement, boot: Boot): void {
  setupMonaco();
  createRoot(root).render(<App boot={boot} />);
}
