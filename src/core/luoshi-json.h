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

G_END_DECLS
