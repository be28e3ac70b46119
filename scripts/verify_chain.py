#!/usr/bin/env python3
"""Check a Rollout Control Room journal export without the app: Python 3 standard library only.

Recomputes every record's hash exactly as docs/journal-format.md defines it,
    hash = hex(SHA-256(ASCII(prevHash) || UTF-8(canonical))),
checks that ids run 1, 2, 3 ... and that each prevHash is the hash before it (genesis: 64 zeros),
and that the last record is the head the header names and, inside a bag, the head bag-info.txt names.
Signatures are checked with openssl as docs/journal-format.md shows (Ed25519 is not in the standard library).

Usage: python3 verify_chain.py [BAG_FOLDER | journal.jsonl] [--expect ID:HASH]
With no argument it checks the bag this script sits in. Exit 0 when the chain holds, 1 with the reason.
"""
import hashlib
import json
import os
import sys


def fail(message):
    print("NOT VERIFIED: " + message)
    sys.exit(1)


def bag_info_head(bag):
    fields = {}
    with open(os.path.join(bag, "bag-info.txt"), encoding="utf-8") as info:
        for line in info:
            label, _, value = line.partition(":")
            fields.setdefault(label.strip(), value.strip())
    return fields.get("Journal-Head-Id"), fields.get("Journal-Head-Hash")


def main(args):
    expect = args[args.index("--expect") + 1].split(":", 1) if "--expect" in args else None
    paths = [a for i, a in enumerate(args) if a != "--expect" and (i == 0 or args[i - 1] != "--expect")]
    target = paths[0] if paths else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bag = target if os.path.isdir(target) else None
    export = os.path.join(bag, "data", "journal", "journal.jsonl") if bag else target

    with open(export, encoding="utf-8") as lines:
        header = json.loads(lines.readline())["journal"]
        previous, count = "0" * 64, 0
        for number, line in enumerate(lines, start=2):
            record = json.loads(line)
            count += 1
            where = "line %d (record %s)" % (number, record.get("id"))
            if record["id"] != count:
                fail(where + ": expected record %d; records are missing or reordered" % count)
            if record["prevHash"] != previous:
                fail(where + ": its prevHash is not the previous record's hash")
            digest = hashlib.sha256(previous.encode("ascii") + record["canonical"].encode("utf-8")).hexdigest()
            if digest != record["hash"]:
                fail(where + ": its hash does not match its canonical text; the record was changed")
            if json.loads(record["canonical"]).get("id") != str(count):
                fail(where + ": its canonical text names another record id")
            previous = digest

    heads = [("the export's header", str(header["head"]["id"]), header["head"]["hash"])]
    if bag:
        heads.append(("bag-info.txt",) + bag_info_head(bag))
    if expect:
        heads.append(("--expect", expect[0], expect[1]))
    for source, head_id, head_hash in heads:
        if (head_id, head_hash) != (str(count), previous):
            fail("%s names head %s:%s, but the chain ends at %d:%s" % (source, head_id, head_hash, count, previous))
    print("chain verified: %d records, head %d:%s" % (count, count, previous))
    print("heads compared: " + ", ".join(source for source, _, _ in heads))


if __name__ == "__main__":
    main(sys.argv[1:])
