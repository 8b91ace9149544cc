import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";

export default async function CompliancePage() {
  await requirePermission("compliance.view");
  redirect("/conformite/consentements");
}
