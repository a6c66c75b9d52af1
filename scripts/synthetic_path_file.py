#!/usr/bin/env python3
"""A synthetic file the size of ChannelAttribution's PathData, for timing and
trying `journeysim attribute --paths`: 120,000 customers walk a random
first-order chain over 12 channels (fixed seed), aggregated to their ~12,400
distinct paths in ChannelAttribution's `;`-separated format.

    scripts/synthetic_path_file.py > pathdata12.csv
    journeysim attribute --paths pathdata12.csv --models all
"""
import random
import sys
rng = random.Random(22)
ch = ["alpha","beta","gamma","delta","epsilon","zeta","eta","theta","iota","kappa","lambda","mu"]
n = len(ch)
start = [rng.random()**2 for _ in ch]
trans = [[rng.random()**3 for _ in ch] for _ in ch]
conv = [0.02 + 0.10*rng.random() for _ in ch]
stop = [0.25 + 0.3*rng.random() for _ in ch]
val = [20 + 80*rng.random() for _ in ch]
agg = {}
for _ in range(120000):
    c = rng.choices(range(n), start)[0]
    path = [c]
    while True:
        if rng.random() < conv[c]:
            key = tuple(path); a = agg.setdefault(key, [0, 0.0, 0]); a[0] += 1; a[1] += rng.expovariate(1/val[c]); break
        if rng.random() < stop[c] or len(path) >= 30:
            key = tuple(path); a = agg.setdefault(key, [0, 0.0, 0]); a[2] += 1; break
        c = rng.choices(range(n), trans[c])[0]
        path.append(c)
rows = sorted(agg.items(), key=lambda kv: -(kv[1][0]+kv[1][2]))
out = sys.stdout
out.write("path;total_conversions;total_conversion_value;total_null\n")
for k, (c, v, u) in rows:
    out.write("%s;%d;%.2f;%d\n" % (" > ".join(ch[i] for i in k), c, v, u))
