import { useRef, type KeyboardEvent, type PointerEvent } from "react";

export interface SplitterProps {
  /** "vertical" separates left and right, "horizontal" top and bottom. */
  orientation: "vertical" | "horizontal";
  label: string;
  /** Current position, % of the container (for assistive tech). */
  valuePct: number;
  /** Called with the pointer's movement as a % of the container, or ±2 for arrow keys. */
  onResize: (deltaPct: number) => void;
  /** The element whose size the percentages refer to. */
  container: () => HTMLElement | null;
  onResizeEnd?: () => void;
  /** Double-click (or Enter): back to the default layout. */
  onReset?: () => void;
}

/** A draggable, keyboard-operable divider (ARIA separator). */
export function Splitter({ orientation, label, valuePct, onResize, container, onResizeEnd, onReset }: SplitterProps) {
  const last = useRef<number | null>(null);
  const vertical = orientation === "vertical";

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    last.current = vertical ? event.clientX : event.clientY;
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (last.current === null) return;
    const box = container()?.getBoundingClientRect();
    const size = box ? (vertical ? box.width : box.height) : 0;
    if (!size) return;
    const position = vertical ? event.clientX : event.clientY;
    onResize(((position - last.current) / size) * 100);
    last.current = position;
  };
  const onPointerUp = () => {
    if (last.current === null) return;
    last.current = null;
    onResizeEnd?.();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const back = vertical ? "ArrowLeft" : "ArrowUp";
    const forward = vertical ? "ArrowRight" : "ArrowDown";
    if (event.key === "Enter" && onReset) {
      event.preventDefault();
      onReset();
      return;
    }
    if (event.key !== back && event.key !== forward) return;
    event.preventDefault();
    onResize(event.key === back ? -2 : 2);
    onResizeEnd?.();
  };

  return (
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={Math.round(valuePct)}
      aria-valuemin={0}
      aria-valuemax={100}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={onReset}
      title={onReset ? `${label} (double-click: reset layout)` : undefined}
    />
  );
}
