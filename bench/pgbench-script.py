#!/usr/bin/env python3
"""pgbench-script.py LOG OFFSET DB SCRIPT ARGS [PIDS]: turns the statements one request ran, as PostgreSQL
logged them with log_min_duration_statement=0, into a pgbench custom script.

Reads LOG from byte OFFSET on, keeps the statements PostgreSQL executed for database DB (the
default Debian log_line_prefix '%m [%p] %q%u@%d ' names it; without a database in the prefix every
statement in the window is kept) and, if PIDS (comma-separated) is given, only those of these
backend processes (the server's own connections), in the order they finished, and writes:
- SCRIPT: one statement per command, each $n replaced by a pgbench variable :s<i>_<n> (NULLs
  written in place), so that `pgbench -M prepared` sends the values as bind parameters, as the
  server did;
- ARGS: the matching `-D s<i>_<n>=value` arguments, NUL-separated (`mapfile -d ''` reads them).
Prints the number of statements. Exits 3 when it finds none or one pgbench cannot express.
"""
import re
import sys

log_path, offset, db, script_path, args_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
pids = set(p for p in (sys.argv[6] if len(sys.argv) > 6 else '').split(',') if p)

with open(log_path, 'rb') as f:
    f.seek(offset)
    text = f.read().decode('utf-8', 'replace')

# A record starts with the prefix: a timestamp, then "[pid]"; continuation lines start with a tab.
head = re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (.*?)(LOG|DETAIL|ERROR|STATEMENT|HINT|CONTEXT|WARNING|FATAL):  (.*)$')
records = []  # (pid, prefix rest, severity, message)
for line in text.split('\n'):
    m = head.match(line)
    if m:
        records.append([m.group(1), m.group(2), m.group(3), m.group(4)])
    elif line.startswith('\t') and records:
        records[-1][3] += '\n' + line[1:]

named_db = any('@' in r[1] for r in records)
executed = re.compile(r'^duration: [0-9.]+ ms  (?:execute [^:]*|statement): (.*)$', re.S)
value = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
statements = []  # [sql, {n: value or None}], per pid the last one waits for its DETAIL
last_by_pid = {}
for pid, prefix, severity, message in records:
    if (named_db and not prefix.rstrip().endswith('@' + db)) or (pids and pid not in pids):
        continue
    if severity == 'LOG':
        m = executed.match(message)
        if m:
            entry = [m.group(1).strip(), {}]
            statements.append(entry)
            last_by_pid[pid] = entry
        else:
            last_by_pid.pop(pid, None)
    elif severity == 'DETAIL' and message.startswith('parameters: ') and pid in last_by_pid:
        for n, v in value.findall(message):
            last_by_pid[pid][1][int(n)] = None if v == 'NULL' else v[1:-1].replace("''", "'")
        last_by_pid.pop(pid)

if not statements:
    print('pgbench-script.py: no executed statements for %s in %s after byte %d' % (db, log_path, offset), file=sys.stderr)
    sys.exit(3)

placeholder = re.compile(r'\$(\d+)')
script, args = [], []
for i, (sql, params) in enumerate(statements, 1):
    # pgbench reads ":name" as a variable everywhere (it skips "::" casts only)
    if re.search(r'(?<!:):[A-Za-z_]', sql):
        print('pgbench-script.py: statement %d has a ":name" pgbench would take for a variable:\n%s' % (i, sql), file=sys.stderr)
        sys.exit(3)

    def bind(m, i=i, params=params):
        n = int(m.group(1))
        if n not in params:
            print('pgbench-script.py: statement %d has no logged value for $%d' % (i, n), file=sys.stderr)
            sys.exit(3)
        if params[n] is None:
            return 'NULL'
        return ':s%d_%d' % (i, n)
    script.append(placeholder.sub(bind, sql).rstrip().rstrip(';') + ';')
    for n, v in sorted(params.items()):
        if v is not None:
            args += ['-D', 's%d_%d=%s' % (i, n, v)]

with open(script_path, 'w') as f:
    f.write('-- The statements of one request, captured from PostgreSQL\'s log (bench/engines.sh),\n')
    f.write('-- in the order they finished; values bound as in the request (pgbench -D).\n\n')
    f.write('\n\n'.join(script) + '\n')
with open(args_path, 'wb') as f:
    f.write(b''.join(a.encode() + b'\0' for a in args))
print(len(statements))
