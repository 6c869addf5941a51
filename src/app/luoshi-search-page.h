/* luoshi-search-page.h: full-text search across the library
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "luoshi-store.h"

G_BEGIN_DECLS

/* A search entry over luoshi_store_search(): each hit shows its file,
 * line and sentence with the match in bold. Simplified and traditional
 * characters match each other.
 *
 * Signals:
 *   "hit-activated" (gint64 report_id, guint start, guint end): the user
 *       chose a hit; offsets are code points of the file's text. */

#define LUOSHI_TYPE_SEARCH_PAGE (luoshi_search_page_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiSearchPage, luoshi_search_page, LUOSHI, SEARCH_PAGE, GtkWidget)

void        luoshi_search_page_set_store  (LuoshiSearchPage *self,
                                           LuoshiStore      *store);
/* Runs the search at once (without the entry's typing delay). */
void        luoshi_search_page_set_query  (LuoshiSearchPage *self,
                                           const char       *query);
guint       luoshi_search_page_get_n_hits (LuoshiSearchPage *self);
/* Activates hit @index as if the user clicked it. */
void        luoshi_search_page_activate_hit (LuoshiSearchPage *self,
                                           guint             index);
void        luoshi_search_page_focus      (LuoshiSearchPage *self);

G_END_DECLS
