"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { switchOrganisationAction } from "@/lib/auth/actions";
import { Select } from "@/components/ui/field";

/** For a member of several organisations: which one every page works in (checked by the server on each request). */
export function OrganisationSwitch({ current, organisations, label }: { current: string; organisations: Array<{ id: string; name: string }>; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Select
      aria-label={label}
      className="w-auto py-1 text-sm"
      defaultValue={current}
      disabled={pending}
      onChange={(e) => {
        const organisationId = e.target.value;
        startTransition(async () => {
          const result = await switchOrganisationAction({ organisationId });
          if (result.ok) {
            router.push("/campagnes");
            router.refresh();
          }
        });
      }}
    >
      {organisations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </Select>
  );
}
