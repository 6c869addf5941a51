/* luoshi-extract.h: find goals, achievements and problems, and report facts
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-document.h"

G_BEGIN_DECLS

/* Fills @doc's items (replacing any) from its segmented sentences and
 * sections: goals, achievements and problems, one per labelled sentence
 * (a goal sentence listing several figures gives one per figure), each
 * with its span, section path, figures and confidence. Call after
 * luoshi_segment(), which sets each report's kind, period and issuing
 * body. */
void luoshi_extract (LuoshiDocument *doc);

G_END_DECLS
