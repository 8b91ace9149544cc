// npm run demo: seeds a demo organisation and marketer (idempotent) and prints how to sign in.
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { appUrl } from "@/lib/env";
import { seedDemoExtras } from "./demo-extras";

export const DEMO_EMAIL = "demo@aimant.local";
export const DEMO_PASSWORD = "demo-aimant-2026";

async function main() {
  let user = await db.user.findUnique({ where: { email: DEMO_EMAIL }, include: { memberships: true } });
  if (!user) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    user = await db.user.create({
      data: {
        email: DEMO_EMAIL,
        name: "Camille Martin",
        passwordHash,
        memberships: {
          create: {
            role: "OWNER",
            organisation: {
              create: {
                name: "Poêles Durand",
                legalName: "Poêles Durand SARL",
                address: "12 rue des Forges, 69003 Lyon",
                contactEmail: "contact@poeles-durand.example",
                dpoName: "Claire Petit",
                dpoEmail: "dpo@poeles-durand.example",
                salt: crypto.randomBytes(16).toString("hex"),
              },
            },
          },
        },
      },
      include: { memberships: true },
    });
  }
  const organisationId = user.memberships[0]!.organisationId;
  const lines = await seedDemoExtras(organisationId);
  console.log(`\nDemo ready at ${appUrl()}/connexion`);
  console.log(`  e-mail:       ${DEMO_EMAIL}`);
  console.log(`  mot de passe: ${DEMO_PASSWORD}`);
  for (const line of lines) console.log(line);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
