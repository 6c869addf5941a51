/* luoshi-segment.h: split a document into reports, outline sections and sentences
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-document.h"

G_BEGIN_DECLS

/* Fills @doc's reports, sections and sentences from its text, replacing
 * what it had. Every sentence belongs to exactly one report. */
void luoshi_segment (LuoshiDocument *doc);

G_END_DECLS
