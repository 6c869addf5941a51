/* luoshi-bench.h: timings the benchmarks read from a running window
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* With LUOSHI_BENCH set, tests/bench/bench-app.sh reads lines from the
 * app's standard output:
 *   "luoshi-bench: LABEL N ms (longest main-loop stall so far N ms)"
 * after the first frame drawn once LABEL was marked (N counts from the
 * time given with the mark), and "luoshi-bench: stall N ms" whenever the
 * main loop could not run for more than 100 ms. */

typedef struct _LuoshiBench LuoshiBench;

/* NULL unless LUOSHI_BENCH is set. */
LuoshiBench *luoshi_bench_new   (void);
void         luoshi_bench_free  (LuoshiBench *self);
/* Starts watching the frames of @widget (once it is realized). */
void         luoshi_bench_watch (LuoshiBench *self,
                                 GtkWidget   *widget);
/* Prints @label with the time since @since (monotonic) after the next frame. */
void         luoshi_bench_mark  (LuoshiBench *self,
                                 const char  *label,
                                 gint64       since);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiBench, luoshi_bench_free)

G_END_DECLS
