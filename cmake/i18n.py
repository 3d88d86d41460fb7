"""String catalogues (a folder with en.txt and ko.txt each: src/app/i18n, src/coursework/i18n)
into what the build uses.

A catalogue has one string a line, `key = text`: stable dotted keys (`train.step`), `{name}`
placeholders, `\\n` for a line break, `#` comments, and one `@enum ns::Name` line naming the
generated enum. English is the reference: every other language must have exactly its keys, each
with the same placeholders, and no key twice. A failure stops the build and names the file, line
and key.

  --catalogue NAME=DIR        read and check DIR/en.txt and DIR/ko.txt (repeatable)
Writes (each only when asked, all from one run):
  --header NAME=H             that catalogue's enum (keys in English order, '.' → '_'), its count
                              and kEnglish[]: no key string reaches a binary
  --source NAME=CPP           its catalogue() (i18n/catalogue.h), with the --builtin languages'
                              tables compiled in and the others installed later (fetched)
  --builtin LANG              compile LANG's tables into every --source
  --table-header NAME:LANG=H  that catalogue's LANG strings as one C++ string literal (native
                              builds compile it in)
  --table LANG=OUT            every catalogue's LANG strings in the order given, one a line,
                              escapes kept: the one file the web fetches on demand
  --chars LANG=OUT            the code points every catalogue's LANG strings use beyond ASCII
                              (the font subset)
"""
import argparse
import os
import re
import sys

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
ENUM = re.compile(r"^@enum ([A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*)::([A-Za-z_][A-Za-z0-9_]*)$")
LANGS = ("ko",)


def fail(message):
    sys.stderr.write("i18n: " + message + "\n")
    sys.exit(1)


def read_catalogue(path):
    """([(key, text)] in file order with escapes (\\n, \\\\) as written, (namespace, enum) or None)."""
    entries, seen, enum = [], {}, None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("@enum"):
                m = ENUM.match(line)
                if not m:
                    fail(f"{path}:{number}: expected `@enum namespace::Name`, got {line!r}")
                enum = (m.group(1), m.group(2))
                continue
            key, sep, text = line.partition(" = ")
            key = key.strip()
            if not sep or not KEY.match(key):
                fail(f"{path}:{number}: expected `dotted.key = text`, got {line!r}")
            if key in seen:
                fail(f"{path}:{number}: key {key} twice (first on line {seen[key]})")
            seen[key] = number
            entries.append((key, text))
    return entries, enum


def unescape(text):
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def check(reference, other, path):
    ref = dict(reference)
    keys = dict(other)
    for key in ref:
        if key not in keys:
            fail(f"{path}: key {key} is missing")
    for key in keys:
        if key not in ref:
            fail(f"{path}: key {key} is not in the English catalogue")
        # the same names (a language may use one twice, or in another order)
        want, got = sorted(set(PLACEHOLDER.findall(ref[key]))), sorted(set(PLACEHOLDER.findall(keys[key])))
        if want != got:
            fail(f"{path}: key {key} has placeholders {got}, English has {want}")


def c_escape(text):
    out = []
    for ch in text:
        if ch == "\\" or ch == '"':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def write(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return  # unchanged: nothing that includes it rebuilds
    except OSError:
        pass
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def pairs(values):
    return [v.split("=", 1) for v in values]


class Catalogue:
    def __init__(self, folder):
        self.folder = folder
        en = os.path.join(folder, "en.txt")
        self.english, self.enum = read_catalogue(en)
        if not self.enum:
            fail(f"{en}: no `@enum namespace::Name` line")
        self.order = [k for k, _ in self.english]
        self.langs = {}
        for lang in LANGS:
            path = os.path.join(folder, lang + ".txt")
            entries, _ = read_catalogue(path)
            check(self.english, entries, path)
            self.langs[lang] = dict(entries)

    def table(self, lang):
        return "".join(self.langs[lang][k] + "\n" for k in self.order)

    def header(self):
        ns, name = self.enum
        lines = [f"// Generated by cmake/i18n.py from {self.folder}/en.txt: do not edit.", "#pragma once",
                 "#include <cstdint>", "", '#include "i18n/catalogue.h"', "", f"namespace {ns} {{", "",
                 f"enum class {name} : uint16_t {{"]
        lines += [f"  {k.replace('.', '_')}," for k in self.order]
        lines += ["};", f"inline constexpr int kStringCount = {len(self.order)};", "",
                  "inline constexpr const char* const kEnglish[kStringCount] = {"]
        lines += [f"  {c_escape(unescape(t))}," for _, t in self.english]
        lines += ["};", "", "/// The strings, English and those installed (generated: <name>_catalogue.cpp).",
                  "bp::lang::Catalogue& catalogue();", "", f"}}  // namespace {ns}", ""]
        return "\n".join(lines)

    def source(self, header, builtin):
        ns = self.enum[0]
        table = c_escape(self.table("ko")) if "ko" in builtin else "nullptr;  // fetched: installed when it arrives"
        if "ko" in builtin:
            table += ";"
        return "\n".join([f"// Generated by cmake/i18n.py from {self.folder}: do not edit.", f'#include "{header}"', "",
                          f"namespace {ns} {{", "", "bp::lang::Catalogue& catalogue() {",
                          f"  static constexpr const char* kKorean = {table}",
                          "  static bp::lang::Catalogue c(kEnglish, kStringCount, kKorean);", "  return c;", "}", "",
                          f"}}  // namespace {ns}", ""])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--catalogue", action="append", default=[], help="NAME=DIR")
    p.add_argument("--header", action="append", default=[], help="NAME=OUT")
    p.add_argument("--source", action="append", default=[], help="NAME=OUT")
    p.add_argument("--builtin", action="append", default=[], help="LANG")
    p.add_argument("--table-header", action="append", default=[], help="NAME:LANG=OUT")
    p.add_argument("--table", action="append", default=[], help="LANG=OUT")
    p.add_argument("--chars", action="append", default=[], help="LANG=OUT")
    a = p.parse_args()

    catalogues = {name: Catalogue(folder) for name, folder in pairs(a.catalogue)}
    for name, out in pairs(a.header):
        write(out, catalogues[name].header())
    for name, out in pairs(a.source):
        write(out, catalogues[name].source(f"{name}_strings.h", a.builtin))
    for spec, out in pairs(a.table_header):
        name, lang = spec.split(":", 1)
        # the table exactly as the web fetches it, so both builds read it the same way
        # in the catalogue's namespace: each catalogue's table is its own (one name for all would be
        # one inline variable, the linker keeping any of them)
        ns = catalogues[name].enum[0]
        write(out, "// Generated by cmake/i18n.py: do not edit.\n#pragma once\n\n"
                   f"namespace {ns} {{\ninline constexpr const char kTable_{lang}[] = "
                   f"{c_escape(catalogues[name].table(lang))};\n}}  // namespace {ns}\n")
    for lang, out in pairs(a.table):
        write(out, "".join(c.table(lang) for c in catalogues.values()))
    for lang, out in pairs(a.chars):
        used = sorted({ord(ch) for c in catalogues.values() for t in c.langs[lang].values()
                       for ch in unescape(t) if ord(ch) > 0x7E})
        write(out, "".join(f"{u:04X}\n" for u in used))


if __name__ == "__main__":
    main()
