#!/usr/bin/env python3
"""Checks a DKIM signature with dkimpy (PyPI), an implementation independent of Rapport's.

usage: dkim_verify.py MESSAGE_FILE TXT_RECORD [SIGNATURE_INDEX]

TXT_RECORD is the value published for the signature's selector (e.g. "v=DKIM1; k=ed25519; p=...");
it answers the key lookup instead of DNS, whatever name is asked, and the name asked is printed so
the caller can check d= and s=. SIGNATURE_INDEX picks the DKIM-Signature field, 0 being the top one.

Prints "valid" or "invalid" and the name looked up. Exits 0 when the signature verifies, 1 when it
does not, 2 when dkimpy (or PyNaCl, which dkimpy needs for ed25519-sha256) is missing or the
arguments are wrong. CI installs both: pip install dkimpy pynacl.
"""
import logging
import sys

try:
    import dkim
    import nacl.signing  # noqa: F401  (dkimpy verifies Ed25519 with it)
except ImportError as missing:
    print(f"missing {missing.name}: pip install dkimpy pynacl", file=sys.stderr)
    sys.exit(2)


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], "rb") as file:
        message = file.read()
    record = sys.argv[2].encode("ascii")
    index = int(sys.argv[3]) if len(sys.argv) == 4 else 0
    asked = []

    def answer(name, timeout=5):
        asked.append(name.decode("ascii", "replace").rstrip("."))
        return record

    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="dkimpy: %(message)s")
    try:
        valid = dkim.DKIM(message, logger=logging.getLogger("dkimpy")).verify(idx=index, dnsfunc=answer)
    except Exception as error:  # a key of the wrong type makes PyNaCl raise ValueError, not DKIMException
        print(f"invalid: {type(error).__name__}: {error}", *asked)
        return 1
    print("valid" if valid else "invalid", *asked)
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main())
