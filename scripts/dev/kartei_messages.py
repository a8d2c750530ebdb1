"""Reading and writing kartei's message resources (shared by scripts/catalogue-to-po and
scripts/dev/add-messages).

Layout (docs/TRANSLATING.md): Sources/KarteiMessages/Resources/
  po/de/<domain>.po          msgctxt = the MessageKey, msgid = English, msgstr = German
  texts/<language>/<key>.txt long texts (help discussions, letters, the audit export README):
                             the text followed by one line break
The domain of a key is the `// MARK: <domain> — …` section of MessageKey.swift it stands in.
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
MESSAGES = ROOT / "Sources/KarteiMessages"
KEYS_FILE = MESSAGES / "MessageKey.swift"
RESOURCES = MESSAGES / "Resources"
LANGUAGES = ("de", "en")
WIDTH = 79  # gettext's (and Poedit's) line width, so that a translator's tool rewraps nothing
MAX_PO_LINES = 5  # a text with more lines goes to a file of its own

# What each placeholder holds, for the translator (#. comments). Message arguments never carry
# personal data, except in letters and the Art. 15 report, which are written to the person.
PLACEHOLDERS = {
    "a": "number of members whose oldest debt is 0–2 months",
    "b": "number of members whose oldest debt is 3–5 months",
    "c": "number of members whose oldest debt is 6–11 months",
    "d": "number of members whose oldest debt is 12 months or more",
    "actor": "who acted: a role and district, e.g. \"district officer Leipzig\" (no names)",
    "age": "an age in years, e.g. 14",
    "amount": "an amount in euro as kartei prints it, e.g. 1.200,00 €",
    "anonymous": "an amount in euro (the anonymous donations)",
    "arrears": "an amount in euro",
    "association": "the name of the state association",
    "attempts": "a number of failed attempts",
    "balance": "an amount in euro",
    "body": "the name of a body (board, commission, council)",
    "branch": "the name of a local branch as typed",
    "checkpoints": "a number of checkpoints",
    "code": "a Unicode code point, e.g. U+202E",
    "column": "a column number in a CSV file",
    "content": "a number of log entries that still have their content",
    "count": "a number; it chooses the plural form",
    "current": "a number of log entries",
    "cutoff": "a date (YYYY-MM-DD)",
    "date": "a date as kartei prints it",
    "default": "the default value (a number)",
    "detail": "technical detail in English (not translated)",
    "dir": "a directory path",
    "district": "the name of a district, e.g. Leipzig",
    "domain": "an internet domain, e.g. canary.example.org",
    "donors": "a number of donors",
    "earlier": "a file name",
    "entries": "a number of log entries",
    "entry": "the entry date",
    "env": "the path of an environment file",
    "erased": "a number of log entries whose content was erased",
    "event": "a member event, e.g. resign",
    "exit": "the exit date",
    "expected": "a number of fields",
    "field": "the name of a field or column",
    "file": "a file name or path",
    "files": "a list of file paths, one per line",
    "finding": "technical detail in English (not translated)",
    "fingerprint": "a SHA-256 fingerprint in hex",
    "folder": "a folder path",
    "frame": "a frame number in the WAL file",
    "frames": "a number of WAL frames",
    "from": "an amount or a date",
    "holders": "a number of key holders",
    "id": "the number of a record (user, key holder, export, donation, body …)",
    "inArrears": "a number of members in arrears",
    "index": "the number of a log entry",
    "kind": "a kind or type, as a code word",
    "last": "a date",
    "limit": "a number (a limit)",
    "line": "a line number in a file",
    "maximum": "an amount in euro",
    "member": "a member number, e.g. 100734, or the #id of a pending entry",
    "members": "a number of members or people",
    "minimum": "a number of characters",
    "month": "a month, e.g. 03.2026",
    "months": "a number of months",
    "name": "a name (see the message)",
    "next": "a date",
    "number": "a member number, e.g. 100734",
    "numbers": "a list of member numbers",
    "oids": "a list of technical identifiers (OIDs)",
    "oldest": "a number of months",
    "operation": "what was attempted, e.g. \"read members\" (another message)",
    "option": "a command-line option, e.g. --passphrase-file FILE",
    "origin": "the vault's log origin (technical identifier)",
    "original": "the number of a donation",
    "other": "another line or column number",
    "owed": "an amount in euro",
    "page": "a page number",
    "pages": "a number of pages",
    "paid": "an amount in euro",
    "partner": "the name of a partner state association",
    "path": "a file path",
    "previous": "a member number",
    "problem": "a description of the problem (another message)",
    "purpose": "an export purpose (a code word)",
    "reason": "a reason (free text or technical detail)",
    "recipient": "the recipient as recorded (free text)",
    "reference": "a member number or #id as typed",
    "replacement": "the number of a donation",
    "role": "a role (another message, e.g. \"treasurer\")",
    "seed": "a number (the generator's seed)",
    "seen": "a number of log entries",
    "serial": "a certificate serial number in hex",
    "shown": "a number of matches",
    "size": "a number of log entries",
    "start": "a date",
    "status": "a member status, e.g. active",
    "step": "the name of a benchmark step (English)",
    "supported": "a format number",
    "target": "what the access was about (another message)",
    "text": "the text typed",
    "threshold": "a number of people",
    "time": "a date and time",
    "title": "the title of an office",
    "total": "a number or an amount (see the message)",
    "until": "a date",
    "value": "the value typed",
    "variable": "an environment variable, e.g. KARTEI_PASSPHRASE_FILE",
    "vault": "the start of the vault id (hex)",
    "version": "a version number",
    "wal": "the path of the WAL file",
    "what": "what does not verify (another message)",
    "why": "why (another message)",
    "year": "a year, e.g. 2026",
    "years": "a number of years",
    "zone": "a time zone, e.g. Europe/Berlin",
}
# Where one name means different things, the key decides.
PLACEHOLDERS_BY_KEY = {
    ("coreUnknownStoredValue", "table"): "a table of the vault's database, e.g. personVersion (not translated)",
    ("coreUnknownStoredValue", "column"): "a column of that table, e.g. status (not translated)",
    ("reportTitle", "name"): "the person's name (the report goes to the person)",
    ("letterEntry", "name"): "the member's name (the letter goes to them)",
    ("letterResignation", "name"): "the member's name (the letter goes to them)",
    ("letterDeath", "name"): "the deceased member's name (the letter goes to the family)",
    ("mandateAdded", "name"): "the body of the mandate, e.g. Stadtrat Leipzig",
    ("problemMissingColumn", "name"): "a column name",
    ("problemColumnTwice", "name"): "a column name",
    ("coreTransferPartnerExpired", "name"): "the name of a partner state association",
    ("coreTransferPartnerNotFound", "name"): "the name of a partner state association",
    ("coreTransferPartnerExists", "name"): "the name of a partner state association",
    ("transferPartnerAdded", "name"): "the name of a partner state association",
}
NEEDS_DESCRIPTION = "(describe what it holds)"


def placeholders(text):
    """The placeholder names of a template, in order of first appearance."""
    seen = []
    for name in re.findall(r"\{([^{}]*)\}", text):
        if name not in seen:
            seen.append(name)
    return seen


def describe(key, name):
    return PLACEHOLDERS_BY_KEY.get((key, name)) or PLACEHOLDERS.get(name) or NEEDS_DESCRIPTION


def domains_of_keys(keys_file=KEYS_FILE):
    """{key: domain} and the domains in file order, from the MARK sections of MessageKey.swift."""
    domain, result, order, titles = None, {}, [], {}
    for number, line in enumerate(keys_file.read_text(encoding="utf-8").splitlines(), 1):
        mark = re.match(r"\s*// MARK: ([a-z]+) — (.*)$", line)
        if mark:
            domain = mark.group(1)
            order.append(domain)
            titles[domain] = mark.group(2)
            continue
        case = re.match(r"\s*case (.+)$", line)
        if case:
            if domain is None:
                raise SystemExit(f"{keys_file}:{number}: a key before the first `// MARK: <domain> — …`")
            for key in case.group(1).split(","):
                result[key.strip()] = domain
    return result, order, titles


def is_long(key, texts):
    """Help discussions and texts of more than MAX_PO_LINES lines live in files of their own."""
    return (key.startswith("help") and key.endswith("Discussion")) or any(
        text.count("\n") + 1 > MAX_PO_LINES for text in texts)


def existing_keys(resources=RESOURCES):
    """Keys that already have a text: msgctxt of every PO file, names of every text file."""
    keys = set()
    for po in sorted((resources / "po").glob("*/*.po")):
        for line in po.read_text(encoding="utf-8").splitlines():
            match = re.match(r'msgctxt "(.*)"$', line)
            if match:
                keys.add(match.group(1))
    for text in (resources / "texts").glob("*/*.txt"):
        keys.add(text.stem)
    return keys


# ---- writing --------------------------------------------------------------------------------

def _escape(text):
    for ch in text:
        if ord(ch) < 0x20 and ch not in "\n\t":
            raise SystemExit(f"control character U+{ord(ch):04X} in {text!r}")
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")


def _wrap(piece):
    """Splits an escaped piece into chunks that fit in WIDTH with their quotes, after spaces."""
    chunks, rest = [], piece
    while len(rest) + 2 > WIDTH:
        cut = rest.rfind(" ", 0, WIDTH - 2)
        if cut <= 0:
            break
        chunks.append(rest[:cut + 1])
        rest = rest[cut + 1:]
    chunks.append(rest)
    return chunks


def po_string(keyword, text):
    """`keyword "text"`, wrapped as gettext does: after each line break and at spaces."""
    escaped = _escape(text)
    single = f'{keyword} "{escaped}"'
    if "\\n" not in escaped[:-2] and len(single) <= WIDTH:
        return single
    lines = [f'{keyword} ""']
    pieces = re.findall(r".*?\\n|.+$", escaped)
    for piece in pieces:
        lines += [f'"{chunk}"' for chunk in _wrap(piece)]
    return "\n".join(lines)


def po_header(domain, title):
    return "\n".join([
        f"# kartei messages, domain {domain}: {title}.",
        "# English is the source (msgid), German the translation (msgstr); msgctxt is the message key",
        "# (Sources/KarteiMessages/MessageKey.swift). How to translate: docs/TRANSLATING.md.",
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: kartei\\n"',
        '"PO-Revision-Date: 2026-12-05 12:00+0000\\n"',
        '"Last-Translator: kartei project\\n"',
        '"Language-Team: German\\n"',
        '"Language: de\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
    ]) + "\n"


def po_entry(key, german, english):
    lines = [f"#. {{{name}}}: {describe(key, name)}" for name in placeholders(english)]
    lines += [po_string("msgctxt", key), po_string("msgid", english), po_string("msgstr", german)]
    return "\n".join(lines) + "\n"


def write(entries, keys_file=KEYS_FILE, resources=RESOURCES, dry_run=False):
    """Writes (key, german, english) for keys that have no text yet; returns what was written."""
    domains, order, titles = domains_of_keys(keys_file)
    have = existing_keys(resources)
    written, missing_domain, undescribed = [], [], []
    by_domain = {}
    for key, german, english in entries:
        if key in have:
            continue
        if key not in domains:
            missing_domain.append(key)
            continue
        for name in placeholders(english):
            if describe(key, name) == NEEDS_DESCRIPTION:
                undescribed.append(f"{key}: {{{name}}}")
        if is_long(key, (german, english)):
            for language, text in (("de", german), ("en", english)):
                path = resources / "texts" / language / f"{key}.txt"
                written.append(str(path.relative_to(ROOT)))
                if not dry_run:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(text + "\n", encoding="utf-8")
        else:
            by_domain.setdefault(domains[key], []).append(po_entry(key, german, english))
            written.append(f"{key} -> po/de/{domains[key]}.po")
    if missing_domain:
        raise SystemExit("not in any MARK section of MessageKey.swift (add them there first): "
                         + ", ".join(missing_domain))
    for domain in order:
        if domain not in by_domain:
            continue
        path = resources / "po" / "de" / f"{domain}.po"
        if not dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            old = path.read_text(encoding="utf-8") if path.exists() else po_header(domain, titles[domain])
            path.write_text(old + "".join("\n" + entry for entry in by_domain[domain]), encoding="utf-8")
    return written, undescribed
