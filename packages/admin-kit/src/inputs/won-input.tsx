import { useLayoutEffect, useRef, type CSSProperties } from "react";
import { Input, type InputRef } from "antd";
import { caretAfterDigits, digitsBefore, groupWonDigits, readWonTyping } from "./won-digits.ts";
import { useLocale } from "../locale/locale-context.tsx";

export interface WonInputProps {
  value?: bigint | null;
  onChange?: (amountWon: bigint | null) => void;
  /** The largest amount accepted; digits beyond it are refused as typed. */
  max?: bigint;
  placeholder?: string;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  "data-testid"?: string;
  autoFocus?: boolean;
}

/**
 * A won amount: digits only (no sign, no fraction), grouped by thousands as you type, yielding a
 * bigint (null when empty). Works as an antd Form.Item control.
 */
export function WonInput({ value, onChange, max, placeholder, disabled, style, id, autoFocus, ...rest }: WonInputProps) {
  const locale = useLocale();
  const ref = useRef<InputRef>(null);
  const pendingCaret = useRef<number | null>(null);
  const text = value === null || value === undefined ? "" : groupWonDigits(value.toString());

  useLayoutEffect(() => {
    const input = ref.current?.input;
    if (input && pendingCaret.current !== null && document.activeElement === input) {
      input.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });

  return (
    <Input
      ref={ref}
      id={id}
      autoFocus={autoFocus}
      data-testid={rest["data-testid"]}
      inputMode="numeric"
      autoComplete="off"
      disabled={disabled}
      placeholder={placeholder ?? "0"}
      style={{ fontVariantNumeric: "tabular-nums", ...style }}
      prefix={locale === "en" ? "₩" : undefined}
      suffix={locale === "ko" ? "원" : undefined}
      value={text}
      onChange={(event) => {
        const typed = event.target.value;
        const next = readWonTyping(typed, max);
        if (!next) return;
        const caret = event.target.selectionStart ?? typed.length;
        pendingCaret.current = caretAfterDigits(groupWonDigits(next.digits), digitsBefore(typed, caret) - (typed.replace(/\D/g, "").length - next.digits.length));
        onChange?.(next.amountWon);
      }}
    />
  );
}
