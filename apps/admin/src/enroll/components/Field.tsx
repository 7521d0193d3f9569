import type { ReactNode } from "react";

export interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
  /** A group of radios or checkboxes is labelled by a legend, not a label. */
  group?: boolean;
}

/** The input's accessibility attributes: its hint and its error are read out with it. */
export function fieldAria(id: string, options: { hint?: boolean; error?: string | undefined }) {
  const describedBy = [options.error ? `${id}-error` : null, options.hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": options.error ? true : undefined, "aria-describedby": describedBy || undefined } as const;
}

/** A label, the input, a hint under it and the error in place of nothing: the one field layout of the page. */
export function Field({ id, label, hint, error, children, group }: FieldProps) {
  const errorText = error ? (
    <p className="field-error" id={`${id}-error`} role="alert">
      {error}
    </p>
  ) : null;
  const hintText = hint ? (
    <p className="field-hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
  if (group) {
    return (
      <fieldset className={`field${error ? " has-error" : ""}`}>
        <legend className="field-label">{label}</legend>
        {children}
        {hintText}
        {errorText}
      </fieldset>
    );
  }
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hintText}
      {errorText}
    </div>
  );
}

/** A message for the whole step (a refusal that names no field, or a network error). */
export function Alert({ children, tone = "error" }: { children: ReactNode; tone?: "error" | "info" | "success" }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
