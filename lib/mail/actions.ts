"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/action";
import { requeueFailedMail } from "@/lib/mail/queries";
import { retryNow } from "@/lib/mail/worker";

const requeueSchema = z.object({ mailId: z.string().min(1).max(100) });

export const requeueMailAction = memberAction("outbox.view", requeueSchema, async ({ mailId }, member) => {
  await requeueFailedMail(member, mailId);
  await retryNow(mailId);
  revalidatePath(`/parametres/boite-envoi/${mailId}`);
});
