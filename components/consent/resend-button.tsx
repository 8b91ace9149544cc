"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

type ResendLabels = { hint: string; button: string; pending: string; sent: string; alreadyConfirmed: string; limit: string; error: string };

/** Asks for the confirmation mail again; the server enforces 3 resends an hour per entry. */
export function ResendButton({ reference, labels }: { reference: string; labels: ResendLabels }) {
  const [state, setState] = useState<"idle" | "pending" | "sent" | "alreadyConfirmed" | "limit" | "error">("idle");
  async function resend() {
    setState("pending");
    try {
      const response = await fetch("/api/optin/resend", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ r: reference }) });
      const body = (await response.json().catch(() => ({}))) as { status?: string; error?: string };
      if (response.ok) setState(body.status === "alreadyConfirmed" ? "alreadyConfirmed" : "sent");
      else setState(response.status === 429 ? "limit" : "error");
    } catch {
      setState("error");
    }
  }
  const message = state === "idle" || state === "pending" ? null : labels[state];
  return (
    <div className="space-y-2">
      <p className="text-sm text-muted">{labels.hint}</p>
      <Button variant="secondary" onClick={resend} disabled={state === "pending"} aria-busy={state === "pending"}>
        {state === "pending" ? labels.pending : labels.button}
      </Button>
      <p role="status" aria-live="polite" className={state === "limit" || state === "error" ? "text-sm text-red-700" : "text-sm text-green-800"}>
        {message}
      </p>
    </div>
  );
}
