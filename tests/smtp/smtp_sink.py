#!/usr/bin/python3
"""SMTP sink for PanelBot.Mail tests (Debian python3-aiosmtpd).

Saves every accepted message as NNNNN.eml (the DATA content as received, dot-unstuffed)
plus NNNNN.json (envelope: mail_from, rcpt_tos, pipelined, auth_user).
Prints READY once listening. Stops on SIGTERM/SIGINT or when stdin closes.

usage: smtp_sink.py --port N --dir DIR [--auth] [--pipelining] [--refuse ADDR]...
                    [--tempfail ADDR]... [--starttls CERT KEY] [--implicit-tls CERT KEY]
"""
import argparse
import itertools
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = b"panel", b"s3cret"


class Sink:
    def __init__(self, folder, refuse, tempfail, pipelining):
        self.folder = folder
        self.refuse = {a.lower() for a in refuse}
        self.tempfail = {a.lower() for a in tempfail}
        self.pipelining = pipelining
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.pipelining:
            responses.insert(1, "250-PIPELINING")
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        # Pipelined clients send RCPT/DATA in the same write, so they are already buffered here.
        envelope.pipelined = len(getattr(server._reader, "_buffer", b"")) > 0
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 <%s>: Recipient address rejected" % address
        if address.lower() in self.tempfail:
            return "450 4.2.1 <%s>: Mailbox busy, try later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            n = next(self.counter)
        base = os.path.join(self.folder, "%05d" % n)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "pipelined": getattr(envelope, "pipelined", False),
            "auth_user": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None,
        }
        with open(base + ".json.tmp", "w") as f:
            json.dump(meta, f)
        os.rename(base + ".json.tmp", base + ".json")
        return "250 2.0.0 Ok: queued as %05d" % n


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER and auth_data.password == PASSWORD
    return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


def tls_context(cert, key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--auth", action="store_true")
    parser.add_argument("--pipelining", action="store_true")
    parser.add_argument("--no-smtputf8", action="store_true")
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--tempfail", action="append", default=[])
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--implicit-tls", nargs=2, metavar=("CERT", "KEY"))
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)

    kwargs = dict(hostname="127.0.0.1", port=args.port, ident="PanelBot test sink")
    # aiosmtpd's Controller offers SMTPUTF8 (RFC 6531) unless told not to.
    kwargs.update(enable_SMTPUTF8=not args.no_smtputf8)
    if args.auth:
        kwargs.update(auth_required=True, auth_require_tls=False, authenticator=authenticator)
    if args.starttls:
        kwargs.update(tls_context=tls_context(*args.starttls))
    if args.implicit_tls:
        kwargs.update(ssl_context=tls_context(*args.implicit_tls))

    controller = Controller(Sink(args.dir, args.refuse, args.tempfail, args.pipelining), **kwargs)
    controller.start()
    print("READY", flush=True)

    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait()
    controller.stop()


if __name__ == "__main__":
    main()
