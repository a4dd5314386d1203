"""Prints the JSON-LD items of an HTML page, as extruct (an extractor independent of Rapport's
code, the one search-engine tooling uses) finds them: a JSON list on stdout.

Usage: python3 jsonld_extract.py PAGE.html URL
"""
import json
import sys

import extruct

with open(sys.argv[1], encoding="utf-8") as page:
    html = page.read()
data = extruct.extract(html, base_url=sys.argv[2], syntaxes=["json-ld"], uniform=True)
print(json.dumps(data["json-ld"]))
