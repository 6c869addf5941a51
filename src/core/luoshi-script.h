/* luoshi-script.h: simplified and traditional Chinese characters
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text in simplified characters (OpenCC t2s) with exactly the same
 * number of code points, so offsets into one are offsets into the other.
 * Text that is already simplified comes back unchanged. Thread-safe. */
char     *luoshi_script_simplify (const char *text,
                                  gssize      len) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
