"""Table cells → report cells, matched by the row labels the format declares (never by position in the file).

Every layout arrives here as rows of cells (a Word or web table, tab / pipe / space separated text, one cell per
line, PDF tables). The rows are read as one stream of text and values: a run of values belongs to the declared row
whose label the text just before it ends with — or, where a narrow cell wrapped the label, whose label starts
before the values and goes on after them ("一、本年新收政府信息公" 3001 … "开申请数量"). Group labels printed in
front of a leaf ("（三）不予公开 1.属于国家秘密"), header rows and filler cells are simply text before the label. A
run of values with no label fills a whole table when it has exactly that table's number of cells (表四's one data
row under its headers). Column headers are read too: an older format's columns (2019: 上一年项目数量 / 本年增/减 /
处理决定数量) are mapped to the format's columns only by meaning, as its declaration says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import messages
from ..findings import Finding
from ..formats import Format, Row, Table
from ..formats.legacy import LegacyLayout
from ..report import LayoutNote, Number, parse_cell_value
from .blocks import norm

_BLANK = re.compile(r"^(?:[/\\\-—–―_－]+|无|空)$")
_UNIT = re.compile(r"(?<=\d)(?:件|个|条|次|项|人次|万元)$")  # a unit printed after a number: 3件
_DIGIT_LEAF = re.compile(r"^\d+\.")
_LIST_MARK = re.compile(r"^\d+\.$")  # "1." alone: a leaf label's number, its words cut off or on the next line
_NOTE = re.compile(r"\([^()]{4,}\)$")
_CHANGE = re.compile(r"^(?:增|减|增加|减少|[+\-−])\d+(?:\.\d+)?$")  # 2019's 本年增/减 column
_MARK = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# what the document did not let us read is said by the import itself: it is no rule's verdict on the report (not an
# R5 blank, not an R14 gap in the prose), and the rules that would need it are not evaluated
NOT_READ_RULE = "导入"
_TYPO_MIN = 6  # characters: a label this long stays unmistakable with one character wrong
_MIN_HEAD = 3  # a label wrapped after fewer characters is too short to tell rows apart
_MIN_BLANK_LABEL = 4  # a row label this long, standing alone before the next row's, is that row printed blank


def parse_value(text: str, kind: str) -> Number | None:
    folded = _UNIT.sub("", norm(text).replace(",", ""))
    if folded == "" or _BLANK.match(folded):
        return None
    return parse_cell_value(folded, kind)


def is_value(text: str) -> bool:
    """A cell that holds a number, a change (减4, +2), a blank mark ("/", "—", "无") or nothing: what a table's
    value cell holds."""
    folded = _UNIT.sub("", norm(text).replace(",", ""))
    if _LIST_MARK.match(folded):
        return False
    return (folded == "" or _BLANK.match(folded) is not None or parse_cell_value(folded, "amount") is not None
            or _CHANGE.match(folded) is not None)


def _is_number(text: str) -> bool:
    return parse_value(text, "amount") is not None


# --- what a label can name ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """What a label names: a row of the format, a group printed as one row (2019), or an old row with no meaning
    in this format (2019's 其他对外管理服务事项)."""

    table: Table
    row: Row | None = None
    group: str = ""
    legacy: str = ""  # the printed old label, when the label is an older format's
    order: int = 0  # the row's place in the declaration: rows come in this order


@dataclass(frozen=True)
class Labels:
    """Every printed label of a format, normalised, and what it names."""

    targets: tuple[tuple[str, Target], ...]  # (normalised label, target), longest labels first
    columns: tuple[tuple[str, str, str, str], ...]  # (normalised label, table key, column key or "", legacy name)
    headers: tuple[str, ...] = ()  # normalised header texts a table repeats on each page (caption, column labels)


_LABELS: dict[str, Labels] = {}


def labels_of(fmt: Format) -> Labels:
    if fmt.id not in _LABELS:
        _LABELS[fmt.id] = _build_labels(fmt)
    return _LABELS[fmt.id]


def _build_labels(fmt: Format) -> Labels:
    seen: dict[str, Target | None] = {}

    def add(key: str, target: Target) -> None:
        if key in seen and seen[key] is not None and seen[key] != target:
            seen[key] = None  # two rows print the same words: neither can be told by them
        else:
            seen.setdefault(key, target)

    order = 0
    for table in fmt.tables:
        for row in table.rows:
            for key in _label_variants(row.label, row.aliases):
                add(key, Target(table, row, order=order))
            order += 1
        for group in dict.fromkeys(r.group for r in table.rows if r.group):
            if _collapsible(table, group):
                add(norm(group), Target(table, group=group, order=_first_order(fmt, table, group)))
    columns = []
    for table in fmt.tables:
        for col in table.columns:
            columns.append((norm(col.label), table.key, col.key, ""))
    for legacy in fmt.legacy:
        for printed, (table_key, row_key) in legacy.rows:
            table = fmt.table(table_key)
            row = table.row(row_key) if row_key else None
            add(norm(printed), Target(table, row, legacy=printed, order=-1))
        for printed, col_key in legacy.columns:
            columns.extend((variant, "", col_key or "", legacy.name) for variant in _column_variants(printed))
    targets = sorted(((k, t) for k, t in seen.items() if t is not None), key=lambda kt: -len(kt[0]))
    headers = {norm(text) for table in fmt.tables
               for text in (table.caption, table.column_header, table.corner,
                            *(c.label for c in table.columns), *(c.group for c in table.columns))}
    headers = {h for h in headers if h} | {c[0] for c in columns}
    return Labels(tuple(targets), tuple(sorted(columns, key=lambda c: -len(c[0]))),
                  tuple(sorted(headers, key=len, reverse=True)))


def _first_order(fmt: Format, table: Table, group: str) -> int:
    order = 0
    for t in fmt.tables:
        for r in t.rows:
            if t is table and r.group == group:
                return order
            order += 1
    return order


def _label_variants(label: str, aliases: tuple[str, ...] = ()) -> set[str]:
    """The label, its aliases, and spellings seen in print: without the parenthesised note, without "一、"."""
    keys = {norm(label), *(norm(a) for a in aliases)}
    keys |= {re.sub(r"\([^()]*\)$", "", key) for key in keys}
    for key in list(keys):
        bare = _MARK.sub("", key)
        if len(bare) >= 4:  # "总计" or "其他" alone would also match column headers
            keys.add(bare)
    return {k for k in keys if k}


_PAIR_SEPARATOR = re.compile(r"[/\\、]")


def _column_variants(label: str) -> set[str]:
    """A column label that pairs two words with a slash ("本年增/减"), also as print has it: the slash written as
    "\\" or "、" or left out, or the words after the slash lost where a narrow header cell wrapped ("本年增/")."""
    key = norm(label)
    found = _PAIR_SEPARATOR.search(key)
    if not found:
        return {key}
    head, tail = key[: found.start()], key[found.end():]
    return {key, head + tail, *(head + sep + tail for sep in "/\\、"), *(head + sep for sep in "/\\、")}


def _collapsible(table: Table, group: str) -> bool:
    """A group whose rows are numbered leaves (（六）其他处理 → 1. 2. 3.): the 2019 format printed it as one row."""
    leaves = [r for r in table.rows if r.group == group]
    return len(leaves) > 1 and all(_DIGIT_LEAF.match(norm(r.label)) for r in leaves)


# --- the stream -----------------------------------------------------------------------------------------------


@dataclass
class _Run:
    values: list[str]
    before: str  # normalised text since the run before (less what that run's label took)
    after: str = ""  # normalised text up to the next run
    section: str = ""
    trail: str | None = None  # the text after it when a heading or prose ended the table there
    glued: bool = False  # its digits were printed run into the label and into each other ("规章000")
    lined: bool = False  # its values came one a line (a cell-per-line copy), where a blank cell leaves no trace
    # empty cells its row printed before its first value, the row having no label cell of its own: value cells
    # printed blank (a wide 表四 line whose 行政复议「结果维持」 is left empty) — or, where the file does not say which
    # cells are merged (text, PDF), a label column's fillers
    lead: int = 0
    under_merge: bool = False  # its label cell is one merged down from the row above (Word's vMerge, rowspan)


@dataclass
class _Match:
    target: Target
    taken_after: int  # characters of the following text that belong to this label


def _match(before: str, after: str, labels: Labels, last_order: int) -> _Match | None:
    """The target whose label `before` ends with, or whose label starts at the end of `before` and goes on at the
    start of `after` (a label wrapped in a narrow cell, the values printed on its first line)."""
    noted = _NOTE.sub("", before)  # 规章(设区的市、自治州人民政府应提供相关数据): a template's note kept in print
    for key, target in labels.targets:  # longest first: a leaf's full label beats a shorter one it ends with
        if before.endswith(key) or (noted != before and noted.endswith(key)):
            return _Match(target, 0)
    for key, target in labels.targets:  # a long label misprinted by one character (行政事业型收费)
        if len(key) >= _TYPO_MIN and _one_off(before[-len(key):], key):
            return _Match(target, 0)
    best: tuple[int, int, Target, int] | None = None
    for key, target in labels.targets:
        for head in range(len(key) - 1, _MIN_HEAD - 1, -1):
            if not before.endswith(key[:head]) or not _CJK.search(_MARK.sub("", key[:head])):
                continue
            taken = _tail_in(key[head:], after, labels.headers)
            if taken is None:
                continue
            forward = 0 if target.order >= last_order else 1
            rank = (forward, -len(key))
            if best is None or rank < (best[0], best[1]):
                best = (forward, -len(key), target, taken)
            break
    return _Match(best[2], best[3]) if best else None


def _one_off(printed: str, key: str) -> bool:
    return len(printed) == len(key) and sum(a != b for a, b in zip(printed, key, strict=True)) == 1 \
        and _CJK.match(printed[0]) is not None


def _tail_in(tail: str, after: str, headers: tuple[str, ...] = ()) -> int | None:
    """How much of `after` the rest of a wrapped label takes: all of it printed next, or its characters in order
    among a few others (a neighbouring column's wrapped words interleaved by a text extraction) — after the
    table's header where a page break repeated it between the label's two parts."""
    skipped = _header_length(after, headers)
    rest = after[skipped:]
    if rest.startswith(tail):
        return skipped + len(tail)
    window = rest[: len(tail) * 2 + 4]
    pos = 0
    for char in tail:
        found = window.find(char, pos)
        if found < 0:
            return None
        pos = found + 1
    return skipped + pos


def _header_length(text: str, headers: tuple[str, ...]) -> int:
    """How many leading characters of `text` are a table's header texts (a header repeated on a new page)."""
    pos, moved = 0, True
    while moved:
        moved = False
        for header in headers:
            if len(header) >= 2 and text.startswith(header, pos):
                pos += len(header)
                moved = True
                break
    return pos


@dataclass
class TableReader:
    """Collects cells from table rows fed in document order, then says what it could not find."""

    fmt: Format
    cells: dict[str, Number | None] = field(default_factory=dict)
    found: set[tuple[str, str]] = field(default_factory=set)  # (table key, row key)
    legacy_seen: dict[str, list[str]] = field(default_factory=dict)  # table key → older format's labels seen
    group_values: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    covered: set[tuple[str, str]] = field(default_factory=set)  # rows an old one-row group stands for
    unplaced: dict[tuple[str, str], int] = field(default_factory=dict)  # (table, row) → numbers read, too few to place
    runs: list[_Run] = field(default_factory=list)
    headed: set[str] = field(default_factory=set)  # the sections whose heading was seen
    _text: list[str] = field(default_factory=list)
    _printed: dict[str, list[str]] = field(default_factory=dict)  # section → every label text fed, numbers or not
    _values: list[str] | None = None
    _glued: bool = False
    _lined: bool = False
    _lead: int = 0
    _under_merge: bool = False
    _section: str = ""

    @property
    def read_any(self) -> bool:
        return bool(self.found)

    # feeding -------------------------------------------------------------------------------------------------

    def section(self, number: str) -> None:
        """A section heading: the text before it is no row's label."""
        self.brk()
        self._section = number
        self.headed.add(number)

    def brk(self) -> None:
        """A paragraph of prose or a heading: it separates tables and is no label (but what came just before it
        may end the label of the row above: "行政事业性收" 0 "费")."""
        self._end_run()
        if self.runs and self.runs[-1].trail is None:
            self.runs[-1].trail = "".join(self._text)
        self._text = []

    def feed(self, raw_cells: tuple[str, ...] | list[str], merged: frozenset[int] = frozenset()) -> None:
        """One row's cells; `merged`: the places of cells that continue a cell merged down from the row above."""
        if len(raw_cells) == 1 and not raw_cells[0].strip():
            if self._values is not None or self._text:
                self._values = [*(self._values or []), ""]  # an empty cell printed on a line of its own
            return
        cells = list(raw_cells)
        while cells and not cells[0].strip():
            cells.pop(0)  # filler cells of a merged label column, printed empty
        if cells and is_value(cells[0]) and len(cells) < len(raw_cells):
            # a row of values only, its label cell printed empty (merged down from the row above): a row of its own
            self._end_run()
            leading = range(len(raw_cells) - len(cells))
            self._lead = sum(1 for i in leading if i not in merged)
            self._under_merge = any(i in merged for i in leading)
        for cell in cells:
            if is_value(cell) and (cell.strip() or self._values is not None or len(raw_cells) > 1):
                if self._values is None:
                    self._values = []
                self._values.append(cell)
                self._lined = self._lined or len(raw_cells) == 1
            elif cell.strip():
                self._end_run()
                label, digits = _glued_digits(norm(cell), labels_of(self.fmt))
                self._text.append(label)
                self._printed.setdefault(self._section, []).append(label)
                if digits:
                    self._values, self._glued = [digits], True

    def _end_run(self) -> None:
        if self._values is None:
            return
        self.runs.append(_Run(self._values, "".join(self._text), section=self._section, glued=self._glued,
                              lined=self._lined, lead=self._lead, under_merge=self._under_merge))
        self._values, self._glued, self._lined, self._lead, self._under_merge = None, False, False, 0, False
        self._text = []

    # reading -------------------------------------------------------------------------------------------------

    def finish(self, found_sections: set[str] | None = None) -> list[Finding]:
        """Read every run, then say what the document did not have."""
        self.brk()  # a label after the last numbers (a row cut before its first) is no part of the row above
        self._assign_after()
        self._read_runs()
        self._note_old_columns_printed()
        findings = self._legacy_findings()
        findings += self._missing(found_sections)
        return findings

    def _assign_after(self) -> None:
        for run, following in zip(self.runs, [*self.runs[1:], None], strict=False):
            run.after = (run.trail or "") if run.trail is not None or following is None else following.before

    def _read_runs(self) -> None:
        labels = labels_of(self.fmt)
        headers: dict[str, list[tuple[str, str, str]]] = {}
        last_order, last_table = -1, None
        last_row: Target | None = None  # the row the run before was read into
        blank_rows: dict[tuple[str, str], tuple[Target, list[str], list[tuple[str, str, str]] | None]] = {}
        for i, run in enumerate(self.runs):
            own = self._table_of(run.section)
            header = _header(run.before, labels, own.key if own else "")
            context = own or last_table
            if header and context is not None:
                headers[context.key] = header
                old = [h[0] for h in header if h[2]]
                if old:
                    self._note_legacy(context, old)
            empty = not any(v.strip() for v in run.values)
            match = _match(run.before, run.after, labels, last_order)
            if match is None and not empty:
                match = self._headed_row(run, labels, last_order)
            if match is not None and match.taken_after and run.trail is None and i + 1 < len(self.runs):
                self.runs[i + 1].before = self.runs[i + 1].before[match.taken_after:]
            if empty and run.trail is None and i + 1 < len(self.runs):
                # empty cells after a label: filler of a header row, or a row printed blank; the label still
                # heads what follows, and the row counts as blank only if no numbers come for it
                self.runs[i + 1].before = run.before + self.runs[i + 1].before
            if match is None:
                if not empty and self._row_under_merged_label(run, last_row):
                    continue
                last_row = None
                if not empty and context is not None:
                    self._whole_table(context, run.values, run.lead)
                    if header and i + 1 < len(self.runs):
                        self._unlabelled_first_row(run, self.runs[i + 1], labels, last_order)
                continue
            target = match.target
            if empty and target.row is not None:
                if target.table.layout != "wide":
                    blank_rows.setdefault((target.table.key, target.row.key),
                                          (target, run.values, header or headers.get(target.table.key)))
                # a wide table (表四) prints its rows as column groups: the empty cells after a row label are the
                # merged heading's fillers, not a row printed blank; its numbers come on the data line, and with
                # no data line (a table cut after its headers, or left empty) the cells are not read, not blank
                continue
            last_table = target.table
            if header:
                headers[target.table.key] = header
            if run.lined and target.row is not None and not target.legacy:
                self._rows_printed_empty(run.before, target, labels, last_order)
            if target.legacy:
                self.legacy_seen.setdefault(target.table.key, []).append(target.legacy)
            if target.row is None and target.group:
                self._group_row(target.table, target.group, run.values)
            elif target.row is not None:
                cut_off = i == len(self.runs) - 1 and not run.after
                values = _unglue(run.values, target.table, target.row) if run.glued else run.values
                if values is not None and target.table.layout == "wide":
                    values = _with_lead(values, run.lead, _row_size(target.table, target.row))
                if values is not None:
                    self._assign_row(target.table, target.row, values, headers.get(target.table.key), cut_off,
                                     run.lined)
            last_row = target if target.row is not None else None
            if target.order >= 0:
                last_order = target.order
        for target, values, header_then in blank_rows.values():
            if target.row is not None:
                self._assign_row(target.table, target.row, values, header_then)  # the columns it was printed under

    def _row_under_merged_label(self, run: _Run, last: Target | None) -> bool:
        """A wide table's line of numbers whose label cell is printed empty, right under a row of a group read just
        before: the group's label was merged down over both (行政诉讼 | 未经复议直接起诉 …, then the merged cell | …) —
        the group's next declared row, when it is not read and the numbers fit it exactly."""
        if last is None or last.row is None or last.table.layout != "wide" or not run.lead or run.before:
            return False
        table, rows = last.table, last.table.rows
        index = rows.index(last.row)
        following = rows[index + 1] if index + 1 < len(rows) else None
        if following is None or not following.group or following.group != last.row.group \
                or (table.key, following.key) in self.found:
            return False
        size = _row_size(table, following)
        # under a merge the file marked, the empty cells left are blank values; else they may be the label's cell
        values = _trim(_with_lead(run.values, run.lead, size) if run.under_merge else run.values, size)
        if len(values) != size:
            return False
        self._assign_row(table, following, values, None)
        return True

    def _unlabelled_first_row(self, run: _Run, following: _Run, labels: Labels, last_order: int) -> None:
        """Numbers right under a header with their label cell left empty, followed by the next declared row: they
        are the row the declaration puts between (a 规章 label lost in a copy). Only when that row is not read and
        the numbers fit it exactly."""
        nxt = _match(following.before, following.after, labels, last_order)
        if nxt is None or nxt.target.row is None or nxt.target.order <= 0:
            return
        table, row = nxt.target.table, nxt.target.row
        index = table.rows.index(row)
        if index == 0:
            return
        previous = table.rows[index - 1]
        size = sum(1 for c in table.cells if c.row == previous.key)
        if (table.key, previous.key) in self.found or len(_trim(run.values, size)) != size:
            return
        if previous.group != row.group:
            return
        self._assign_row(table, previous, run.values, None)

    def _rows_printed_empty(self, before: str, target: Target, labels: Labels, last_order: int) -> None:
        """Rows whose whole label stands in the text before this row's, after the last row read: printed with no
        cell at all in a copy that keeps one cell a line (its blank cells left no line), so printed blank."""
        for key, other in labels.targets:
            if other.table is not target.table or other.row is None or other.legacy or len(key) < _MIN_BLANK_LABEL:
                continue
            if not last_order < other.order < target.order or (other.table.key, other.row.key) in self.found:
                continue
            if key in before and not before.endswith(key):
                for cell in (c for c in other.table.cells if c.row == other.row.key):
                    self.cells[cell.id] = None
                self.found.add((other.table.key, other.row.key))

    def _table_of(self, section: str) -> Table | None:
        return next((t for t in self.fmt.tables if t.section == section), None)

    def _assign_row(self, table: Table, row: Row, values: list[str],
                    header: list[tuple[str, str, str]] | None, cut_off: bool = False, lined: bool = False) -> None:
        if (table.key, row.key) in self.found:
            return
        row_cells = [c for c in table.cells if c.row == row.key]
        legacy = [h for h in header or () if h[2]]
        if legacy:
            self._note_legacy(table, [h[0] for h in legacy])
            if not any(v.strip() for v in values):  # a row printed empty: blank under every column, whichever
                for cell in row_cells:
                    if cell.col in {h[1] for h in header if h[1]}:
                        self.cells[cell.id] = None
                self.found.add((table.key, row.key))
                return
            if not any(h[1] for h in header):
                self.found.add((table.key, row.key))  # no old column means a 2021 cell: read, nothing to import
                return
            fitted = _trim(values, len(header))
            if len(fitted) != len(header):
                return  # cannot tell which number sits under which old column
            by_column = {h[1]: fitted[i] for i, h in enumerate(header) if h[1]}
            for cell in row_cells:
                if cell.col in by_column:
                    self.cells[cell.id] = parse_value(by_column[cell.col], cell.kind)
            self.found.add((table.key, row.key))
            return
        fitted = _trim(values, len(row_cells))
        if len(fitted) > len(row_cells) and cut_off:
            fitted = fitted[: len(row_cells)]  # the document ends in the next row: its number mark, not a cell
        if len(fitted) > len(row_cells):
            return  # more numbers than the row has cells: placing them would be a guess
        if cut_off and len(fitted) < len(row_cells):  # the document ends inside this row: the rest is not found
            for cell, text in zip(row_cells, fitted, strict=False):
                self.cells[cell.id] = parse_value(text, cell.kind)
            self.found.add((table.key, row.key))
            return
        if lined and len(fitted) < len(row_cells) and all(norm(v) for v in fitted):
            # one cell a line and no empty line among them: the copy dropped blank cells without a trace, so which
            # column each number stood in cannot be told (规章 0: 本年制发, 本年废止 or 现行有效?)
            self.unplaced[(table.key, row.key)] = len(fitted)
            return
        fitted += [""] * (len(row_cells) - len(fitted))  # a short row: the missing end cells were printed blank
        for cell, text in zip(row_cells, fitted, strict=True):
            self.cells[cell.id] = parse_value(text, cell.kind)
        self.found.add((table.key, row.key))

    def _group_row(self, table: Table, group: str, values: list[str]) -> None:
        """An old one-row group (2019's （六）其他处理): kept aside, placed at the end unless its leaves were printed."""
        self.group_values.setdefault((table.key, group), values)

    def _headed_row(self, run: _Run, labels: Labels, last_order: int) -> _Match | None:
        """A wide table's row printed as its label over the column headers, its numbers on the line below with the
        label's cell merged down (行政复议 | 结果维持 … 总计, then 0 … 0): the row the label before the headers names,
        when the numbers fit it exactly."""
        stripped = _without_trailing_headers(run.before, labels)
        if stripped == run.before:
            return None
        match = _match(stripped, "", labels, last_order)
        if match is None or match.target.row is None or match.target.table.layout != "wide":
            return None
        size = _row_size(match.target.table, match.target.row)
        return match if len(_trim(_with_lead(run.values, run.lead, size), size)) == size else None

    def _whole_table(self, table: Table, values: list[str], lead: int = 0) -> None:
        """A row of numbers with no label: table 四's data row, printed under its headers. Empty cells before its
        first number are its label column's fillers while the row has more cells than the table, and blank cells of
        the table's first columns after that."""
        if not any(map(_is_number, values)):
            return
        fitted = _trim(_with_lead(values, lead, len(table.cells)), len(table.cells))
        if len(fitted) != len(table.cells) or any((table.key, r.key) in self.found for r in table.rows):
            return  # too few or too many numbers to place them safely, or the table is read already
        for cell, text in zip(table.cells, fitted, strict=True):
            self.cells[cell.id] = parse_value(text, cell.kind)
        self.found.update((table.key, r.key) for r in table.rows)

    def _note_old_columns_printed(self) -> None:
        """An older format's column labels printed in a table's section, with numbers under them or none (a 2019
        表二 left unfilled, labels only): the layout is the older format's all the same."""
        labels = labels_of(self.fmt)
        for section, texts in self._printed.items():
            table = self._table_of(section)
            old = [key for key, _col, legacy in _column_labels("".join(texts), labels) if legacy]
            if table is not None and old:
                self._note_legacy(table, old)

    def _note_legacy(self, table: Table, labels: list[str]) -> None:
        seen = self.legacy_seen.setdefault(table.key, [])
        seen.extend(label for label in labels if label not in seen)

    def _older_format(self) -> dict[str, list[str]]:
        """The older format's labels seen, by table, where they show that format: not where the only one is a
        column that means what a 2021 column means (处理决定数量 over 行政许可's one number, 本年 dropped — the 2019
        表二 printed it only beside 上一年项目数量 and 本年增/减)."""
        same = {norm(printed) for legacy in self.fmt.legacy for printed, col in legacy.columns if col}
        return {table: seen for table, seen in self.legacy_seen.items() if any(norm(s) not in same for s in seen)}

    # what is missing ------------------------------------------------------------------------------------------

    def collapsed_groups(self) -> list[Finding]:
        """An old one-row group (2019's （六）其他处理) counted every outcome of the group in one number; the 2021
        format asks for its leaves apart and has no cell for their sum. Its number is mapped by meaning only: a 0
        says each leaf is 0 (counts are never negative), any other number or a blank cannot be split, so those
        leaves are not found and the rules that need them are not evaluated."""
        findings = []
        for (table_key, group), values in self.group_values.items():
            table = self.fmt.table(table_key)
            leaves = [r for r in table.rows if r.group == group]
            if any((table_key, r.key) in self.found for r in leaves):
                continue  # a subtotal row above leaves that were printed too
            self.covered.update((table_key, r.key) for r in leaves)
            leaf_cells = tuple(c.id for c in table.cells if c.row in {r.key for r in leaves})
            findings.append(Finding(
                "R12", "warning", leaf_cells,
                messages.text("importers", "old_group_layout", table=_table_name(table), group=group,
                              leaves=[r.label for r in leaves]),
            ))
            unsplit = self._split_zero_columns(table, leaves, values)
            if unsplit:
                cells = tuple(c.id for c in table.cells if c.row in {r.key for r in leaves} and c.col in unsplit)
                findings.append(Finding(
                    NOT_READ_RULE, "warning", cells,
                    messages.text("importers", "old_group_unsplit", table=_table_name(table), group=group,
                                  columns=[table.column(k).label for k in unsplit],
                                  values=[unsplit[k] for k in unsplit], count=len(cells)),
                ))
        return findings

    def _split_zero_columns(self, table: Table, leaves: list[Row], values: list[str]) -> dict[str, str]:
        """Set every leaf to 0 in the columns where the group printed 0; the other columns (column key → what was
        printed there: a number, or "" for a blank) are left not found."""
        columns = [c.key for c in table.columns]
        fitted = _trim(values, len(columns))
        if len(fitted) > len(columns):
            return {k: "" for k in columns}  # more numbers than columns: placing them would be a guess
        fitted += [""] * (len(columns) - len(fitted))  # a short row: the missing end cells were printed blank
        unsplit = {}
        for col, text in zip(columns, fitted, strict=True):
            value = parse_value(text, "count")
            if value == 0:
                for cell in (c for c in table.cells if c.col == col and c.row in {r.key for r in leaves}):
                    self.cells[cell.id] = 0
            else:
                unsplit[col] = norm(text)
        return unsplit

    def layout_notes(self) -> tuple[LayoutNote, ...]:
        names = {legacy.name for legacy in self.fmt.legacy}
        layout = next(iter(names)) if len(names) == 1 else ""
        return tuple(LayoutNote("legacy_labels", table, tuple(seen), layout)
                     for table, seen in self._older_format().items())

    def _legacy_findings(self) -> list[Finding]:
        findings = self.collapsed_groups()
        legacy = self.fmt.legacy[0] if self.fmt.legacy else None
        for table_key, seen in self._older_format().items():
            table = self.fmt.table(table_key)
            old_rows = {printed: row_key for printed, (_, row_key) in legacy.rows} if legacy else {}
            rows = [s for s in seen if s in old_rows]
            columns = [s for s in seen if s not in old_rows]
            if columns:
                unmapped = [c.id for c in table.cells if c.id not in self.cells]
                read_any = len(unmapped) < len(table.cells)  # a table printed without numbers imported nothing
                mapped = _mapped_columns(legacy, columns, table) if read_any else []
                message = messages.text("importers", "legacy_columns", table=_table_name(table), seen=columns,
                                        mapped=mapped)
                findings.append(Finding("R12", "error", tuple(unmapped), message))
            for printed in rows:
                row = table.row(old_rows[printed]) if old_rows[printed] else None
                cells = tuple(c.id for c in table.cells if row is not None and c.row == row.key)
                message = messages.text("importers", "legacy_row", table=_table_name(table), seen=printed,
                                        expected=row.label if row else "")
                findings.append(Finding("R12", "error", cells, message))
        return findings

    def not_found_cells(self) -> set[str]:
        return {c.id for t in self.fmt.tables for c in t.cells if c.id not in self.cells}

    def _missing(self, found_sections: set[str] | None) -> list[Finding]:
        """One finding per table, or per row, that the document did not let us read."""
        findings = []
        for table in self.fmt.tables:
            missing = [r for r in table.rows if (table.key, r.key) not in self.found | self.covered]
            unread = [c.id for c in table.cells if c.id not in self.cells]
            if not missing and not unread:
                continue
            # rows whose numbers were read but could not be placed were there: no heading without numbers, and
            # no document cut before them
            placed_not = {r.key for r in missing if (table.key, r.key) in self.unplaced}
            if len(missing) == len(table.rows) and not placed_not:
                # a heading with no number under it: a page that printed the labels only, or lost its numbers
                # when it was copied; "not found" would send the clerk looking for a table that is there
                which = "headed_table_unread" if table.section in self.headed else "missing_table"
                message = messages.text("importers", which, table=_table_name(table), title=table.title,
                                        count=len(table.cells))
                findings.append(Finding(NOT_READ_RULE, "warning", tuple(c.id for c in table.cells), message))
                continue
            if table.key not in self._older_format():
                for row in (r for r in table.rows if r not in missing and (table.key, r.key) not in self.covered):
                    cut = tuple(c.id for c in table.cells if c.row == row.key and c.id not in self.cells)
                    if cut:
                        message = messages.text("importers", "row_cut", table=_table_name(table), label=row.label,
                                                count=len(cut))
                        findings.append(Finding(NOT_READ_RULE, "warning", cut, message))
            tail = _missing_tail(table, [r for r in missing if r.key not in placed_not])
            if tail:
                read = len(table.rows) - len(tail)
                cells = tuple(c.id for c in table.cells if c.row in {r.key for r in tail})
                message = messages.text("importers", "read_first_rows", table=_table_name(table), read=read,
                                        label=tail[0].label, count=len(cells))
                findings.append(Finding(NOT_READ_RULE, "warning", cells, message))
            for row in (r for r in missing if r not in tail):
                cells = tuple(c.id for c in table.cells if c.row == row.key)
                read = self.unplaced.get((table.key, row.key))
                if read:
                    message = messages.text("importers", "row_unplaced", table=_table_name(table), label=row.label,
                                            read=read, count=len(cells))
                else:
                    message = messages.text("importers", "missing_row", table=_table_name(table), label=row.label,
                                            count=len(cells))
                findings.append(Finding(NOT_READ_RULE, "warning", cells, message))
        return findings


def _missing_tail(table: Table, missing: list[Row]) -> list[Row]:
    """The rows missing from some row to the end of the table (a document cut off there), when two or more."""
    tail: list[Row] = []
    for row in reversed(table.rows):
        if row not in missing:
            break
        tail.insert(0, row)
    return tail if len(tail) >= 2 else []


def _mapped_columns(legacy: LegacyLayout | None, seen: list[str], table: Table) -> list[str]:
    """The old columns whose numbers were kept, as "处理决定数量 → 本年处理决定数量"."""
    if legacy is None:
        return []
    kept = []
    for label in seen:
        col_key = legacy.column_meaning(label)
        if col_key:
            kept.append(f"{label}→{table.column(col_key).label}")
    return kept


def _header(text: str, labels: Labels, table_key: str = "") -> list[tuple[str, str, str]]:
    """The column labels of the last header printed in `text`: (label as declared, column key or "", legacy format
    name). In a table's own section (`table_key`) only that table's columns and the older format's: another
    table's column label there is a word of a row label run into the header (表三's 其他 in 表二's 2019 row
    其他对外管理服务事项, printed blank)."""
    return _last_header(_column_labels(text, labels, table_key))


def _column_labels(text: str, labels: Labels, table_key: str = "") -> list[tuple[str, str, str]]:
    """Every column label printed in `text`, in order: (label as declared, column key or "", legacy format name);
    only `table_key`'s columns and the older format's, when it is given.

    Longer labels are found first and their place masked, so 处理决定数量 inside 本年处理决定数量 is not seen twice.
    """
    if not text:
        return []
    masked = text
    found: list[tuple[int, str, str, str]] = []
    for key, table, col, legacy in labels.columns:
        if table_key and table and table != table_key:
            continue
        start = masked.find(key)
        while start >= 0:
            found.append((start, key, col, legacy))
            masked = masked[:start] + "\x00" * len(key) + masked[start + len(key):]
            start = masked.find(key)
    found.sort()
    return [(key, col, legacy) for _, key, col, legacy in found]


def _last_header(labels: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The last header of several in one text: a column label printed again starts the next table's header (the
    text of rows printed empty runs on into what follows, headers and all)."""
    start, seen = 0, set()
    for i, (key, _col, _legacy) in enumerate(labels):
        if key in seen:
            start, seen = i, set()
        seen.add(key)
    return labels[start:]


_GLUED = re.compile(r"^(.*\D)(\d+(?:\.\d+)?)$")


def _glued_digits(text: str, labels: Labels) -> tuple[str, str]:
    """A declared row label with its numbers run into it ("规章000", cell borders lost in a copy): the label and
    the digits apart; otherwise the text and ""."""
    found = _GLUED.match(text)
    if found and any(found.group(1).endswith(key) for key, _ in labels.targets):
        return found.group(1), found.group(2)
    return text, ""


def _unglue(values: list[str], table: Table, row: Row) -> list[str] | None:
    """Digits run together across a row's cells: one digit to a cell when there are exactly as many digits as
    cells (every cell printed, so each holds one digit); any other count could be split many ways — unread."""
    size = sum(1 for c in table.cells if c.row == row.key)
    digits = values[0] if len(values) == 1 else ""
    if size == 1:
        return values
    if digits.isdigit() and len(digits) == size:
        return list(digits)
    return None


def _row_size(table: Table, row: Row) -> int:
    return sum(1 for c in table.cells if c.row == row.key)


def _with_lead(values: list[str], lead: int, size: int) -> list[str]:
    """The values with as many of the empty cells printed before them as the row lacks: a row printed with more
    cells than it has (a label column's fillers in front) drops those first."""
    missing = max(0, size - len(values))
    return [""] * min(lead, missing) + values


def _without_trailing_headers(text: str, labels: Labels) -> str:
    """`text` without the column headers it ends with (行政复议结果维持结果纠正其他结果尚未审结总计 → 行政复议)."""
    moved = True
    while moved:
        moved = False
        for key, *_ in labels.columns:
            if len(key) >= 2 and text.endswith(key) and len(text) > len(key):
                text, moved = text[: -len(key)], True
                break
    return text


def _trim(values: list[str], size: int) -> list[str]:
    """Drop empty filler cells, first at the end, then at the start, while the row has more than `size`."""
    vals = list(values)
    while len(vals) > size and norm(vals[-1]) == "":
        vals.pop()
    while len(vals) > size and norm(vals[0]) == "":
        vals.pop(0)
    return vals


def _table_name(table: Table) -> str:
    return f"表{table.section}"
