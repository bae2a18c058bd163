#!/usr/bin/python3
"""Verifies the DKIM signature of one message with Debian's python3-dkim (dkimpy), an implementation independent of
MimeKit. The public key is given on the command line (base64 SubjectPublicKeyInfo) and served in place of the DNS
TXT record <selector>._domainkey.<domain>.

usage: dkim_verify.py MESSAGE.eml PUBLIC_KEY_BASE64      prints PASS or FAIL (exit 0 / 1)
"""
import sys

import dkim


def main():
    with open(sys.argv[1], "rb") as f:
        message = f.read()
    record = b"v=DKIM1; k=rsa; p=" + sys.argv[2].encode("ascii")

    def dnsfunc(name, timeout=5):
        return record

    ok = dkim.verify(message, dnsfunc=dnsfunc)
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
