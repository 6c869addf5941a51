/* luoshi-track-library.h: tracking runs over the library database
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-document.h"
#include "luoshi-store.h"
#include "luoshi-verdict.h"

G_BEGIN_DECLS

/* What the app does after each import: proposes plan→review chains among
 * all reports of @store (luoshi_chain_propose), replaces the app's earlier
 * proposal with it (the user's chains stay), then tracks every chain and
 * stores the suggested verdicts (luoshi_store_suggest_verdicts: the user's
 * decisions are left alone, and nothing goes into the undo history).
 * @rules: NULL for the defaults. @n_chains (may be NULL) gets how many
 * chains there are now. */
gboolean        luoshi_track_library      (LuoshiStore              *store,
                                           const LuoshiVerdictRules *rules,
                                           guint                    *n_chains,
                                           GError                  **error);

/* Tracks the goals of stored report @plan_report_id against stored report
 * @review_report_id and stores the suggestions, as above. For a pair the
 * user made by hand, or to bring a chain's evidence up to date. */
gboolean        luoshi_track_stored_pair  (LuoshiStore              *store,
                                           gint64                    plan_report_id,
                                           gint64                    review_report_id,
                                           const LuoshiVerdictRules *rules,
                                           GError                  **error);

/* The stored file holding report @report_id, as a document (with the
 * user's verdicts on its items), and the report's index in it. */
LuoshiDocument *luoshi_track_load_report  (LuoshiStore              *store,
                                           gint64                    report_id,
                                           guint                    *index,
                                           gint64                   *file_id,
                                           GError                  **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
