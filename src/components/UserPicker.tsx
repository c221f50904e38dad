import { useId, useState } from "react";

export interface UserOption {
  id: string;
  username: string;
  name: string;
}

interface UserPickerProps {
  label: string;
  value: string;
  placeholder: string;
  options: readonly UserOption[];
  /** What the user has typed, for the page to search users with; also called on focus, so suggestions load only once wanted. */
  onSearch: (text: string) => void;
  onChange: (username: string) => void;
}

/**
 * A searchable user field: a name from the list applies at once, Enter applies what was typed (the server
 * says so if there is no such user), and clearing it goes back to the placeholder's meaning.
 * Remount it with a new `key` when `value` changes from outside.
 */
export function UserPicker({ label, value, placeholder, options, onSearch, onChange }: UserPickerProps) {
  const id = useId();
  const [text, setText] = useState(value);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="search"
        list={`${id}-options`}
        placeholder={placeholder}
        value={text}
        autoComplete="off"
        className="w-44 rounded border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500"
        onFocus={() => onSearch(text.trim())}
        onChange={(e) => {
          setText(e.target.value);
          onSearch(e.target.value.trim());
          if (e.target.value === "" || options.some((u) => u.username === e.target.value)) onChange(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onChange(text.trim());
          }
        }}
      />
      <datalist id={`${id}-options`}>
        {options.map((u) => (
          <option key={u.id} value={u.username}>
            {u.name}
          </option>
        ))}
      </datalist>
    </div>
  );
}
