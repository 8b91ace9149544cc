"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The "are you sure?" box of a consequential action: the question, Confirm and Cancel. */
export function ConfirmStep({
  label,
  question,
  pending,
  variant,
  onConfirm,
  onCancel,
}: {
  label: string;
  question: string;
  pending: boolean;
  variant: "primary" | "danger";
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("draw");
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3" role="group" aria-label={label}>
      <p className="text-sm">{question}</p>
      <div className="flex flex-wrap gap-2">
        <Button variant={variant} onClick={onConfirm} disabled={pending}>
          {pending ? t("running") : t("confirmAction")}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
