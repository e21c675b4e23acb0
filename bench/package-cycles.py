#!/usr/bin/env python3
# Counts dependency cycles between the top-level packages under io.handoff (issue 19): jdeps on the compiled
# classes, grouped by top-level package, strongly connected components by Tarjan.
#   ./mvnw -q -DskipTests compile && python3 bench/package-cycles.py target/classes
# With --deps it also prints, per package (subpackages apart), the Handoff packages it uses: what each
# package-info.java under src/main/java/io/handoff says it uses.
import re, subprocess, sys
from collections import defaultdict
cls=[a for a in sys.argv[1:] if not a.startswith("--")][0]
deps=defaultdict(set)
out=subprocess.run(["jdeps","-verbose:package","-filter:none",cls],capture_output=True,text=True).stdout
g=defaultdict(set); cur=None
for line in out.splitlines():
    m=re.match(r"\s+(io\.handoff[\w.]*)\s+->\s+(io\.handoff[\w.]*)\s",line)
    if m:
        a,b=m.group(1),m.group(2)
        if a!=b: deps[a].add(b)
        # top-level package under io.handoff
        def top(p):
            parts=p.split('.')
            return '.'.join(parts[:3]) if len(parts)>2 else p
        ta,tb=top(a),top(b)
        if ta!=tb: g[ta].add(tb)
        g[ta]
nodes=sorted(set(g)|{x for v in g.values() for x in v})
idx={};low={};st=[];on=set();sccs=[];i=[0]
sys.setrecursionlimit(10000)
def sc(v):
    idx[v]=low[v]=i[0];i[0]+=1;st.append(v);on.add(v)
    for w in g[v]:
        if w not in idx: sc(w);low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],idx[w])
    if low[v]==idx[v]:
        c=[]
        while True:
            w=st.pop();on.discard(w);c.append(w)
            if w==v:break
        sccs.append(c)
for v in nodes:
    if v not in idx: sc(v)
big=[c for c in sccs if len(c)>1]
print("top-level packages:",len(nodes))
for c in big: print("cycle of",len(c),":",sorted(x.split('.')[-1] for x in c))
if "--deps" in sys.argv:
    for a in sorted(deps): print(a,"->"," ".join(sorted(x.replace("io.handoff.","") for x in deps[a])))
