"""The judge of test/verify/peers.test.ts: PyJWT and jwcrypto verify the same tokens as jwt-inspect.

stdin, one batch (a python start per token would be too slow):
  {"now": <Unix seconds>,
   "keys": {"<name>": {"secret": "<base64>"} | {"pem": "<text>"} | {"jwk": {...}} | {"jwks": {...}}},
   "cases": [{"id": "<id>", "token": "<text>", "key": "<name>", "algs": ["RS256", ...],
              "leeway": <seconds>, "iss": "<text>" | null, "aud": "<text>" | null}]}
stdout: [{"id": "<id>", "pyjwt": "valid" | "invalid: <reason>", "jwcrypto": "..."}]

Each peer is set to check what jwt-inspect checks: the signature with the given key and only
the given algs; exp and nbf (and iat, where the library checks it) against the request's clock
with the case's leeway, 0 unless set; iss and aud only when the case asks. A nested JWT
(RFC 7519 §5.2; cty JWT in any case, RFC 7515 §4.1.10) is verified as RFC 7519 §7.2 step 8
says: the outer signature, then the inner token as a JWT of its own, with the same keys.
Neither library does that by itself.
"""

import base64
import json
import sys
import types
from datetime import datetime

import jwt
import jwt.api_jwt
import jwcrypto.jwt
from jwcrypto.common import base64url_decode, json_decode
from jwcrypto.jwa import JWA
from jwcrypto.jwk import JWK, JWKSet
from jwcrypto.jws import JWS
from jwt.algorithms import OKPAlgorithm

request = json.load(sys.stdin)
NOW = request["now"]


class FixedDatetime(datetime):
    """PyJWT 2.6 reads the clock with datetime.now in jwt.api_jwt."""

    @classmethod
    def now(cls, tz=None):
        return datetime.fromtimestamp(NOW, tz)


jwt.api_jwt.datetime = FixedDatetime
# jwcrypto 1.1 reads the clock with time.time in jwcrypto.jwt.
jwcrypto.jwt.time = types.SimpleNamespace(time=lambda: NOW)

# RFC 9864 names EdDSA over Ed25519 "Ed25519"; PyJWT 2.6 and jwcrypto 1.1 know only "EdDSA".
PYJWS = jwt.api_jws._jws_global_obj  # the instance jwt.decode uses
if "Ed25519" not in PYJWS.get_algorithms():
    PYJWS.register_algorithm("Ed25519", OKPAlgorithm())
JWA.algorithms_registry.setdefault("Ed25519", JWA.algorithms_registry["EdDSA"])


def is_nested(header):
    cty = header.get("cty")
    return isinstance(cty, str) and cty.upper() == "JWT"


def unverified_claims(token):
    """The payload as JSON, unverified, or None: only to say which claims jwcrypto should check."""
    try:
        return json_decode(base64url_decode(token.split(".")[1]))
    except Exception:  # noqa: BLE001 - any token that does not parse simply has no claims to name
        return None


# PyJWT


def pyjwt_key(spec):
    if "secret" in spec:
        return base64.b64decode(spec["secret"])
    if "pem" in spec:
        return spec["pem"]
    if "jwk" in spec:
        return jwt.PyJWK(spec["jwk"]).key
    return jwt.PyJWKSet(spec["jwks"]["keys"])


def pyjwt_from_set(jwks, token):
    """The key PyJWKClient.get_signing_key_from_jwt would choose: a signing key whose kid is the token's."""
    kid = jwt.get_unverified_header(token).get("kid")  # raises unless kid is a string
    for key in jwks.keys:
        if key.public_key_use in ("sig", None) and key.key_id and key.key_id == kid:
            return key.key
    raise jwt.PyJWKClientError(f"no signing key with kid {kid!r} in the set")


def pyjwt_verify(token, key, case):
    chosen = pyjwt_from_set(key, token) if isinstance(key, jwt.PyJWKSet) else key
    outer = PYJWS.decode_complete(token, chosen, algorithms=case["algs"])
    if is_nested(outer["header"]):
        pyjwt_verify(outer["payload"].decode("utf-8"), key, case)
        return
    # Unasked, PyJWT would refuse every token that has an aud; jwt-inspect checks aud only when asked.
    options = {"verify_aud": case["aud"] is not None, "verify_iss": case["iss"] is not None}
    jwt.decode(token, chosen, algorithms=case["algs"], options=options, audience=case["aud"], issuer=case["iss"], leeway=case["leeway"])


# jwcrypto


def jwcrypto_key(spec):
    if "secret" in spec:
        return JWK(kty="oct", k=base64.urlsafe_b64encode(base64.b64decode(spec["secret"])).decode().rstrip("="))
    if "pem" in spec:
        return JWK.from_pem(spec["pem"].encode())
    if "jwk" in spec:
        return JWK(**spec["jwk"])
    return JWKSet.from_json(json.dumps(spec["jwks"]))


def jwcrypto_checks(token, case):
    """None keeps jwcrypto's default (exp and nbf when present); a dict of claims to check replaces it, so exp and nbf go in too."""
    wanted = {name: case[name] for name in ("iss", "aud") if case[name] is not None}
    if not wanted:
        return None
    claims = unverified_claims(token)
    present = [name for name in ("exp", "nbf") if isinstance(claims, dict) and name in claims]
    return {**wanted, **{name: None for name in present}}


def jwcrypto_verify(token, key, case):
    probe = JWS()
    probe.deserialize(token)  # parses only: the header says whether the token is nested
    nested = is_nested(probe.jose_header)
    checked = jwcrypto.jwt.JWT(algs=case["algs"], check_claims=False if nested else jwcrypto_checks(token, case))
    checked.leeway = case["leeway"]
    checked.deserialize(token, key)
    if nested:
        jwcrypto_verify(checked.token.payload.decode("utf-8"), key, case)


# The batch


def verdict(verify, token, key, case):
    try:
        verify(token, key, case)
        return "valid"
    except Exception as error:  # noqa: BLE001 - whatever a peer raises, it did not accept the token
        return f"invalid: {type(error).__name__}: {error}"


def keys_for(load):
    loaded = {}
    for name, spec in request["keys"].items():
        try:
            loaded[name] = load(spec)
        except Exception as error:  # noqa: BLE001 - a key the library refuses (RSA e=1) fails every case that uses it
            loaded[name] = error
    return loaded


def judge(verify, keys, case):
    key = keys[case["key"]]
    if isinstance(key, Exception):
        return f"invalid: the key does not load: {type(key).__name__}: {key}"
    return verdict(verify, case["token"], key, case)


pyjwt_keys = keys_for(pyjwt_key)
jwcrypto_keys = keys_for(jwcrypto_key)
json.dump(
    [{"id": c["id"], "pyjwt": judge(pyjwt_verify, pyjwt_keys, c), "jwcrypto": judge(jwcrypto_verify, jwcrypto_keys, c)} for c in request["cases"]],
    sys.stdout,
)
