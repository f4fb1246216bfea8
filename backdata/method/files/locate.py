"""Where a key path lies in a TOML text: :func:`key_lines` maps every table header, key and array entry to its
line (``tomllib`` gives values but no lines). Array entries and arrays of tables are counted from 1, as the
problems name them: ``regions.lumbar.lines[3].course[2]``."""

from __future__ import annotations

__all__ = ["KeyPath", "find_line", "key_lines", "show_path"]

KeyPath = tuple[str | int, ...]


def show_path(path: KeyPath) -> str:
    """``("regions", "lumbar", "lines", 3, "target")`` → ``regions.lumbar.lines[3].target``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if part.replace("_", "").replace("-", "").isalnum() else f'"{part}"'
            out += f".{name}" if out else name
    return out


class _Scanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.lines: dict[KeyPath, int] = {}
        self.tables: dict[KeyPath, int] = {}

    def line(self) -> int:
        return self.s.count("\n", 0, self.i) + 1

    def peek(self, n: int = 1) -> str:
        return self.s[self.i : self.i + n]

    def skip(self, newlines: bool = True) -> None:
        """Skip spaces, comments and (if ``newlines``) line breaks."""
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in " \t\r" or (newlines and c == "\n"):
                self.i += 1
            elif c == "#":
                while self.i < len(self.s) and self.s[self.i] != "\n":
                    self.i += 1
            else:
                return

    def string(self) -> str:
        for quote in ('"""', "'''"):
            if self.peek(3) == quote:
                end = self.s.find(quote, self.i + 3)
                while quote == '"""' and end > 0 and self._escaped(end):
                    end = self.s.find(quote, end + 1)
                end = len(self.s) if end < 0 else end + 3
                while self.s[end : end + 1] == quote[0]:  # up to two quotes may end the string's content
                    end += 1
                value, self.i = self.s[self.i + 3 : end - 3], end
                return value
        quote = self.s[self.i]
        j = self.i + 1
        while j < len(self.s) and self.s[j] != quote and self.s[j] != "\n":
            j += 2 if quote == '"' and self.s[j] == "\\" else 1
        value, self.i = self.s[self.i + 1 : j], j + 1
        return value

    def _escaped(self, pos: int) -> bool:
        n = 0
        while pos - 1 - n >= 0 and self.s[pos - 1 - n] == "\\":
            n += 1
        return n % 2 == 1

    def key(self, stop: str) -> list[str]:
        """A dotted key up to ``stop`` (``=`` or ``]``)."""
        parts: list[str] = []
        while self.i < len(self.s):
            self.skip(newlines=False)
            c = self.peek()
            if c in "\"'":
                parts.append(self.string())
            elif c == ".":
                self.i += 1
            elif c == stop or c == "\n" or not c:
                break
            else:
                j = self.i
                while j < len(self.s) and self.s[j] not in " \t.=]\n":
                    j += 1
                parts.append(self.s[self.i : j])
                self.i = j
        return parts

    def value(self, path: KeyPath) -> None:
        self.skip(newlines=False)
        c = self.peek()
        if c in "\"'":
            self.string()
        elif c == "[":
            self.i += 1
            n = 0
            while True:
                self.skip()
                if self.peek() in ("]", ""):
                    self.i += 1
                    return
                n += 1
                self.lines.setdefault(path + (n,), self.line())
                self.value(path + (n,))
                self.skip()
                if self.peek() == ",":
                    self.i += 1
        elif c == "{":
            self.i += 1
            while True:
                self.skip()
                if self.peek() in ("}", ""):
                    self.i += 1
                    return
                sub = path + tuple(self.key("="))
                self.lines.setdefault(sub, self.line())
                self.i += 1  # the '='
                self.value(sub)
                self.skip()
                if self.peek() == ",":
                    self.i += 1
        else:
            while self.i < len(self.s) and self.s[self.i] not in ",]}\n#":
                self.i += 1

    def run(self) -> dict[KeyPath, int]:
        table: KeyPath = ()
        while True:
            self.skip()
            if self.i >= len(self.s):
                return self.lines
            line = self.line()
            if self.peek() == "[":
                array = self.peek(2) == "[["
                self.i += 2 if array else 1
                name = tuple(self.key("]"))
                self.i += 2 if array else 1
                if array:
                    self.tables[name] = self.tables.get(name, 0) + 1
                    table = name + (self.tables[name],)
                    self.lines.setdefault(name, line)
                else:
                    table = self._resolve(name)
                self.lines.setdefault(table, line)
            else:
                key = table + tuple(self.key("="))
                self.lines.setdefault(key, line)
                self.i += 1
                self.value(key)

    def _resolve(self, name: tuple[str, ...]) -> KeyPath:
        """A sub-table of an array of tables belongs to its last entry: ``[a.b.c]`` after ``[[a.b]]``."""
        out: KeyPath = ()
        for part in name:
            out += (part,)
            if out in self.tables:
                out += (self.tables[out],)
        return out


def key_lines(text: str) -> dict[KeyPath, int]:
    """Every key path of ``text`` (a TOML text that parses) → its 1-based line."""
    scanner = _Scanner(text)
    try:
        return scanner.run()
    except (IndexError, ValueError):  # a text tomllib did not read: keep what was found
        return scanner.lines


def find_line(lines: dict[KeyPath, int], path: KeyPath) -> int:
    """The line of ``path``, or of its nearest ancestor the text names (0 if none)."""
    for k in range(len(path), 0, -1):
        if path[:k] in lines:
            return lines[path[:k]]
    return 0
