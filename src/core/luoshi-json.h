/* luoshi-json.h: the few JSON pieces the export writes
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @str as a JSON string literal ("null" for NULL). */
void luoshi_json_append_string (GString    *out,
                                const char *str);
/* Appends "key": and the string value. */
void luoshi_json_append_member (GString    *out,
                                const char *key,
                                const char *value);
void luoshi_json_append_uint   (GString    *out,
                                const char *key,
                                guint64     value);
/* Shortest exact decimal form; NaN and infinities become null. */
void luoshi_json_append_double (GString    *out,
                                const char *key,
                                double      value);
void luoshi_json_append_bool   (GString    *out,
                                const char *key,
                                gboolean    value);

/* Called with @key NULL when the @index-th object of an array begins,
 * then for each of its members, in order; @value as a string: numbers
 * as written, "true"/"false", NULL for null. */
typedef void (*LuoshiJsonMemberFunc) (guint       index,
                                      const char *key,
                                      const char *value,
                                      gpointer    user_data);

/* Parses what the functions above write, for reading it back fast: a
 * JSON array of flat objects whose values are strings, numbers, true,
 * false or null. Returns FALSE if @json is not of that shape, maybe
 * after calling @func for what came before the fault. */
gboolean   luoshi_json_foreach_member (const char           *json,
                                       LuoshiJsonMemberFunc  func,
                                       gpointer              user_data);
/* A JSON array of strings (other values are skipped), or NULL if @json
 * is not an array. */
GStrv      luoshi_json_parse_strings (const char *json) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
