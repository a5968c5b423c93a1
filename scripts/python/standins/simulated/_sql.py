"""The simulated database's SQL: src/sandbox/services/pg-sql.ts in Python (the same statements;
see that file and SERVICES.md for exactly what is understood)."""

import re


class SqlError(Exception):
    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


_tables = {}

_TOKEN = re.compile(r"\s*(\$\d+|\d+(?:\.\d+)?|'(?:[^']|'')*'|[A-Za-z_][\w.]*|<>|!=|<=|>=|[(),*=<>;])")


def _unsupported(sql):
    raise SqlError("PostgresSyntaxError", f"the simulated database does not understand: {sql.strip()}")


def _tokenize(sql):
    out = []
    pos = 0
    while True:
        m = _TOKEN.match(sql, pos)
        if not m:
            break
        out.append(m.group(1))
        pos = m.end()
    if sql[pos:].strip():
        _unsupported(sql)
    return [t for t in out if t != ";"]


class _Parser:
    def __init__(self, sql, args):
        self.t = _tokenize(sql)
        self.i = 0
        self.sql = sql
        self.args = args

    def peek(self, k=0):
        j = self.i + k
        return self.t[j].upper() if j < len(self.t) else ""

    def next(self):
        if self.i >= len(self.t):
            _unsupported(self.sql)
        v = self.t[self.i]
        self.i += 1
        return v

    def accept(self, word):
        if self.peek() != word:
            return False
        self.i += 1
        return True

    def expect(self, word):
        if not self.accept(word):
            _unsupported(self.sql)

    def end(self):
        if self.i < len(self.t):
            _unsupported(self.sql)

    def ident(self):
        v = self.next()
        if not re.match(r"[A-Za-z_]", v):
            _unsupported(self.sql)
        return v.lower()

    def value(self):
        v = self.next()
        if v.startswith("$"):
            n = int(v[1:])
            if n < 1 or n > len(self.args):
                raise SqlError("PostgresSyntaxError", f"there is no parameter {v}")
            return self.args[n - 1]
        if v.startswith("'"):
            return v[1:-1].replace("''", "'")
        if v[0].isdigit():
            return float(v) if "." in v else int(v)
        u = v.upper()
        if u == "TRUE":
            return True
        if u == "FALSE":
            return False
        if u == "NULL":
            return None
        _unsupported(self.sql)

    def list(self, item):
        self.expect("(")
        out = [item()]
        while self.accept(","):
            out.append(item())
        self.expect(")")
        return out


class _Table:
    def __init__(self, columns):
        self.columns = columns  # [(name, serial, unique)]
        self.rows = []
        self.next = 1


def _table(name):
    t = _tables.get(name)
    if t is None:
        raise SqlError("UndefinedTableError", f'relation "{name}" does not exist')
    return t


def _no_column(c):
    raise SqlError("UndefinedColumnError", f'column "{c}" does not exist')


_OPS = {
    "=": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<>": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def _where(p):
    if not p.accept("WHERE"):
        return lambda row: True
    preds = []
    while True:
        col = p.ident()
        op = _OPS.get(p.next())
        if op is None:
            _unsupported(p.sql)
        v = p.value()
        preds.append(lambda row, col=col, op=op, v=v: row.get(col) is not None and op(row.get(col), v))
        if not p.accept("AND"):
            break
    return lambda row: all(f(row) for f in preds)


def _project(p, t):
    if p.accept("*"):
        return lambda rows: [dict(r) for r in rows]
    cols = [p.ident()]
    while p.accept(","):
        cols.append(p.ident())
    if t is not None:
        for c in cols:
            if not any(x[0] == c for x in t.columns):
                _no_column(c)
    return lambda rows: [{c: r.get(c) for c in cols} for r in rows]


def _returning(p, t):
    return _project(p, t) if p.accept("RETURNING") else (lambda rows: [])


def _check_unique(t, row, name, except_=None):
    for cname, _serial, unique in t.columns:
        if not unique:
            continue
        if row[cname] is not None and any(r is not except_ and r[cname] == row[cname] for r in t.rows):
            raise SqlError("UniqueViolationError", f'duplicate key value violates unique constraint "{name}_{cname}_key"')


class Outcome:
    def __init__(self, status, rows=(), undo=None, sleep=0):
        self.status = status
        self.rows = list(rows)
        self.undo = undo
        self.sleep = sleep


def execute(sql, args):
    p = _Parser(sql, args)
    verb = p.peek()

    def done(status, rows=(), undo=None, sleep=0):
        p.end()
        return Outcome(status, rows, undo, sleep)

    if p.accept("CREATE"):
        p.expect("TABLE")
        if_not = False
        if p.accept("IF"):
            p.expect("NOT")
            p.expect("EXISTS")
            if_not = True
        name = p.ident()

        def column():
            cname = p.ident()
            type_ = p.ident().upper()
            unique = False
            while p.peek() not in (",", ")"):
                w = p.next().upper()
                if w in ("PRIMARY", "UNIQUE"):
                    unique = True
                if w == "(":
                    while p.next() != ")":
                        pass
            return (cname, type_ in ("SERIAL", "BIGSERIAL"), unique)

        columns = p.list(column)
        if name in _tables:
            if if_not:
                return done("CREATE TABLE")
            raise SqlError("DuplicateTableError", f'relation "{name}" already exists')
        _tables[name] = _Table(columns)
        return done("CREATE TABLE", (), lambda: _tables.pop(name, None))
    if p.accept("DROP"):
        p.expect("TABLE")
        if_exists = False
        if p.accept("IF"):
            p.expect("EXISTS")
            if_exists = True
        name = p.ident()
        old = _tables.get(name)
        if old is None:
            if if_exists:
                return done("DROP TABLE")
            _table(name)
        del _tables[name]
        return done("DROP TABLE", (), lambda: _tables.__setitem__(name, old))
    if p.accept("INSERT"):
        p.expect("INTO")
        name = p.ident()
        t = _table(name)
        cols = p.list(p.ident)
        for c in cols:
            if not any(x[0] == c for x in t.columns):
                _no_column(c)
        p.expect("VALUES")
        tuples = [p.list(p.value)]
        while p.accept(","):
            tuples.append(p.list(p.value))
        ret = _returning(p, t)
        added = []
        for values in tuples:
            row = {}
            for cname, serial, _unique in t.columns:
                if cname in cols:
                    row[cname] = values[cols.index(cname)]
                elif serial:
                    row[cname] = t.next
                    t.next += 1
                else:
                    row[cname] = None
            _check_unique(t, row, name)
            t.rows.append(row)
            added.append(row)

        def undo():
            t.rows = [r for r in t.rows if not any(r is a for a in added)]

        return done(f"INSERT 0 {len(added)}", ret(added), undo)
    if p.accept("SELECT"):
        if p.peek() == "COUNT" or not any(w.upper() == "FROM" for w in p.t):
            if p.accept("COUNT"):
                p.list(lambda: p.accept("*"))
                p.expect("FROM")
                t = _table(p.ident())
                pred = _where(p)
                return done("SELECT 1", [{"count": sum(1 for r in t.rows if pred(r))}])
            row = {}
            sleep = 0
            n = 0
            while True:
                if p.peek() == "PG_SLEEP":
                    p.next()
                    sleep = float(p.list(p.value)[0])
                    row["pg_sleep"] = None
                else:
                    row["?column?" if n == 0 else f"?column?{n}"] = p.value()
                n += 1
                if not p.accept(","):
                    break
            return done("SELECT 1", [row], None, sleep)
        i = p.i
        while p.peek() != "FROM":
            p.next()
        p.next()
        t = _table(p.ident())
        after = p.i
        p.i = i
        proj = _project(p, t)
        p.i = after
        pred = _where(p)
        rows = [r for r in t.rows if pred(r)]
        if p.accept("ORDER"):
            p.expect("BY")
            col = p.ident()
            desc = p.accept("DESC")
            if not desc:
                p.accept("ASC")
            rows = sorted(rows, key=lambda r: r[col], reverse=desc)
        if p.accept("LIMIT"):
            rows = rows[: int(p.value())]
        return done(f"SELECT {len(rows)}", proj(rows))
    if p.accept("UPDATE"):
        name = p.ident()
        t = _table(name)
        p.expect("SET")
        sets = []
        while True:
            c = p.ident()
            if not any(x[0] == c for x in t.columns):
                _no_column(c)
            p.expect("=")
            sets.append((c, p.value()))
            if not p.accept(","):
                break
        pred = _where(p)
        ret = _returning(p, t)
        hit = [r for r in t.rows if pred(r)]
        before = [dict(r) for r in hit]
        for r in hit:
            nxt = {**r, **dict(sets)}
            _check_unique(t, nxt, name, r)
            r.update(nxt)

        def undo():
            for r, b in zip(hit, before):
                r.update(b)

        return done(f"UPDATE {len(hit)}", ret(hit), undo)
    if p.accept("DELETE"):
        p.expect("FROM")
        t = _table(p.ident())
        pred = _where(p)
        ret = _returning(p, t)
        gone = [r for r in t.rows if pred(r)]
        keep = t.rows
        t.rows = [r for r in t.rows if not pred(r)]

        def undo():
            t.rows = keep

        return done(f"DELETE {len(gone)}", ret(gone), undo)
    _unsupported(sql if verb else "(empty statement)")
