"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { changeRoleAction } from "@/lib/orgs/actions";
import { ROLES, type Role } from "@/lib/auth/roles";
import { Select } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/use-message-text";

export function RoleSelect({ membershipId, role, label }: { membershipId: string; role: Role; label: string }) {
  const tc = useTranslations("common");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const text = useMessageText();
  return (
    <div>
      <Select
        aria-label={label}
        defaultValue={role}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value as Role;
          startTransition(async () => {
            const result = await changeRoleAction({ membershipId, role: next });
            setError(result.ok ? undefined : result.error);
          });
        }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {tc(`roles.${r}`)}
          </option>
        ))}
      </Select>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {text(error)}
        </p>
      )}
    </div>
  );
}
