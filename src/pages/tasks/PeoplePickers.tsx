import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { UserPicker } from "../../components/UserPicker.tsx";
import { organizationsQuery, useUserSuggestions } from "../../queries/directory.ts";

const control = "rounded border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500";

/** The owner filter: the shared user picker, fed by GET /users?q=. */
export function OwnerPicker({ value, onChange }: { value: string; onChange: (owner: string) => void }) {
  const { users, search } = useUserSuggestions();
  return (
    <UserPicker
      label="Owner"
      value={value}
      placeholder="All owners"
      options={users.data?.users ?? []}
      onSearch={search}
      onChange={onChange}
    />
  );
}

export function OrganizationPicker({ value, onChange }: { value: string; onChange: (organization: string) => void }) {
  const id = useId();
  const organizations = useQuery(organizationsQuery());
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        Organization
      </label>
      <select id={id} value={value} className={control} onChange={(e) => onChange(e.target.value)}>
        <option value="">All organizations</option>
        {organizations.data?.map((org) => (
          <option key={org.id} value={org.name}>
            {org.display_name || org.name}
          </option>
        ))}
        {value && !organizations.data?.some((org) => org.name === value) && <option value={value}>{value}</option>}
      </select>
    </div>
  );
}
