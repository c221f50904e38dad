import { useId } from "react";

interface ChoiceGroupProps<T extends string> {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

/** One choice among a few, as native radio buttons (arrow keys move between them) drawn as a segmented control. */
export function ChoiceGroup<T extends string>({ label, options, value, onChange }: ChoiceGroupProps<T>) {
  const id = useId();
  return (
    <fieldset role="radiogroup" aria-labelledby={id} className="flex flex-wrap gap-1">
      <legend id={id} className="sr-only">
        {label}
      </legend>
      {options.map((option) => (
        <label
          key={option.value}
          className="cursor-pointer rounded px-3 py-1 text-sm ring-1 ring-slate-300 hover:bg-slate-100 has-[:checked]:bg-slate-900 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-500"
        >
          <input
            type="radio"
            className="sr-only"
            name={id}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
