// The embedded run's mail server (./vetnet run): the servers send their e-mail here (SPRING_MAIL_HOST/PORT), and each
// message is kept as a file, $VETNET_HOME/mail/<time>-<n>.eml, which any mail client opens. Nothing is delivered to
// anyone. Usage: node deploy/mail-catcher.mjs PORT FOLDER
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readable, startMailbox } from '../frontend/e2e/mailbox.mjs';

const [port, folder] = [Number(process.argv[2] ?? 2525), process.argv[3] ?? '.vetnet/mail'];
mkdirSync(folder, { recursive: true });
let n = 0;
await startMailbox({
  port,
  onMessage: ({ to, data }) => {
    n += 1;
    const file = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${n}.eml`);
    writeFileSync(file, data.replace(/\n/g, '\r\n'));
    const subject = /^Subject:\s*(.*)$/im.exec(readable(data))?.[1] ?? '(no subject)';
    console.log(`mail to ${to.join(', ')}: ${subject} -> ${file}`);
  },
});
console.log(`mail catcher on 127.0.0.1:${port}, messages in ${folder}`);
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
