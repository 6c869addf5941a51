/* luoshi-script.c: simplified and traditional Chinese characters
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-script.h"

#include <opencc.h>
#include <string.h>

/* Loading OpenCC's dictionaries takes tens of milliseconds, so one
 * converter is opened on first use and kept: it is read-only data, and
 * the mutex makes its use safe from the import thread and the UI. */
static GMutex converter_lock;

static opencc_t
get_converter (void)
{
  static gsize initialized = 0;
  static opencc_t converter = (opencc_t) -1;

  if (g_once_init_enter (&initialized))
    {
      converter = opencc_open (OPENCC_T2S_CONFIG);
      if (converter == (opencc_t) -1)
        g_warning ("OpenCC could not load %s: %s; traditional text will not "
                   "be matched with simplified text",
                   OPENCC_T2S_CONFIG, opencc_error ());
      g_once_init_leave (&initialized, 1);
    }
  return converter;
}

static char *
convert (opencc_t    converter,
         const char *text,
         gsize       len)
{
  char *out;
  char *copy;

  g_mutex_lock (&converter_lock);
  out = opencc_convert_utf8 (converter, text, len);
  g_mutex_unlock (&converter_lock);
  if (out == NULL)
    return g_strndup (text, len);
  copy = g_strdup (out);
  opencc_convert_utf8_free (out);
  return copy;
}

static gboolean
is_ascii (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* The simplified form of each character of the CJK blocks, found once by
 * converting the whole block with OpenCC. Converting a character at a
 * time keeps offsets aligned and runs at memory speed; OpenCC's phrase
 * tables, which it skips, matter for display, not for matching. */
#define CJK_FIRST 0x3400
#define CJK_LAST  0x9fff
#define CJK_COUNT (CJK_LAST - CJK_FIRST + 1)

typedef struct {
  gunichar simplified[CJK_COUNT];  /* 0 where t2s keeps the character */
  gboolean any;
} Table;

static const Table *
get_table (void)
{
  static gsize initialized = 0;
  static Table table;

  if (g_once_init_enter (&initialized))
    {
      opencc_t converter = get_converter ();

      if (converter != (opencc_t) -1)
        {
          GString *block = g_string_sized_new (CJK_COUNT * 4);
          g_autofree char *converted = NULL;
          const char *a, *b;

          /* A line break after each character keeps phrases from forming. */
          for (gunichar c = CJK_FIRST; c <= CJK_LAST; c++)
            {
              g_string_append_unichar (block, c);
              g_string_append_c (block, '\n');
            }
          converted = convert (converter, block->str, block->len);
          for (a = block->str, b = converted; *a && b && *b; a = strchr (a, '\n') + 1)
            {
              const char *b_end = strchr (b, '\n');
              gunichar ca = g_utf8_get_char (a);
              gunichar cb = g_utf8_get_char (b);

              if (b_end == NULL)
                break;
              if (ca != cb && g_utf8_next_char (b) == b_end)
                {
                  table.simplified[ca - CJK_FIRST] = cb;
                  table.any = TRUE;
                }
              b = b_end + 1;
            }
          g_string_free (block, TRUE);
        }
      g_once_init_leave (&initialized, 1);
    }
  return &table;
}

char *
luoshi_script_simplify (const char *text,
                        gssize      len)
{
  const Table *table;
  const char *end;
  char *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = strlen (text);

  out = g_strndup (text, len);
  if (is_ascii (text, len))
    return out;

  table = get_table ();
  if (!table->any)
    return out;

  /* Simplified and traditional characters of the block both take three
   * bytes in UTF-8, so the conversion happens in place. */
  end = out + len;
  for (char *p = out; p < end; p++)
    {
      gunichar c, s;

      if ((guchar) *p < 0xe3 || (guchar) *p > 0xe9 || end - p < 3)
        continue;
      c = g_utf8_get_char (p);
      if (c >= CJK_FIRST && c <= CJK_LAST && (s = table->simplified[c - CJK_FIRST]) != 0 &&
          g_unichar_to_utf8 (s, NULL) == 3)
        g_unichar_to_utf8 (s, p);
      p += 2;
    }
  return out;
}
