#!/usr/bin/env python3
# Copyright 2026 The Luoshi authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that Luoshi's translations are complete and well-formed.

Usage: check-catalogues.py SOURCE_ROOT [--list]

1. Every .c/.h/.ui/.desktop.in/.metainfo.xml.in/.gschema.xml file under src/
   and data/ that has translatable strings must be listed in po/POTFILES.in,
   so a forgotten file is caught here rather than by a user seeing English.
2. The template is regenerated from POTFILES.in with the same xgettext
   options as meson's 'glib' preset; a msgid cut short by a GLib format
   macro (G_GINT64_FORMAT is not understood by xgettext, PRId64 is) fails,
   since that string could never be translated at run time.
3. Each catalogue in LINGUAS is merged with the fresh template (without fuzzy
   matching); any untranslated or fuzzy entry fails, and the catalogue must
   pass `msgfmt -c --check-format --check-accelerators=_`.

With --list, only print the files of step 1 (to regenerate POTFILES.in).
The check works on temporary copies: the source tree is never modified.
"""

import os
import re
import subprocess
import sys
import tempfile

# Same keywords and flags as meson's i18n 'glib' preset (po/meson.build).
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '-k_',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

C_MARKERS = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|g_dngettext|g_dcgettext|g_dpgettext2?|g_dgettext)\s*\(')
UI_MARKERS = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"|<_[A-Za-z]')
# gettext's ITS rules translate these without any marker.
DESKTOP_MARKERS = re.compile(r'^(?:_?Name|_?GenericName|_?Comment|_?Keywords)\s*=', re.M)
METAINFO_MARKERS = re.compile(r'<_?(?:name|summary|p|li|caption)[\s>]')
GSCHEMA_MARKERS = re.compile(r'gettext-domain\s*=')


def strip_c_comments(text):
    # A "_(" inside a comment is not a string; keep string literals intact.
    return re.sub(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"',
                  lambda m: m.group(0) if m.group(0).startswith('"') else ' ',
                  text, flags=re.S)


def has_strings(path):
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except (UnicodeDecodeError, OSError):
        return False
    name = os.path.basename(path)
    if name.endswith(('.c', '.h')):
        return C_MARKERS.search(strip_c_comments(text)) is not None
    if name.endswith('.ui'):
        return UI_MARKERS.search(text) is not None
    if name.endswith('.desktop.in'):
        return DESKTOP_MARKERS.search(text) is not None
    if name.endswith('.metainfo.xml.in'):
        return METAINFO_MARKERS.search(text) is not None
    if name.endswith('.gschema.xml'):
        return GSCHEMA_MARKERS.search(text) is not None
    return False


def files_with_strings(root):
    found = []
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if has_strings(path):
                    found.append(os.path.relpath(path, root))
    return found


def read_list(path):
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f
                if line.strip() and not line.lstrip().startswith('#')]


def run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def cut_short_msgids(pot):
    """Msgids ending in a lone '%': xgettext stopped at a macro it does not
    know, so the string looked up at run time never matches the catalogue."""
    with open(pot, encoding='utf-8') as f:
        text = f.read()
    found = []
    for block in re.findall(r'^msgid(?:_plural)? ((?:".*"\n)+)', text, re.M):
        msgid = ''.join(re.findall(r'"(.*)"', block))
        if re.search(r'(?<!%)(?:%%)*%$', msgid):
            found.append('"' + msgid + '"')
    return found


def count_entries(po):
    """Entries of a catalogue other than the header, fuzzy or not."""
    result = run(['msgattrib', '--no-obsolete', po])
    return len(re.findall(r'^msgid ', result.stdout, re.M)) - 1


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = os.path.abspath(sys.argv[1])
    po_dir = os.path.join(root, 'po')
    candidates = files_with_strings(root)
    if '--list' in sys.argv[2:]:
        print('\n'.join(candidates))
        return 0

    failures = []
    potfiles = read_list(os.path.join(po_dir, 'POTFILES.in'))
    for path in candidates:
        if path not in potfiles:
            failures.append(f'{path} has translatable strings but is not in po/POTFILES.in')
    for path in potfiles:
        if not os.path.exists(os.path.join(root, path)):
            failures.append(f'po/POTFILES.in lists {path}, which does not exist')
    if failures:
        print('\n'.join(failures))
        return 1

    with tempfile.TemporaryDirectory(prefix='luoshi-po-') as tmp:
        pot = os.path.join(tmp, 'luoshi.pot')
        result = run(['xgettext', '--package-name=luoshi', '-f',
                      os.path.join(po_dir, 'POTFILES.in'), '-D', root,
                      '-o', pot] + XGETTEXT_ARGS)
        if result.returncode != 0:
            print(result.stderr)
            return 1
        for msgid in cut_short_msgids(pot):
            failures.append('msgid cut short by a macro (use PRId64 or %zu, not '
                            'G_*_FORMAT, inside a translatable string): ' + msgid)
        total = count_entries(pot)
        print(f'template: {total} messages from {len(potfiles)} files')

        for lang in read_list(os.path.join(po_dir, 'LINGUAS')):
            po = os.path.join(po_dir, lang + '.po')
            # --check-accelerators: a translated mnemonic keeps its one '_'.
            check = run(['msgfmt', '-c', '--check-format', '--check-accelerators=_',
                         '-o', os.devnull, po])
            if check.returncode != 0:
                failures.append(f'{lang}.po does not compile with msgfmt -c:\n{check.stderr}')
                continue
            merged = os.path.join(tmp, lang + '.po')
            merge = run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot])
            if merge.returncode != 0:
                failures.append(f'{lang}.po does not merge:\n{merge.stderr}')
                continue
            for what, option in (('untranslated', '--untranslated'), ('fuzzy', '--only-fuzzy')):
                listing = run(['msgattrib', '--no-obsolete', option, merged]).stdout
                ids = [m for m in re.findall(r'^msgid ((?:".*"\n)+)', listing, re.M)
                       if m.strip() != '""']
                for msgid in ids:
                    failures.append(f'{lang}.po: {what}: ' + msgid.replace('"\n"', '').strip())
            stats = run(['msgfmt', '--statistics', '-o', os.devnull, merged]).stderr.strip()
            print(f'{lang}.po: {stats}')

    if failures:
        print('\n'.join(failures))
        print(f'{len(failures)} problem(s)')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
