"""A real SMTP server for Rapport's tests: aiosmtpd with STARTTLS and AUTH required.

Usage: smtp_sink.py CERT KEY OUTDIR USER PASSWORD [no-pipelining]
Prints "ready PORT" once it listens on 127.0.0.1; every message received is written to
OUTDIR as NNN.eml (envelope sender and recipients in NNN.env). Exits on SIGTERM.
It offers PIPELINING (RFC 2920) unless told not to (aiosmtpd reads commands one line at a
time, so pipelined ones are answered in order), and refuses with 550 every recipient whose
address begins with "refused".
"""
import json
import os
import signal
import socket
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, outdir, pipelining):
        self.outdir = outdir
        self.pipelining = pipelining
        self.count = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.pipelining:
            responses.insert(len(responses) - 1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refused"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.outdir, "%03d" % self.count)
        with open(base + ".env", "w") as env:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos, "tls": session.ssl is not None,
                       "auth": session.authenticated}, env)
        with open(base + ".eml", "wb") as eml:
            eml.write(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


def main():
    cert, key, outdir, user, password = sys.argv[1:6]
    pipelining = sys.argv[6:7] != ["no-pipelining"]
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticate(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password:
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    controller = Controller(
        Sink(outdir, pipelining), hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
        authenticator=authenticate, auth_required=True, auth_require_tls=True, decode_data=False)
    controller.start()
    # Stop at once on SIGTERM: the files written so far are complete, nothing else to save.
    # (A parent may have blocked SIGTERM for its own threads; the mask is inherited.)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    print("ready %d" % port, flush=True)
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
