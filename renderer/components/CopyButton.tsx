import { useState, type ReactNode } from "react";
import { copyText } from "./clipboard";

/** A small copy action whose accessible name starts with its visible words. */
export function CopyButton({ label, text, children }: { label: string; text: string; children: ReactNode }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="link copy-action"
      // While it says "Copied", its name says so too (the visible words start the name, WCAG 2.5.3).
      aria-label={copied ? `Copied: ${label}` : label}
      onClick={async () => {
        await copyText(text);
        setCopied(true);
        setTimeout(() => setCopied(false), 1200);
      }}
    >
      {copied ? "Copied" : children}
    </button>
  );
}
