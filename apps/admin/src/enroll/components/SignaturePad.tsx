import { useCallback, useEffect, useImperativeHandle, useRef, useState, type PointerEvent as ReactPointerEvent, type Ref } from "react";

export interface SignaturePadHandle {
  clear(): void;
  /** The signature as a PNG (base64, no data: prefix) on white, at most 600 px wide; null when nothing is drawn. */
  toPngBase64(): string | null;
}

interface Props {
  label: string;
  placeholder: string;
  invalid: boolean;
  describedBy?: string | undefined;
  onInk: (hasInk: boolean) => void;
  ref?: Ref<SignaturePadHandle>;
}

type Point = { x: number; y: number };

/** Less ink than this (in CSS pixels of stroke) is a stray tap, not a signature. */
const MIN_INK_LENGTH = 30;
const EXPORT_MAX_WIDTH = 600;

function inkLength(strokes: readonly Point[][]): number {
  let total = 0;
  for (const stroke of strokes) for (let i = 1; i < stroke.length; i++) total += Math.hypot(stroke[i]!.x - stroke[i - 1]!.x, stroke[i]!.y - stroke[i - 1]!.y);
  return total;
}

function draw(context: CanvasRenderingContext2D, strokes: readonly Point[][], scale: number): void {
  context.lineCap = "round";
  context.lineJoin = "round";
  context.strokeStyle = "#111827";
  context.fillStyle = "#111827";
  context.lineWidth = 2.6 * scale;
  for (const stroke of strokes) {
    if (stroke.length === 1) {
      context.beginPath();
      context.arc(stroke[0]!.x * scale, stroke[0]!.y * scale, 1.3 * scale, 0, Math.PI * 2);
      context.fill();
      continue;
    }
    context.beginPath();
    context.moveTo(stroke[0]!.x * scale, stroke[0]!.y * scale);
    for (const point of stroke.slice(1)) context.lineTo(point.x * scale, point.y * scale);
    context.stroke();
  }
}

/**
 * A drawn signature: pointer events, so fingers, pens and mice all work; the strokes are kept
 * in CSS pixels and redrawn when the pad changes size (rotating the phone keeps the signature).
 */
export function SignaturePad({ label, placeholder, invalid, describedBy, onInk, ref }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef<number | null>(null);
  const size = useRef({ width: 0, height: 0 });
  const hadInk = useRef(false);
  const [started, setStarted] = useState(false);

  const redraw = useCallback(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext("2d");
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    context.clearRect(0, 0, canvas.width, canvas.height);
    draw(context, strokes.current, ratio);
  }, []);

  const report = useCallback(() => {
    const hasInk = inkLength(strokes.current) >= MIN_INK_LENGTH || strokes.current.length >= 3;
    if (hasInk !== hadInk.current) {
      hadInk.current = hasInk;
      onInk(hasInk);
    }
  }, [onInk]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const fit = () => {
      const box = canvas.getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;
      size.current = { width: box.width, height: box.height };
      canvas.width = Math.round(box.width * ratio);
      canvas.height = Math.round(box.height * ratio);
      redraw();
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [redraw]);

  useImperativeHandle(
    ref,
    () => ({
      clear() {
        strokes.current = [];
        setStarted(false);
        redraw();
        report();
      },
      toPngBase64() {
        if (!hadInk.current) return null;
        const { width, height } = size.current;
        const scale = Math.min(1.5, EXPORT_MAX_WIDTH / width);
        const out = document.createElement("canvas");
        out.width = Math.round(width * scale);
        out.height = Math.round(height * scale);
        const context = out.getContext("2d");
        if (!context) return null;
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, out.width, out.height);
        draw(context, strokes.current, scale);
        return out.toDataURL("image/png").replace(/^data:image\/png;base64,/, "");
      },
    }),
    [redraw, report],
  );

  const pointOf = (event: ReactPointerEvent<HTMLCanvasElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0 && event.pointerType === "mouse") return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = event.pointerId;
    strokes.current.push([pointOf(event)]);
    setStarted(true);
    redraw();
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (drawing.current !== event.pointerId) return;
    event.preventDefault();
    const stroke = strokes.current.at(-1);
    if (!stroke) return;
    // Coalesced events keep fast strokes smooth on phones.
    const events = event.nativeEvent.getCoalescedEvents?.() ?? [];
    const box = event.currentTarget.getBoundingClientRect();
    if (events.length > 0) for (const e of events) stroke.push({ x: e.clientX - box.left, y: e.clientY - box.top });
    else stroke.push(pointOf(event));
    redraw();
  };
  const onPointerEnd = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (drawing.current !== event.pointerId) return;
    drawing.current = null;
    report();
  };

  return (
    <div className={`signature-pad${invalid ? " is-invalid" : ""}${started ? " is-started" : ""}`}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={label}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        data-testid="signature-pad"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
      />
      <span className="signature-placeholder" aria-hidden="true">
        {placeholder}
      </span>
      <span className="signature-line" aria-hidden="true" />
    </div>
  );
}
