#!/usr/bin/python3
# Reads automatic replies with exchangelib (Debian's python3-exchangelib), a client nobody here wrote:
# `account.oof_settings` sends GetUserOofSettings and parses the answer. Prints one JSON line: a list with each
# mailbox's state, window and audience, or the exception exchangelib raised for it.
import argparse
import json

import requests.adapters
from exchangelib import BASIC, DELEGATE, IMPERSONATION, Account, Build, Configuration, Credentials, Version
from exchangelib.protocol import BaseProtocol


def main():
    p = argparse.ArgumentParser()
    for name in ("url", "ca", "mailboxes", "username", "password", "access"):
        p.add_argument("--" + name, required=True)
    a = p.parse_args()
    ca = a.ca

    class SimCaAdapter(requests.adapters.HTTPAdapter):
        # The simulator's per-run CA, trusted as an administrator would trust an internal CA.
        def cert_verify(self, conn, url, verify, cert):
            super().cert_verify(conn, url, ca, cert)

    BaseProtocol.HTTP_ADAPTER_CLS = SimCaAdapter
    config = Configuration(
        service_endpoint=a.url,
        credentials=Credentials(a.username, a.password),
        auth_type=BASIC,
        version=Version(build=Build(15, 1, 2507, 6)),
    )
    access = IMPERSONATION if a.access == "impersonation" else DELEGATE
    out = []
    for mailbox in a.mailboxes.split(","):
        try:
            account = Account(primary_smtp_address=mailbox, config=config, autodiscover=False, access_type=access)
            s = account.oof_settings
            out.append(
                {
                    "mailbox": mailbox,
                    "state": s.state,
                    "start": s.start.isoformat() if s.start else None,
                    "end": s.end.isoformat() if s.end else None,
                    "externalAudience": s.external_audience,
                    "internalReply": s.internal_reply,
                }
            )
        except Exception as e:  # the test compares what exchangelib says, failures included
            out.append({"mailbox": mailbox, "error": type(e).__name__, "message": str(e)[:200]})
    print(json.dumps(out))


main()
