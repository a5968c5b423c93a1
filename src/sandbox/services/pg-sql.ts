/**
 * The simulated database's SQL: a tiny in-memory table store that understands exactly these
 * statements (anything else is a PostgresSyntaxError saying so):
 *
 *   CREATE TABLE [IF NOT EXISTS] t (col type [PRIMARY KEY] [UNIQUE] [NOT NULL], …)   (type SERIAL counts up)
 *   DROP TABLE [IF EXISTS] t
 *   INSERT INTO t (cols) VALUES (v, …)[, (…)] [RETURNING * | cols]
 *   SELECT * | cols | COUNT(*) FROM t [WHERE c] [ORDER BY col [ASC|DESC]] [LIMIT n]
 *   SELECT v[, v…]            (no FROM: `SELECT 1`, `SELECT $1`, `SELECT pg_sleep(n)`)
 *   UPDATE t SET col = v[, …] [WHERE c] [RETURNING …]
 *   DELETE FROM t [WHERE c] [RETURNING …]
 *
 * v is `$n`, a number, a 'string', TRUE, FALSE or NULL; c is `col op v [AND …]` with op one of
 * = != <> < <= > >=. Keywords are case-insensitive. No joins, no expressions, no isolation:
 * a transaction's writes are visible to every connection at once; ROLLBACK undoes them.
 * Mirrored by scripts/python/standins/simulated/_sql.py.
 */
import { pgError } from "./pg-errors.ts";

/** A row: column → value, in the table's column order. */
export type Row = Record<string, unknown>;

interface Table {
  columns: { name: string; serial: boolean; unique: boolean }[];
  rows: Row[];
  next: number;
}

/** What a statement did: its status (`INSERT 0 1`), its rows, and how to undo it. */
export interface Outcome {
  status: string;
  rows: Row[];
  undo: (() => void) | null;
  /** Seconds the server spends (pg_sleep). */
  sleep: number;
}

const tables = new Map<string, Table>();

/** An empty database (each run starts here). */
export function _reset(): void {
  tables.clear();
}

const TOKEN = /\s*(\$\d+|\d+(?:\.\d+)?|'(?:[^']|'')*'|[A-Za-z_][\w.]*|<>|!=|<=|>=|[(),*=<>;])/y;

function tokenize(sql: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(sql);
    if (!m) break;
    out.push(m[1]!);
    pos = TOKEN.lastIndex;
  }
  if (sql.slice(pos).trim() !== "") unsupported(sql);
  return out.filter((t) => t !== ";");
}

function unsupported(sql: string): never {
  throw pgError("PostgresSyntaxError", `the simulated database does not understand: ${sql.trim()}`);
}

class Parser {
  i = 0;
  readonly t: string[];
  readonly sql: string;
  readonly args: unknown[];
  constructor(sql: string, args: unknown[]) {
    this.t = tokenize(sql);
    this.sql = sql;
    this.args = args;
  }
  peek(k = 0): string {
    return (this.t[this.i + k] ?? "").toUpperCase();
  }
  next(): string {
    const v = this.t[this.i++];
    if (v === undefined) unsupported(this.sql);
    return v;
  }
  accept(word: string): boolean {
    if (this.peek() !== word) return false;
    this.i++;
    return true;
  }
  expect(word: string): void {
    if (!this.accept(word)) unsupported(this.sql);
  }
  end(): void {
    if (this.i < this.t.length) unsupported(this.sql);
  }
  ident(): string {
    const v = this.next();
    if (!/^[A-Za-z_]/.test(v)) unsupported(this.sql);
    return v.toLowerCase();
  }
  value(): unknown {
    const v = this.next();
    if (v.startsWith("$")) {
      const n = Number(v.slice(1));
      if (n < 1 || n > this.args.length)
        throw pgError("PostgresSyntaxError", `there is no parameter ${v}`);
      return this.args[n - 1];
    }
    if (v.startsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(v)) return Number(v);
    const u = v.toUpperCase();
    if (u === "TRUE") return true;
    if (u === "FALSE") return false;
    if (u === "NULL") return null;
    return unsupported(this.sql);
  }
  list<T>(item: () => T): T[] {
    this.expect("(");
    const out = [item()];
    while (this.accept(",")) out.push(item());
    this.expect(")");
    return out;
  }
}

function table(name: string): Table {
  const t = tables.get(name);
  if (!t) throw pgError("UndefinedTableError", `relation "${name}" does not exist`);
  return t;
}

type Pred = (row: Row) => boolean;

const OPS: Record<string, (a: never, b: never) => boolean> = {
  "=": (a, b) => a === b,
  "!=": (a, b) => a !== b,
  "<>": (a, b) => a !== b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

function where(p: Parser): Pred {
  if (!p.accept("WHERE")) return () => true;
  const preds: Pred[] = [];
  do {
    const col = p.ident();
    const op = OPS[p.next()];
    if (!op) unsupported(p.sql);
    const v = p.value() as never;
    preds.push((row) => row[col] !== null && row[col] !== undefined && op(row[col] as never, v));
  } while (p.accept("AND"));
  return (row) => preds.every((f) => f(row));
}

function project(p: Parser, t: Table | null): (rows: Row[]) => Row[] {
  if (p.accept("*")) return (rows) => rows.map((r) => ({ ...r }));
  const cols = [p.ident()];
  while (p.accept(",")) cols.push(p.ident());
  if (t) for (const c of cols) if (!t.columns.some((x) => x.name === c)) noColumn(c);
  return (rows) => rows.map((r) => Object.fromEntries(cols.map((c) => [c, r[c]])));
}

function noColumn(c: string): never {
  throw pgError("UndefinedColumnError", `column "${c}" does not exist`);
}

function returning(p: Parser, t: Table): (rows: Row[]) => Row[] {
  return p.accept("RETURNING") ? project(p, t) : () => [];
}

function checkUnique(t: Table, row: Row, tableName: string, except?: Row): void {
  for (const c of t.columns) {
    if (!c.unique) continue;
    if (t.rows.some((r) => r !== except && r[c.name] === row[c.name] && row[c.name] !== null))
      throw pgError(
        "UniqueViolationError",
        `duplicate key value violates unique constraint "${tableName}_${c.name}_key"`,
      );
  }
}

/** Run one statement with its `$n` arguments. */
export function execute(sql: string, args: unknown[]): Outcome {
  const p = new Parser(sql, args);
  const verb = p.peek();
  const done = (status: string, rows: Row[] = [], undo: (() => void) | null = null, sleep = 0) => {
    p.end();
    return { status, rows, undo, sleep };
  };
  if (p.accept("CREATE")) {
    p.expect("TABLE");
    let ifNot = false;
    if (p.accept("IF")) {
      p.expect("NOT");
      p.expect("EXISTS");
      ifNot = true;
    }
    const name = p.ident();
    const columns = p.list(() => {
      const colName = p.ident();
      const type = p.ident().toUpperCase();
      let unique = false;
      while (![",", ")"].includes(p.peek())) {
        const w = p.next().toUpperCase();
        if (w === "PRIMARY" || w === "UNIQUE") unique = true;
        if (w === "(") while (p.next() !== ")");
      }
      return { name: colName, serial: type === "SERIAL" || type === "BIGSERIAL", unique };
    });
    if (tables.has(name)) {
      if (ifNot) return done("CREATE TABLE");
      throw pgError("DuplicateTableError", `relation "${name}" already exists`);
    }
    tables.set(name, { columns, rows: [], next: 1 });
    return done("CREATE TABLE", [], () => tables.delete(name));
  }
  if (p.accept("DROP")) {
    p.expect("TABLE");
    let ifExists = false;
    if (p.accept("IF")) {
      p.expect("EXISTS");
      ifExists = true;
    }
    const name = p.ident();
    const old = tables.get(name);
    if (!old) {
      if (ifExists) return done("DROP TABLE");
      table(name);
    }
    tables.delete(name);
    return done("DROP TABLE", [], () => tables.set(name, old!));
  }
  if (p.accept("INSERT")) {
    p.expect("INTO");
    const name = p.ident();
    const t = table(name);
    const cols = p.list(() => p.ident());
    for (const c of cols) if (!t.columns.some((x) => x.name === c)) noColumn(c);
    p.expect("VALUES");
    const tuples = [p.list(() => p.value())];
    while (p.accept(",")) tuples.push(p.list(() => p.value()));
    const ret = returning(p, t);
    const added: Row[] = [];
    for (const values of tuples) {
      const row: Row = {};
      for (const c of t.columns) {
        const i = cols.indexOf(c.name);
        row[c.name] = i >= 0 ? values[i] : c.serial ? t.next++ : null;
      }
      checkUnique(t, row, name);
      t.rows.push(row);
      added.push(row);
    }
    const undo = () => {
      t.rows = t.rows.filter((r) => !added.includes(r));
    };
    return done(`INSERT 0 ${added.length}`, ret(added), undo);
  }
  if (p.accept("SELECT")) {
    if (p.peek() === "COUNT" || !p.t.some((w) => w.toUpperCase() === "FROM")) {
      if (p.accept("COUNT")) {
        p.list(() => p.accept("*"));
        p.expect("FROM");
        const t = table(p.ident());
        const pred = where(p);
        return done("SELECT 1", [{ count: t.rows.filter(pred).length }]);
      }
      const row: Row = {};
      let sleep = 0;
      let n = 0;
      do {
        if (p.peek() === "PG_SLEEP") {
          p.next();
          sleep = Number(p.list(() => p.value())[0]);
          row.pg_sleep = null;
        } else row[n === 0 ? "?column?" : `?column?${n}`] = p.value();
        n++;
      } while (p.accept(","));
      return done("SELECT 1", [row], null, sleep);
    }
    const i = p.i;
    while (p.peek() !== "FROM") p.next();
    p.next();
    const t = table(p.ident());
    const after = p.i;
    p.i = i;
    const proj = project(p, t);
    p.i = after;
    const pred = where(p);
    let rows = t.rows.filter(pred);
    if (p.accept("ORDER")) {
      p.expect("BY");
      const col = p.ident();
      const desc = p.accept("DESC");
      if (!desc) p.accept("ASC");
      rows = [...rows].sort((a, b) => {
        const x = a[col] as never;
        const y = b[col] as never;
        return (x < y ? -1 : x > y ? 1 : 0) * (desc ? -1 : 1);
      });
    }
    if (p.accept("LIMIT")) rows = rows.slice(0, Number(p.value()));
    return done(`SELECT ${rows.length}`, proj(rows));
  }
  if (p.accept("UPDATE")) {
    const name = p.ident();
    const t = table(name);
    p.expect("SET");
    const sets: [string, unknown][] = [];
    do {
      const c = p.ident();
      if (!t.columns.some((x) => x.name === c)) noColumn(c);
      p.expect("=");
      sets.push([c, p.value()]);
    } while (p.accept(","));
    const pred = where(p);
    const ret = returning(p, t);
    const hit = t.rows.filter(pred);
    const before = hit.map((r) => ({ ...r }));
    for (const r of hit) {
      const next = { ...r, ...Object.fromEntries(sets) };
      checkUnique(t, next, name, r);
      Object.assign(r, next);
    }
    const undo = () => {
      hit.forEach((r, k) => {
        Object.assign(r, before[k]);
      });
    };
    return done(`UPDATE ${hit.length}`, ret(hit), undo);
  }
  if (p.accept("DELETE")) {
    p.expect("FROM");
    const t = table(p.ident());
    const pred = where(p);
    const ret = returning(p, t);
    const gone = t.rows.filter(pred);
    const keep = t.rows;
    t.rows = t.rows.filter((r) => !gone.includes(r));
    return done(`DELETE ${gone.length}`, ret(gone), () => {
      t.rows = keep;
    });
  }
  return unsupported(verb ? sql : "(empty statement)");
}
