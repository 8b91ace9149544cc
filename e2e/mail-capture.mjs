// A real SMTP server for the e2e run: the app sends to it through SMTP_URL,
// tests read what arrived over HTTP (GET /messages, DELETE /messages).
import http from "node:http";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
const messages = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const headers = {};
        for (const [key, value] of mail.headers) headers[key] = typeof value === "string" ? value : JSON.stringify(value);
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: session.envelope.mailFrom?.address ?? "",
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : "",
          headers,
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(smtpPort, "127.0.0.1");

http
  .createServer((req, res) => {
    if (req.method === "DELETE") messages.length = 0;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(messages));
  })
  .listen(httpPort, "127.0.0.1");
console.log(`mail capture: smtp ${smtpPort}, http ${httpPort}`);
