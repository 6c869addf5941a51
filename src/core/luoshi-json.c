/* luoshi-json.c: the few JSON pieces the export writes
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "luoshi-json.h"

#include <math.h>
#include <string.h>

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

/* A cursor over JSON text; parse errors leave it at NULL. */
typedef struct {
  const char *p;
} Cursor;

static void
skip_space (Cursor *c)
{
  while (c->p && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
    c->p++;
}

static gboolean
expect (Cursor *c,
        char    ch)
{
  skip_space (c);
  if (c->p == NULL || *c->p != ch)
    {
      c->p = NULL;
      return FALSE;
    }
  c->p++;
  return TRUE;
}

static gboolean
peek (Cursor *c,
      char    ch)
{
  skip_space (c);
  return c->p != NULL && *c->p == ch;
}

static char *
parse_string (Cursor *c)
{
  const char *end;
  GString *out;

  if (!expect (c, '"'))
    return NULL;

  /* Most strings have no escapes: copy them in one go. */
  end = strpbrk (c->p, "\"\\");
  if (end != NULL && *end == '"')
    {
      char *plain = g_strndup (c->p, end - c->p);

      c->p = end + 1;
      return plain;
    }

  out = g_string_new (NULL);
  while (*c->p && *c->p != '"')
    {
      if (*c->p != '\\')
        {
          g_string_append_c (out, *c->p++);
          continue;
        }
      c->p++;
      switch (*c->p)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'u':
          {
            char hex[5] = { 0 };
            gunichar ch;

            for (int i = 0; i < 4; i++)
              {
                if (!g_ascii_isxdigit (c->p[1 + i]))
                  goto fail;
                hex[i] = c->p[1 + i];
              }
            ch = (gunichar) g_ascii_strtoull (hex, NULL, 16);
            g_string_append_unichar (out, ch);
            c->p += 4;
          }
          break;
        case '\0':
          goto fail;
        default:
          g_string_append_c (out, *c->p);
        }
      c->p++;
    }
  if (*c->p != '"')
    goto fail;
  c->p++;
  return g_string_free (out, FALSE);

fail:
  g_string_free (out, TRUE);
  c->p = NULL;
  return NULL;
}

/* A scalar as a string; *is_null for null. */
static char *
parse_scalar (Cursor   *c,
              gboolean *is_null)
{
  const char *start;

  *is_null = FALSE;
  if (peek (c, '"'))
    return parse_string (c);
  if (c->p == NULL)
    return NULL;
  start = c->p;
  while (*c->p && *c->p != ',' && *c->p != '}' && *c->p != ']' && !g_ascii_isspace (*c->p))
    c->p++;
  if (c->p == start)
    {
      c->p = NULL;
      return NULL;
    }
  if (c->p - start == 4 && strncmp (start, "null", 4) == 0)
    {
      *is_null = TRUE;
      return NULL;
    }
  return g_strndup (start, c->p - start);
}

/* Calls @func for each member of the object at @c. */
static gboolean
parse_object (Cursor               *c,
              guint                 index,
              LuoshiJsonMemberFunc  func,
              gpointer              user_data)
{
  if (!expect (c, '{'))
    return FALSE;
  func (index, NULL, NULL, user_data);
  if (peek (c, '}'))
    {
      c->p++;
      return TRUE;
    }
  do
    {
      g_autofree char *key = parse_string (c);
      g_autofree char *value = NULL;
      gboolean is_null;

      if (key == NULL || !expect (c, ':'))
        return FALSE;
      value = parse_scalar (c, &is_null);
      if (value == NULL && !is_null)
        return FALSE;
      func (index, key, value, user_data);
    }
  while (peek (c, ',') && c->p++);
  return expect (c, '}');
}

gboolean
luoshi_json_foreach_member (const char           *json,
                            LuoshiJsonMemberFunc  func,
                            gpointer              user_data)
{
  Cursor c = { json };
  guint index = 0;

  g_return_val_if_fail (func != NULL, FALSE);

  if (json == NULL || !expect (&c, '['))
    return FALSE;
  if (peek (&c, ']'))
    return TRUE;
  do
    {
      if (!parse_object (&c, index++, func, user_data))
        return FALSE;
    }
  while (peek (&c, ',') && c.p++);
  return expect (&c, ']');
}

GStrv
luoshi_json_parse_strings (const char *json)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  Cursor c = { json };

  if (json == NULL || !expect (&c, '['))
    return NULL;
  if (!peek (&c, ']'))
    do
      {
        gboolean is_null;
        char *value = parse_scalar (&c, &is_null);

        if (c.p == NULL)
          {
            g_free (value);
            return NULL;
          }
        if (value != NULL)
          g_strv_builder_add (builder, value);
        g_free (value);
      }
    while (peek (&c, ',') && c.p++);
  if (!expect (&c, ']'))
    return NULL;
  return g_strv_builder_end (builder);
}
