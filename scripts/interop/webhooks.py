"""Interop: ipm's webhook signatures against the peers' own libraries, both ways.

The Python packages `standardwebhooks` and `stripe` sign random cases that `ipm webhook verify` must
accept (and reject once tampered), and they verify what `ipm webhook sign` produces.
Usage: python webhooks.py <path to ipm>
"""
import base64
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile

import standardwebhooks
import stripe

IPM = sys.argv[1]
CASES = 40
rng = random.Random(20261204)
failures = []


def random_body():
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 ñáé中文\"\\{}[]:,.-_\n"
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 600)))
    return json.dumps({"id": f"evt_{rng.randrange(10**9)}", "text": text}, ensure_ascii=False).encode("utf-8")


def ipm(args, env_secret, body):
    with tempfile.NamedTemporaryFile(delete=False) as handle:
        handle.write(body)
        path = handle.name
    try:
        env = dict(os.environ, IPM_INTEROP_SECRET=env_secret, NO_COLOR="1")
        return subprocess.run([IPM, *args, "--secret-env", "IPM_INTEROP_SECRET", "--body-file", path],
                              capture_output=True, env=env)
    finally:
        os.unlink(path)


def check(condition, message):
    if not condition:
        failures.append(message)


now = int(datetime.datetime.now(datetime.timezone.utc).timestamp())

# Standard Webhooks: the library signs, ipm verifies; ipm signs, the library verifies.
for case in range(CASES):
    secret = "whsec_" + base64.b64encode(rng.randbytes(rng.randint(24, 64))).decode()
    body = random_body()
    msg_id = f"msg_{case}_{rng.randrange(10**6)}"
    stamp = datetime.datetime.fromtimestamp(now, tz=datetime.timezone.utc)
    signature = standardwebhooks.Webhook(secret).sign(msg_id, stamp, body)
    headers = ["--header", f"webhook-id: {msg_id}", "--header", f"webhook-timestamp: {now}",
               "--header", f"webhook-signature: {signature}"]
    result = ipm(["webhook", "verify", "--scheme", "standard", *headers], secret, body)
    check(result.returncode == 0, f"standard case {case}: ipm rejected a library signature: {result.stdout!r}")
    tampered = body + b" "
    result = ipm(["webhook", "verify", "--scheme", "standard", *headers], secret, tampered)
    check(result.returncode == 1, f"standard case {case}: ipm accepted a tampered body")

    result = ipm(["webhook", "sign", "--scheme", "standard", "--id", msg_id, "--format", "json"], secret, body)
    check(result.returncode == 0, f"standard case {case}: ipm sign failed: {result.stderr!r}")
    signed = json.loads(result.stdout)["headers"]
    try:
        standardwebhooks.Webhook(secret).verify(body, signed)
    except Exception as error:  # noqa: BLE001 - report any verification failure
        failures.append(f"standard case {case}: the library rejected ipm's signature: {error}")

# Stripe: the library signs, ipm verifies; ipm signs, the library verifies.
for case in range(CASES):
    secret = "whsec_" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEF0123456789") for _ in range(32))
    body = random_body()
    header = stripe.WebhookSignature.generate_signature_header(body.decode("utf-8"), secret, timestamp=now)
    result = ipm(["webhook", "verify", "--scheme", "stripe", "--header", f"Stripe-Signature: {header}"], secret, body)
    check(result.returncode == 0, f"stripe case {case}: ipm rejected a library signature: {result.stdout!r}")
    result = ipm(["webhook", "verify", "--scheme", "stripe", "--header", f"Stripe-Signature: {header}"],
                 secret + "x", body)
    check(result.returncode == 1, f"stripe case {case}: ipm accepted the wrong secret")

    result = ipm(["webhook", "sign", "--scheme", "stripe", "--format", "json"], secret, body)
    check(result.returncode == 0, f"stripe case {case}: ipm sign failed: {result.stderr!r}")
    signed = json.loads(result.stdout)["headers"]["Stripe-Signature"]
    try:
        stripe.WebhookSignature.verify_header(body, signed, secret, tolerance=300)
    except Exception as error:  # noqa: BLE001
        failures.append(f"stripe case {case}: the library rejected ipm's signature: {error}")

if failures:
    print("\n".join(failures[:20]), file=sys.stderr)
    sys.exit(1)
print(f"webhooks: {CASES} Standard Webhooks and {CASES} Stripe cases agree both ways")
