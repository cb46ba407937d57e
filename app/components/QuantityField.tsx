"use client";

import { useId, useRef } from "react";
import { parseQuantity, type QuantityLimit } from "../format/quantity";

/**
 * A ticket quantity as the fan typed it: a controlled text field whose whole content is selected on
 * focus (typing "3" over the default 1 gives 3, not 13), − and + buttons that stay within 1..limit,
 * and the refusal in words under it. The parent keeps the text and reads the check.
 */
export function QuantityField({
  label,
  text,
  limit,
  onText,
  testId,
  disabled = false,
}: {
  label: string;
  text: string;
  limit: QuantityLimit;
  onText: (text: string) => void;
  testId: string;
  disabled?: boolean;
}) {
  const id = useId();
  const check = parseQuantity(text, limit);
  // The click that focuses the field would clear the selection on mouse-up; keep it for that one click.
  const focusedByPointer = useRef(false);
  const step = (by: number) => {
    const from = check.ok ? check.quantity : 1;
    onText(String(Math.min(Math.max(1, from + by), Math.max(1, limit.max))));
  };
  return (
    <div className="stack" style={{ gap: "0.25rem" }}>
      <div className="row" style={{ alignItems: "flex-end" }}>
        <label className="field" style={{ width: "6rem" }} htmlFor={id}>
          {label}
          <input
            id={id}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={text}
            disabled={disabled}
            aria-invalid={!check.ok}
            aria-describedby={check.ok ? undefined : `${id}-problem`}
            data-testid={testId}
            onFocus={(e) => {
              focusedByPointer.current = true;
              e.currentTarget.select();
            }}
            onMouseUp={(e) => {
              if (focusedByPointer.current) e.preventDefault();
              focusedByPointer.current = false;
            }}
            onBlur={() => {
              focusedByPointer.current = false;
            }}
            onChange={(e) => onText(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button secondary"
          aria-label="One fewer"
          disabled={disabled || !check.ok || check.quantity <= 1}
          onClick={() => step(-1)}
        >
          −
        </button>
        <button
          type="button"
          className="button secondary"
          aria-label="One more"
          disabled={disabled || (check.ok && check.quantity >= limit.max)}
          onClick={() => step(1)}
        >
          +
        </button>
      </div>
      {!check.ok && (
        <p
          id={`${id}-problem`}
          className="small error"
          role="alert"
          data-testid={`${testId}-problem`}
          data-code={check.code}
        >
          {check.message}
        </p>
      )}
    </div>
  );
}
