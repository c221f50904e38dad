import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useState } from "react";
import { organizationsQuery, usersQuery } from "../../queries/directory.ts";

const control = "rounded border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500";

/**
 * A searchable owner picker: typing asks GET /users?q=, a matching name applies at once, Enter applies what
 * was typed (the server says so if no such user exists). Remounted with a new `key` when the URL changes.
 */
export function OwnerPicker({ value, onChange }: { value: string; onChange: (owner: string) => void }) {
  const id = useId();
  const [text, setText] = useState(value);
  const search = useDeferredValue(text.trim());
  const users = useQuery({ ...usersQuery(search), placeholderData: keepPreviousData });
  const options = users.data?.users ?? [];
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium">Owner</label>
      <input
        id={id}
        type="search"
        list={`${id}-options`}
        placeholder="All owners"
        value={text}
        className={`${control} w-40`}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value === "" || options.some((u) => u.username === e.target.value)) onChange(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") onChange(text.trim());
        }}
      />
      <datalist id={`${id}-options`}>
        {options.map((u) => (
          <option key={u.id} value={u.username}>{u.name}</option>
        ))}
      </datalist>
    </div>
  );
}

export function OrganizationPicker({ value, onChange }: { value: string; onChange: (organization: string) => void }) {
  const id = useId();
  const organizations = useQuery(organizationsQuery());
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium">Organization</label>
      <select id={id} value={value} className={control} onChange={(e) => onChange(e.target.value)}>
        <option value="">All organizations</option>
        {organizations.data?.map((org) => (
          <option key={org.id} value={org.name}>{org.display_name || org.name}</option>
        ))}
        {value && !organizations.data?.some((org) => org.name === value) && <option value={value}>{value}</option>}
      </select>
    </div>
  );
}
