// Labelled form fields with hints and inline errors. A field's id comes from its API path
// (subject.en → f-subject-en) so the error summary can link to it.
import {
  createContext,
  useContext,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

export const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/**
 * Where a form sits inside a larger body (e.g. `injects.2.request.`): fields below a provider take
 * their ids from the full API path, so a form used twice on one page keeps its ids unique and the
 * error summary's links still reach the right field.
 */
export const FieldPathPrefix = createContext('');

/** The id of the field at `path`, under the enclosing FieldPathPrefix. */
export function useFieldId(path: string): string {
  return fieldId(useContext(FieldPathPrefix) + path);
}

type Common = {
  label: ReactNode;
  path: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
};

function Shell({ label, path, error, hint, required, className, children }: Common & { children: ReactNode }) {
  const id = useFieldId(path);
  return (
    <div className={`field ${className ?? ''}`}>
      <span className="label-row">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="req" aria-hidden="true">
            *
          </span>
        )}
      </span>
      {children}
      {hint && !error && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="error" id={`${id}-error`}>
          <span aria-hidden="true">⚠</span>
          {error}
        </span>
      )}
    </div>
  );
}

function useAria(path: string, error?: string, hint?: ReactNode, required?: boolean) {
  const id = useFieldId(path);
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    'aria-required': required || undefined,
  } as const;
}

type InputProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>;
export function TextField({ label, path, error, hint, required, className, ...rest }: InputProps) {
  const a = useAria(path, error, hint, required);
  return (
    <Shell {...{ label, path, error, hint, required, className }}>
      <input className="input" {...a} {...rest} />
    </Shell>
  );
}

type AreaProps = Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>;
export function TextArea({ label, path, error, hint, required, className, ...rest }: AreaProps) {
  const a = useAria(path, error, hint, required);
  return (
    <Shell {...{ label, path, error, hint, required, className }}>
      <textarea className="textarea" {...a} {...rest} />
    </Shell>
  );
}

export type Option = { value: string; label: string };
type SelectProps = Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & { options: Option[]; placeholder?: string };
export function SelectField({
  label,
  path,
  error,
  hint,
  required,
  className,
  options,
  placeholder,
  ...rest
}: SelectProps) {
  const a = useAria(path, error, hint, required);
  return (
    <Shell {...{ label, path, error, hint, required, className }}>
      <select className="select" {...a} {...rest}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}
