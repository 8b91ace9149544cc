"use client";
import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/connexion" })} className="rounded px-2 py-1 text-sm text-muted hover:bg-surface">
      {label}
    </button>
  );
}
