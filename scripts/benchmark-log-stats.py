#!/usr/bin/env python3
# Mean, median and p95 per case from a BenchmarkDotNet log (its single-operation "WorkloadActual" lines), all
# iterations and with upper outliers removed (Tukey fence) as BenchmarkDotNet does: for runs that stop before its summary.
#   python3 scripts/benchmark-log-stats.py bench.log
import re, statistics, sys
name=None; data={}
for line in open(sys.argv[1]):
    m=re.match(r"// Benchmark: \w+\.'(.*?)'.*\[Products=(\d+), Provider=(\w+)\]",line)
    if m: name=(m.group(1),int(m.group(2)),m.group(3)); data[name]=[]; continue
    m=re.match(r"WorkloadActual\s+\d+: 1 op, ([\d.]+) ns",line)
    if m and name: data[name].append(float(m.group(1))/1e6)
def pct(s,p):
    # linear interpolation as BenchmarkDotNet
    k=(len(s)-1)*p; f=int(k); c=min(f+1,len(s)-1); return s[f]+(s[c]-s[f])*(k-f)
for k,v in data.items():
    if not v: continue
    s=sorted(v); q1=pct(s,.25); q3=pct(s,.75); up=q3+1.5*(q3-q1)
    t=[x for x in s if x<=up]
    print(k, "all %d: mean %.2f p50 %.2f p95 %.2f max %.2f | BDN (upper outliers removed, %d): mean %.2f p50 %.2f p95 %.2f"%(len(s),statistics.mean(s),pct(s,.5),pct(s,.95),s[-1],len(t),statistics.mean(t),pct(t,.5),pct(t,.95)))
