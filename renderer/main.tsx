import { createRoot } from "react-dom/client";
import { setupMonaco } from "./monaco/setup";
import { App } from "./App";
import "./styles.css";

setupMonaco();
createRoot(document.getElementById("root")!).render(<App />);
