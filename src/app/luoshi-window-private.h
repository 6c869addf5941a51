/* luoshi-window-private.h: the window's insides, for its actions and tests
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-bench.h"
#include "luoshi-import-job.h"
#include "luoshi-report-list.h"
#include "luoshi-report-view.h"
#include "luoshi-search-page.h"
#include "luoshi-tracking-view.h"
#include "luoshi-window.h"

G_BEGIN_DECLS

struct _LuoshiWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  AdwLeaflet           *leaflet;
  GtkSearchEntry       *report_filter;
  GtkStack             *sidebar_stack;
  LuoshiReportList     *report_list;
  AdwStatusPage        *sidebar_empty;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  AdwViewStack         *view_stack;
  GtkStack             *report_stack;
  LuoshiReportView     *report_view;
  LuoshiSearchPage     *search_page;
  LuoshiTrackingView   *tracking_view;
  AdwStatusPage        *error_page;

  /* Owned */
  LuoshiContext        *context;     /* NULL when the library failed to open */
  GSettings            *settings;    /* NULL without the installed schema */
  LuoshiImportJob      *job;         /* the running import, or NULL */
  GCancellable         *job_cancellable;
  GPtrArray            *failures;    /* of LuoshiImportFailure, last import */
  GtkFileChooserNative *chooser;

  /* With LUOSHI_BENCH: timings, and when the report still filling the
   * view was asked for (0 when none is). */
  LuoshiBench          *bench;
  gboolean              bench_mapped;
  gint64                bench_report_since;
};

void                _luoshi_window_class_actions_init (LuoshiWindowClass *klass);
void                _luoshi_window_actions_update     (LuoshiWindow      *self);
void                _luoshi_window_open_folder        (LuoshiWindow      *self);
void                _luoshi_window_cancel_import      (LuoshiWindow      *self);
void                _luoshi_window_show_failures      (LuoshiWindow      *self);
void                _luoshi_window_show_search        (LuoshiWindow      *self);
void                _luoshi_window_toast              (LuoshiWindow      *self,
                                                       const char        *title);

G_END_DECLS
