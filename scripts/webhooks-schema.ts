// npm run webhooks:schema: writes docs/webhooks.schema.json from the payload
// schemas the app uses (lib/webhooks/payloads.ts). A test fails when the
// committed file and the code differ.
import fs from "node:fs";
import { webhookSchemaDocument } from "../lib/webhooks/json-schema";

fs.writeFileSync("docs/webhooks.schema.json", JSON.stringify(webhookSchemaDocument(), null, 2) + "\n");
console.log("wrote docs/webhooks.schema.json");
