#!/usr/bin/env python3
"""Independent verifier for a kartei audit log export (`kartei audit export DIR`).

Written from docs/FORMATS.md section 9 and the export's README.md only.
Usage: python3 verify_audit_export.py EXPORT_DIR    (prints OK/FAIL, exit 0/1)
Needs Python 3 (standard library) and the `openssl` command (OpenSSL >= 3.0 for -rawin).
"""
import base64, hashlib, json, os, re, subprocess, sys, tempfile

sha256 = lambda b: hashlib.sha256(b).digest()
# §9.1 public fields in leaf order (field 1 is the format tag, field 2 the sequence number).
PUBLIC = ["time", "actorKind", "actorRole", "actorScope", "action", "objectType", "purpose", "outcome"]
# §9.1 hidden-field indexes 1..4 = credential, name, objects, client (README §1 gives the JSON names).
COMMITS = ["credential", "name", "objects", "client"]

def fail(msg):
    print("FAIL: " + msg); sys.exit(1)

def lv(s):  # §9.1: 4-byte big-endian length followed by the UTF-8 bytes
    b = s.encode("utf-8"); return len(b).to_bytes(4, "big") + b

def leaf_hash(i, e):  # §9.1 / §9.6: leaf hash = SHA-256(0x00 ‖ public fields ‖ c1 ‖ c2 ‖ c3 ‖ c4)
    if e.get("erased") is True:  # §9.5/§9.6: erased entries -> take leafHash as given
        return bytes.fromhex(e["leafHash"])
    data = lv("kartei-audit-v1") + lv(str(e["seq"])) + b"".join(lv(e[f]) for f in PUBLIC)
    for c in COMMITS:
        cb = bytes.fromhex(e["commitments"][c])
        if len(cb) != 32: fail(f"entry {i}: commitment {c} is not 32 bytes")
        data += cb
    return sha256(b"\x00" + data)

def mth(leaves):  # §9.2 / RFC 9162 §2.1.1 Merkle Tree Hash
    n = len(leaves)
    if n == 0: return sha256(b"")
    if n == 1: return leaves[0]  # already SHA-256(0x00 ‖ leaf input)
    k = 1 << ((n - 1).bit_length() - 1)  # largest power of two smaller than n
    return sha256(b"\x01" + mth(leaves[:k]) + mth(leaves[k:]))

def main(d):
    # §9.6 entries.jsonl: one JSON object per leaf, in order; §9.4 (1),(2): seq = position, hashes match.
    leaves = []
    with open(os.path.join(d, "entries.jsonl"), encoding="utf-8") as f:
        for i, line in enumerate(l for l in f.read().split("\n") if l.strip()):
            try:
                e = json.loads(line)
                if type(e.get("seq")) is not int or e["seq"] != i: fail(f"entry {i}: seq is {e.get('seq')!r}, expected {i}")
                h = leaf_hash(i, e)
                if h != bytes.fromhex(e["leafHash"]): fail(f"entry {i}: recomputed leaf hash differs from leafHash")
            except (ValueError, KeyError, TypeError, AttributeError) as x:
                fail(f"entry {i}: malformed ({type(x).__name__}: {x})")
            leaves.append(h)
    # §9.2: audit-key.der is an Ed25519 SubjectPublicKeyInfo; the raw key is its last 32 bytes.
    der_path = os.path.join(d, "audit-key.der")
    der = open(der_path, "rb").read()
    if len(der) != 44 or not der.startswith(bytes.fromhex("302a300506032b6570032100")):
        fail("audit-key.der is not an Ed25519 SubjectPublicKeyInfo")
    readme = open(os.path.join(d, "README.md"), encoding="utf-8").read() if os.path.exists(os.path.join(d, "README.md")) else ""
    m = re.search(r"with origin (\S+)", readme)  # the README names the origin in prose
    origin = m.group(1) if m else None
    cdir = os.path.join(d, "checkpoints")
    names = sorted(n for n in os.listdir(cdir) if n.endswith(".checkpoint"))
    last = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            text = open(os.path.join(cdir, name), "rb").read().decode("utf-8")
            # §9.2 / C2SP signed-note: body (origin, size, root; each ending in \n), blank line, signature lines.
            body, sep, sigs = text.partition("\n\n")
            lines = body.split("\n")
            if not sep or len(lines) != 3: fail(f"{name}: not a three-line signed note")
            body += "\n"
            org, size_s, root_b64 = lines
            origin = origin or org
            if org != origin: fail(f"{name}: origin {org!r}, expected {origin!r}")
            if not re.fullmatch(r"0|[1-9][0-9]*", size_s): fail(f"{name}: bad size line {size_s!r}")
            size = int(size_s); last = max(last, size)
            if name[:-len(".checkpoint")].isdigit() and int(name[:-len(".checkpoint")]) != size:
                fail(f"{name}: file name does not match size {size}")  # §9.6 checkpoints/<size>.checkpoint
            if size > len(leaves): fail(f"{name}: size {size} but only {len(leaves)} entries")
            # §9.4 (4): root of the first `size` leaves equals the checkpoint's root.
            if base64.b64decode(root_b64, validate=True) != mth(leaves[:size]): fail(f"{name}: root hash mismatch")
            # §9.2: key name = origin; key id = SHA-256(key name ‖ \n ‖ 0x01 ‖ public key)[:4].
            key_id = sha256(org.encode() + b"\n\x01" + der[-32:])[:4]
            good = 0
            for sl in sigs.rstrip("\n").split("\n"):
                m = re.fullmatch(r"\u2014 (\S+) (\S+)", sl)
                if not m: fail(f"{name}: malformed signature line {sl!r}")
                blob = base64.b64decode(m.group(2), validate=True)
                if m.group(1) != org or blob[:4] != key_id: continue  # other keys: ignored (C2SP)
                if len(blob) != 68: fail(f"{name}: signature is not 4 + 64 bytes")
                open(os.path.join(tmp, "body.txt"), "wb").write(body.encode("utf-8"))
                open(os.path.join(tmp, "sig.bin"), "wb").write(blob[4:])
                r = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", der_path,
                                    "-rawin", "-in", os.path.join(tmp, "body.txt"), "-sigfile", os.path.join(tmp, "sig.bin")],
                                   capture_output=True)
                if r.returncode != 0: fail(f"{name}: Ed25519 signature does not verify")
                good += 1
            if good == 0: fail(f"{name}: no signature by the audit key (key name {org}, key id {key_id.hex()})")
    if not names: fail("no checkpoints")
    # README section 3: the newest checkpoint covers every exported entry; more means the file grew.
    if last < len(leaves): fail(f"entry {last}: not covered by any checkpoint (entries {last}..{len(leaves) - 1})")
    print(f"OK: {len(leaves)} entries, {len(names)} checkpoints")

if __name__ == "__main__":
    if len(sys.argv) != 2: sys.exit(__doc__)
    try:
        main(sys.argv[1])
    except (OSError, UnicodeDecodeError, ValueError) as x:
        fail(f"{type(x).__name__}: {x}")
