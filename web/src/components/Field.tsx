// Labelled form fields with hints and inline errors. A field's id comes from its API path
// (subject.en → f-subject-en) so the error summary can link to it.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

export const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

type Common = { label: ReactNode; path: string; error?: string; hint?: ReactNode; required?: boolean; className?: string };

function Shell({ label, path, error, hint, required, className, children }: Common & { children: ReactNode }) {
  const id = fieldId(path);
  return (
    <div className={`field ${className ?? ''}`}>
      <span className="label-row">
        <label htmlFor={id}>{label}</label>
        {required && <span className="req" aria-hidden="true">*</span>}
      </span>
      {children}
      {hint && !error && <span className="hint" id={`${id}-hint`}>{hint}</span>}
      {error && (
        <span className="error" id={`${id}-error`}>
          <span aria-hidden="true">⚠</span>
          {error}
        </span>
      )}
    </div>
  );
}

function aria(path: string, error?: string, hint?: ReactNode, required?: boolean) {
  const id = fieldId(path);
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    'aria-required': required || undefined,
  } as const;
}

type InputProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>;
export function TextField({ label, path, error, hint, required, className, ...rest }: InputProps) {
  return (
    <Shell {...{ label, path, error, hint, required, className }}>
      <input className="input" {...aria(path, error, hint, required)} {...rest} />
    </Shell>
  );
}

type AreaProps = Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>;
export function TextArea({ label, path, error, hint, required, className, ...rest }: AreaProps) {
  return (
    <Shell {...{ label, path, error, hint, required, className }}>
      <textarea className="textarea" {...aria(path, error, hint, required)} {...rest} />
    </Shell>
  );
}

export type Option = { value: string; label: string };
type SelectProps = Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & { options: Option[]; placeholder?: string };
export function SelectField({ label, path, error, hint, required, className, options, placeholder, ...rest }: SelectProps) {
  return (
    <Shell {...{ label, path, error, hint, required, className }}>
      <select className="select" {...aria(path, error, hint, required)} {...rest}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </Shell>
  );
}
