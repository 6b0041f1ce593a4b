// A searchable picker (ARIA 1.2 combobox with a list box): type to filter a long list by
// name, pick with the arrow keys and Enter or with the mouse. Only a listed value is chosen;
// a typed code that matches an option exactly is taken as it is.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { describedBy, FieldError } from './fields.js';

export interface PickerOption {
  value: string;
  label: string;
}

const SHOWN = 50;

export function Combobox({
  label,
  value,
  options,
  search,
  onChange,
  hint,
  error,
  name,
  placeholder,
}: {
  label: string;
  value: string;
  options: readonly PickerOption[];
  /** The options matching a query, best first. */
  search: (query: string, options: readonly PickerOption[]) => PickerOption[];
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  name?: string;
  placeholder?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const selected = options.find((o) => o.value === value);
  const shownText = selected?.label ?? value;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);

  const matches = useMemo(
    () => (query === null ? options.slice(0, SHOWN) : search(query, options).slice(0, SHOWN)),
    [query, options, search],
  );

  useEffect(() => {
    if (open)
      list.current
        ?.querySelector(`#${CSS.escape(`${listId}-${active}`)}`)
        ?.scrollIntoView({ block: 'nearest' });
  }, [active, open, listId]);

  const choose = (option: PickerOption): void => {
    onChange(option.value);
    setQuery(null);
    setOpen(false);
  };

  /** Leaving the field: an exact code is taken, anything else goes back to the chosen value. */
  const settle = (): void => {
    if (query !== null) {
      const typed = query.trim().toLowerCase();
      const exact = options.find(
        (o) => o.value.toLowerCase() === typed || o.label.toLowerCase() === typed,
      );
      if (exact) onChange(exact.value);
    }
    setQuery(null);
    setOpen(false);
  };

  return (
    <div className={error ? 'field combobox invalid' : 'field combobox'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        value={query ?? shownText}
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => setOpen(true)}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={settle}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open) return setOpen(true);
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((a) => Math.min(Math.max(a + step, 0), Math.max(matches.length - 1, 0)));
          } else if (e.key === 'Enter' && open) {
            e.preventDefault();
            const option = matches[active];
            if (option) choose(option);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setQuery(null);
            setOpen(false);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        ref={list}
        hidden={!open}
        className="options"
      >
        {matches.length === 0 ? (
          <li className="no-match" role="option" aria-selected={false} aria-disabled={true}>
            Nothing matches “{query}”
          </li>
        ) : (
          matches.map((o, i) => (
            <li
              key={o.value}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={o.value === value ? 'option current' : 'option'}
              // mousedown, not click: the input must not blur (and settle) first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
              onMouseMove={() => setActive(i)}
            >
              {o.label}
            </li>
          ))
        )}
      </ul>
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}
