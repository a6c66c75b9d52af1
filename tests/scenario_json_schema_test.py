#!/usr/bin/env python3
"""`journeysim schema`: every example scenario and every `init` output
validates against it; unknown keys, unknown params and unknown `on` events do
not. Usage: scenario_json_schema_test.py <journeysim> <source dir>"""
import glob
import json
import subprocess
import sys
import tomllib

import jsonschema

journeysim, source = sys.argv[1], sys.argv[2]
failures = []


def run(*args):
    return subprocess.run([journeysim, *args], check=True, capture_output=True, text=True).stdout


schema = json.loads(run("schema"))
if schema["$schema"] != "http://json-schema.org/draft-07/schema#":
    failures.append(f"expected draft-07 (what Taplo reads), got {schema['$schema']}")
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)


def errors(document):
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(document)]


def expect_valid(label, document):
    found = errors(document)
    if found:
        failures.append(f"{label} should validate: {found[:3]}")


def expect_invalid(label, document, needle):
    found = errors(document)
    if not any(needle in e for e in found):
        failures.append(f"{label} should fail mentioning {needle!r}, got {found[:3]}")


examples = sorted(glob.glob(f"{source}/scenarios/*.toml"))
if len(examples) < 10:
    failures.append(f"expected the example scenarios, found {examples}")
for path in examples:
    with open(path, "rb") as f:
        expect_valid(path, tomllib.load(f))

types = ["purchase", "lead_generation", "engagement", "retention", "onboarding"]
starters = {t: tomllib.loads(run("init", "--type", t)) for t in types}
for t, document in starters.items():
    expect_valid(f"init --type {t}", document)

with open(f"{source}/scenarios/store-launch.toml", "rb") as f:
    store = tomllib.load(f)

typo = json.loads(json.dumps(store))
typo["journey"]["horizon_dayz"] = 30
expect_invalid("an unknown [journey] key", typo, "'horizon_dayz' was unexpected")

typo = json.loads(json.dumps(store))
typo["touchpoints"]["checkout"]["params"]["stepz"] = 3
expect_invalid("an unknown checkout param", typo, "'stepz' was unexpected")

typo = json.loads(json.dumps(store))
typo["touchpoints"]["checkout"]["params"]["steps"] = 40
expect_invalid("a checkout param above its range", typo, "40 is greater than the maximum of 12")

typo = json.loads(json.dumps(store))
typo["touchpoints"]["checkout"]["on"] = {"abandonned": "cart_abandoned"}
expect_invalid("an event the checkout does not have", typo, "'abandonned' is not one of")

typo = json.loads(json.dumps(starters["purchase"]))
typo["steps"]["wait_4h"]["branches"] = [{"to": "reminder"}]
expect_invalid("a split's key on a wait step", typo, "'branches' was unexpected")

missing = json.loads(json.dumps(starters["purchase"]))
del missing["journey"]["stages"]
expect_invalid("a complete file without journey.stages", missing, "'stages' is a required")

variant = {"extends": "store-launch.toml", "touchpoints": {"checkout": {"params": {"steps": 3}}}}
expect_valid("a variant changing one param", variant)

# Issue 18's calendar keys, as tomllib reads them (start is a datetime).
with open(f"{source}/tests/data/loader/calendar_acceptance.toml", "rb") as f:
    calendar = tomllib.load(f)
expect_valid("the calendar keys (tests/data/loader/calendar_acceptance.toml)", calendar)

typo = json.loads(json.dumps(store))
typo["touchpoints"]["checkout"]["window"] = {"hours": "25:00-26:00"}
expect_invalid("a window past the end of the day", typo, "does not match")

typo = json.loads(json.dumps(store))
typo["arrivals"] = {"pattern": "poisson", "per_hours": 24}
expect_invalid("an unknown [arrivals] key", typo, "'per_hours' was unexpected")

typo = json.loads(json.dumps(store))
typo["policies"] = {"frequency_cap": {"messages": 0, "per": "7d", "channels": ["email"]}}
expect_invalid("a cap of zero messages", typo, "is not valid under any of the given schemas")

for failure in failures:
    print("FAIL:", failure)
print(f"{len(examples)} scenarios, {len(starters)} starters checked; {len(failures)} failures")
sys.exit(1 if failures else 0)
