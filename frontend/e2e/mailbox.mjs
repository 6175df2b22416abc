// A mail server for the browser test and the embedded run: it speaks SMTP (RFC 5321: greeting, EHLO/HELO, MAIL, RCPT,
// DATA, QUIT) on a local port and keeps what it receives, so the test reads the e-mail the servers really sent over
// the wire, and `./vetnet run` keeps it in files a person can open (deploy/mail-catcher.mjs). It delivers nothing.
import { createServer } from 'node:net';

/** Encoded words in a header (RFC 2047: =?UTF-8?Q?...?= and =?UTF-8?B?...?=), decoded. */
function words(header) {
  return header.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=(\s+(?==\?))?/g, (x, charset, enc, text) => (enc.toUpperCase() === 'B'
    ? Buffer.from(text, 'base64')
    : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (y, h) => String.fromCharCode(parseInt(h, 16))), 'latin1')).toString('utf8'));
}

/** The message as a reader sees it: headers unfolded and decoded, quoted-printable or base64 bodies decoded (RFC 2045). */
export function readable(data) {
  const split = data.indexOf('\n\n');
  const head = words((split < 0 ? data : data.slice(0, split)).replace(/\n[ \t]+/g, ' '));
  const body = split < 0 ? '' : data.slice(split + 2);
  if (/^Content-Transfer-Encoding:\s*base64/im.test(head)) return `${head}\n\n${Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')}`;
  if (/^Content-Transfer-Encoding:\s*quoted-printable/im.test(head)) {
    const bytes = Buffer.from(body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (x, h) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return `${head}\n\n${bytes.toString('utf8')}`;
  }
  // Multipart or plain: the headers unfolded and decoded all the same (a long Subject is folded over lines).
  return split < 0 ? head : `${head}\n\n${body}`;
}

/** Listens on `port` (0: any free one); `onMessage({from, to, data})` is told of each message (data as received). */
export async function startMailbox({ port = 0, onMessage } = {}) {
  const messages = [];
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let envelope = { from: '', to: [] };
    const reply = (line) => socket.write(`${line}\r\n`);
    reply('220 vetnet-e2e mailbox');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          // Dot-stuffed lines lose their first dot (RFC 5321, 4.5.2).
          const data = buffer.slice(0, end).split('\r\n').map((l) => (l.startsWith('..') ? l.slice(1) : l)).join('\n');
          buffer = buffer.slice(end + 5);
          messages.push({ ...envelope, data });
          onMessage?.({ ...envelope, data });
          envelope = { from: '', to: [] };
          inData = false;
          reply('250 queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 vetnet-e2e');
        else if (verb === 'MAIL') { envelope.from = line; reply('250 ok'); }
        else if (verb === 'RCPT') { envelope.to.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1')); reply('250 ok'); }
        else if (verb === 'DATA') { inData = true; reply('354 end with <CRLF>.<CRLF>'); }
        else if (verb === 'QUIT') { reply('221 bye'); socket.end(); return; }
        else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok');
        else reply('502 not implemented');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, '127.0.0.1', ok); });
  return {
    port: server.address().port,
    messages,
    /** The first message to `address` whose text matches `pattern`, waiting up to `ms`. */
    async waitFor(address, pattern, ms = 20_000) {
      const end = Date.now() + ms;
      for (;;) {
        const found = messages.find((m) => m.to.includes(address) && pattern.test(readable(m.data)));
        if (found) return { ...found, data: readable(found.data) };
        if (Date.now() > end) throw new Error(`no mail to ${address} matching ${pattern}; received: ${messages.map((m) => m.to.join(',')).join(' | ')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
