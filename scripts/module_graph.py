"""Prints the module import graph of a crate's src (from `crate::` and
`super::` paths in code, comments stripped) and any cycle in it; exits 1
when there is one.

    python3 scripts/module_graph.py crates/chorus/src [DEPTH] [--no-tests]

DEPTH 1 (the default) is the stages; 2 the modules inside them."""
import os, re, sys
src = sys.argv[1]
depth = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 1
no_tests = '--no-tests' in sys.argv
def modpath(path):
    rel = os.path.relpath(path, src)[:-3].split(os.sep)
    if rel[-1] in ('mod', 'lib'): rel = rel[:-1]
    return tuple(rel)
files = [os.path.join(r, f) for r, _, fs in os.walk(src) for f in fs if f.endswith('.rs')]
known = {modpath(p) for p in files}
def strip(text):
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    text = '\n'.join(re.sub(r'//.*', '', l) for l in text.split('\n'))
    if no_tests:
        i = text.find('#[cfg(test)]\nmod tests')
        if i >= 0: text = text[:i]
    return text
def owner(path):
    """Longest prefix of `path` that is a module file."""
    for n in range(len(path), 0, -1):
        if path[:n] in known: return path[:n]
    return None
edges = {}
for p in files:
    me = modpath(p)
    if not me: continue
    for m in re.finditer(r'\b(crate|(?:super::)+)(\{|(?:::)?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*)', strip(open(p).read())):
        head, rest = m.group(1), [s for s in m.group(2).split('::') if s and s != '{']
        if head == 'crate': target = tuple(rest)
        else:
            ups = head.count('super')
            # inline `mod tests` adds one level inside the file
            base = me[:max(len(me) - ups, 0)]
            target = base + tuple(rest)
        t = owner(target)
        if t is None: continue
        a, b = me[:depth], t[:depth]
        if a != b and b: edges.setdefault(a, set()).add(b)
for a in sorted(edges):
    print('::'.join(a), '->', ', '.join(sorted('::'.join(b) for b in edges[a])))
state, cycles = {}, []
def dfs(n, stack):
    state[n] = 1; stack.append(n)
    for m in sorted(edges.get(n, ())):
        if state.get(m) == 1: cycles.append(stack[stack.index(m):] + [m])
        elif not state.get(m): dfs(m, stack)
    stack.pop(); state[n] = 2
for n in sorted(edges):
    if not state.get(n): dfs(n, [])
print('cycles:', ['  ' + ' -> '.join('::'.join(x) for x in c) for c in cycles] or 'none')
sys.exit(1 if cycles else 0)
