#!/usr/bin/python3
# Bench child: the same export with exchangelib (Debian's python3-exchangelib), the EWS client most Python
# integrations use — impersonation, a CalendarView of the window with .only() the fields the naive loop and
# Calpump's JSON row write, N threads (one mailbox each at a time), one JSON file per mailbox. Prints one JSON
# line like the TypeScript children: wall time, items per mailbox, failures.
import argparse
import json
import logging
import os
import sys
import tempfile
import shutil
import time
from concurrent.futures import ThreadPoolExecutor

import requests.adapters
from urllib3.util.retry import Retry
from exchangelib import (
    BASIC,
    IMPERSONATION,
    Account,
    Build,
    Configuration,
    Credentials,
    EWSDateTime,
    UTC,
    Version,
)
from exchangelib.protocol import BaseProtocol

FIELDS = ("uid", "subject", "start", "end", "location", "is_all_day")


class ProblemLog(logging.Handler):
    # What exchangelib and urllib3 report going wrong (a dropped connection retried, a timeout, a refused
    # request), so the bench output says why a run failed or slowed instead of only that it did.
    def __init__(self):
        super().__init__(logging.INFO)
        self.count = 0
        self.first = None

    def emit(self, record):
        text = record.getMessage()
        if record.levelno < logging.WARNING and "error" not in text.lower():
            return
        self.count += 1
        if self.first is None:
            self.first = record.getMessage()[:300]


def main():
    p = argparse.ArgumentParser()
    for name in ("url", "ca", "mailboxes", "from", "to", "username", "password"):
        p.add_argument("--" + name, required=True)
    p.add_argument("--threads", type=int, default=8)
    a = p.parse_args()
    problems = ProblemLog()
    for name in ("exchangelib", "urllib3"):
        logging.getLogger(name).addHandler(problems)
        logging.getLogger(name).setLevel(logging.INFO)

    ca = a.ca

    class SimCaAdapter(requests.adapters.HTTPAdapter):
        # exchangelib keeps its sessions in a LIFO pool: with its threads bound by Python's GIL, sessions at the
        # bottom sit idle past the server's keep-alive limit (IIS's connectionTimeout, 120 s, as the simulator
        # has it) and the next request on one meets "Remote end closed connection without response". Calpump
        # sends a request cut that way again at once on a fresh connection; exchangelib (max_retries=0, FailFast)
        # gives the mailbox up. Like for like: one immediate retry of a dropped connection, counted in the output.
        def __init__(self, *args, **kwargs):
            kwargs["max_retries"] = Retry(total=1, connect=1, read=1, status=0, other=0, allowed_methods=frozenset({"POST"}))
            super().__init__(*args, **kwargs)

        # The simulator's per-process CA, as an administrator would trust an internal CA.
        def cert_verify(self, conn, url, verify, cert):
            super().cert_verify(conn, url, ca, cert)

    BaseProtocol.HTTP_ADAPTER_CLS = SimCaAdapter
    config = Configuration(
        service_endpoint=a.url,
        credentials=Credentials(a.username, a.password),
        auth_type=BASIC,
        version=Version(build=Build(15, 1, 2507, 6)),
        max_connections=a.threads,
    )
    start = EWSDateTime.from_string(a.__dict__["from"]).astimezone(UTC)
    end = EWSDateTime.from_string(a.to).astimezone(UTC)
    # Under `npm run bench` in the run's output root, removed when the bench ends (see benchOutDir in bench/lib.ts).
    root = os.environ.get("BENCH_OUT_ROOT") or None
    out = tempfile.mkdtemp(prefix="exchangelib-bench-", dir=root)
    mailboxes = a.mailboxes.split(",")

    def export(mailbox):
        try:
            account = Account(primary_smtp_address=mailbox, config=config, autodiscover=False, access_type=IMPERSONATION)
            rows = [
                {
                    "uid": i.uid,
                    "subject": i.subject,
                    "start": i.start.isoformat(),
                    "end": i.end.isoformat(),
                    "location": i.location,
                    "allDay": i.is_all_day,
                }
                for i in account.calendar.view(start=start, end=end).only(*FIELDS)
            ]
            with open(os.path.join(out, mailbox + ".json"), "w") as f:
                json.dump(rows, f)
            return mailbox, len(rows), None
        except Exception as e:  # one failing mailbox never stops the others
            return mailbox, None, ("%s: %s" % (type(e).__name__, e))[:200]

    t0 = time.perf_counter()
    cpu0 = time.process_time()
    with ThreadPoolExecutor(max_workers=a.threads) as pool:
        results = list(pool.map(export, mailboxes))
    ms = (time.perf_counter() - t0) * 1000
    cpu_ms = (time.process_time() - cpu0) * 1000
    if not root:
        shutil.rmtree(out, ignore_errors=True)
    per = {m: n for m, n, err in results if err is None}
    errors = [err for _, _, err in results if err is not None]
    sys.stdout.write(
        json.dumps(
            {
                "ms": ms,
                "items": sum(per.values()),
                "failed": len(errors),
                "firstError": errors[0] if errors else None,
                "perMailbox": per,
                "cpuMs": cpu_ms,
                "version": __import__("exchangelib").__version__,
                "problems": problems.count,
                "firstProblem": problems.first,
            }
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
