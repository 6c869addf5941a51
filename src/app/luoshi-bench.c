/* luoshi-bench.c: timings the benchmarks read from a running window
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-bench.h"

/* A main loop that missed its 10 ms tick by more than this stalled. */
#define STALL_US 100000

typedef struct
{
  const char *label;  /* static */
  gint64      since;
} Mark;

struct _LuoshiBench
{
  GArray        *marks;  /* of Mark, printed after the next frame */
  GtkWidget     *widget; /* weak */
  GdkFrameClock *clock;
  gulong         paint_handler;
  guint          tick;
  gint64         last_tick;
  gint64         max_stall;
};

LuoshiBench *
luoshi_bench_new (void)
{
  LuoshiBench *self;

  if (g_getenv ("LUOSHI_BENCH") == NULL)
    return NULL;
  self = g_new0 (LuoshiBench, 1);
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  return self;
}

void
luoshi_bench_free (LuoshiBench *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->tick, g_source_remove);
  g_clear_signal_handler (&self->paint_handler, self->clock);
  g_clear_object (&self->clock);
  g_clear_weak_pointer (&self->widget);
  g_array_unref (self->marks);
  g_free (self);
}

static void
after_paint_cb (GdkFrameClock *clock,
                LuoshiBench   *self)
{
  gint64 now = g_get_monotonic_time ();

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);

      g_print ("luoshi-bench: %s %.1f ms (longest main-loop stall so far %.1f ms)\n",
               mark->label, (now - mark->since) / 1000.0, self->max_stall / 1000.0);
    }
  g_array_set_size (self->marks, 0);
}

/* How long the main loop went without running a 10 ms timeout: the
 * longest time the window could not respond. */
static gboolean
tick_cb (gpointer data)
{
  LuoshiBench *self = data;
  gint64 now = g_get_monotonic_time ();

  if (self->last_tick > 0)
    {
      gint64 stall = now - self->last_tick - 10000;

      self->max_stall = MAX (self->max_stall, stall);
      if (stall > STALL_US)
        g_print ("luoshi-bench: stall %.1f ms\n", stall / 1000.0);
    }
  self->last_tick = now;
  return G_SOURCE_CONTINUE;
}

void
luoshi_bench_watch (LuoshiBench *self,
                    GtkWidget   *widget)
{
  GdkFrameClock *clock;

  if (self == NULL || (clock = gtk_widget_get_frame_clock (widget)) == NULL || clock == self->clock)
    return;

  g_clear_signal_handler (&self->paint_handler, self->clock);
  g_set_object (&self->clock, clock);
  self->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
  g_set_weak_pointer (&self->widget, widget);
  if (self->tick == 0)
    self->tick = g_timeout_add (10, tick_cb, self);
}

void
luoshi_bench_mark (LuoshiBench *self,
                   const char  *label,
                   gint64       since)
{
  Mark mark = { label, since };

  if (self == NULL)
    return;
  g_array_append_val (self->marks, mark);
  if (self->widget != NULL)
    gtk_widget_queue_draw (self->widget);
}
