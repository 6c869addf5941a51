/* luoshi-extract.h: find goals, achievements and problems, and report facts
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-document.h"

G_BEGIN_DECLS

/* Fills @doc's items from its segmented sentences and sections, and each
 * report's kind, period and issuing body. Call after luoshi_segment(). */
void luoshi_extract (LuoshiDocument *doc);

G_END_DECLS
