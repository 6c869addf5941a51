/* luoshi-json.c: the few JSON pieces the export writes
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "luoshi-json.h"

#include <math.h>

void
luoshi_json_append_string (GString    *out,
                           const char *str)
{
  if (str == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) str; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_key (GString    *out,
            const char *key)
{
  luoshi_json_append_string (out, key);
  g_string_append_c (out, ':');
}

void
luoshi_json_append_member (GString    *out,
                           const char *key,
                           const char *value)
{
  append_key (out, key);
  luoshi_json_append_string (out, value);
}

void
luoshi_json_append_uint (GString    *out,
                         const char *key,
                         guint64     value)
{
  append_key (out, key);
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, value);
}

void
luoshi_json_append_double (GString    *out,
                           const char *key,
                           double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  append_key (out, key);
  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  /* Integral values print without a fraction, as people write them. */
  if (value == floor (value) && fabs (value) < 1e15)
    g_string_append_printf (out, "%.0f", value);
  else
    g_string_append (out, g_ascii_dtostr (buf, sizeof buf, value));
}

void
luoshi_json_append_bool (GString    *out,
                         const char *key,
                         gboolean    value)
{
  append_key (out, key);
  g_string_append (out, value ? "true" : "false");
}
