/* luoshi-verdict-bar.c: counts of verdicts as one stacked horizontal bar
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "luoshi-item-object.h"
#include "luoshi-verdict-bar.h"

struct _LuoshiVerdictBar
{
  GtkWidget parent_instance;

  guint     counts[LUOSHI_N_STATUSES];
};

G_DEFINE_FINAL_TYPE (LuoshiVerdictBar, luoshi_verdict_bar, GTK_TYPE_WIDGET)

/* Good news first, then what needs attention, then what nobody judged. */
const LuoshiStatus luoshi_verdict_bar_order[LUOSHI_N_STATUSES] = {
  LUOSHI_STATUS_MET, LUOSHI_STATUS_PARTLY, LUOSHI_STATUS_IN_PROGRESS,
  LUOSHI_STATUS_NOT_MET, LUOSHI_STATUS_NO_EVIDENCE, LUOSHI_STATUS_UNRATED,
};

#define BAR_HEIGHT 14
#define GAP 2.0

const char *
luoshi_verdict_css_class (LuoshiStatus status)
{
  switch (status)
    {
    case LUOSHI_STATUS_MET: return "verdict-met";
    case LUOSHI_STATUS_PARTLY: return "verdict-partly";
    case LUOSHI_STATUS_IN_PROGRESS: return "verdict-in-progress";
    case LUOSHI_STATUS_NOT_MET: return "verdict-not-met";
    case LUOSHI_STATUS_NO_EVIDENCE: return "verdict-no-evidence";
    case LUOSHI_STATUS_UNRATED:
    default: return "verdict-unrated";
    }
}

void
luoshi_verdict_color (GtkWidget    *widget,
                      LuoshiStatus  status,
                      GdkRGBA      *color)
{
  /* libadwaita's named colours are lighter in dark mode, so the same
   * names stay readable on both backgrounds. */
  static const struct { const char *name; const char *fallback; } named[] = {
    [LUOSHI_STATUS_UNRATED] = { "window_fg_color", "#808080" },
    [LUOSHI_STATUS_MET] = { "success_color", "#26a269" },
    [LUOSHI_STATUS_PARTLY] = { "warning_color", "#cd9309" },
    [LUOSHI_STATUS_IN_PROGRESS] = { "accent_color", "#1c71d8" },
    [LUOSHI_STATUS_NOT_MET] = { "error_color", "#c01c28" },
    [LUOSHI_STATUS_NO_EVIDENCE] = { "window_fg_color", "#808080" },
  };
  GtkStyleContext *context;

  g_return_if_fail (status < G_N_ELEMENTS (named));

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  if (!gtk_style_context_lookup_color (context, named[status].name, color))
    gdk_rgba_parse (color, named[status].fallback);
G_GNUC_END_IGNORE_DEPRECATIONS

  /* Greys from the text colour: plain for no evidence, faint for unrated. */
  if (status == LUOSHI_STATUS_NO_EVIDENCE)
    color->alpha = 0.45f;
  else if (status == LUOSHI_STATUS_UNRATED)
    color->alpha = 0.15f;
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
luoshi_verdict_bar_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  LuoshiVerdictBar *self = LUOSHI_VERDICT_BAR (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float radius = MIN (height / 2.0f, 4.0f);
  guint total = luoshi_verdict_bar_get_total (self);
  guint n_segments = 0;
  float x = 0, usable;
  graphene_rect_t rect;
  GdkRGBA color;

  if (width <= 0 || height <= 0)
    return;

  if (total == 0)
    {
      luoshi_verdict_color (widget, LUOSHI_STATUS_UNRATED, &color);
      graphene_rect_init (&rect, 0, 0, width, height);
      append_rounded (snapshot, &rect, radius, &color);
      return;
    }

  for (guint i = 0; i < LUOSHI_N_STATUSES; i++)
    if (self->counts[i] > 0)
      n_segments++;
  /* Gaps between segments keep neighbours apart for colour-blind eyes. */
  usable = width - GAP * (n_segments - 1);
  for (guint i = 0; i < LUOSHI_N_STATUSES; i++)
    {
      LuoshiStatus status = luoshi_verdict_bar_order[i];
      float w;

      if (self->counts[status] == 0)
        continue;
      w = usable * self->counts[status] / (float) total;
      luoshi_verdict_color (widget, status, &color);
      graphene_rect_init (&rect, x, 0, MAX (w, 1.0f), height);
      append_rounded (snapshot, &rect, radius, &color);
      x += w + GAP;
    }
}

static void
luoshi_verdict_bar_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 48;
      *natural = 240;
    }
  else
    *minimum = *natural = BAR_HEIGHT;
}

static void
luoshi_verdict_bar_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (luoshi_verdict_bar_parent_class)->css_changed (widget, change);
  /* Colours come from the style: follow light/dark switches. */
  gtk_widget_queue_draw (widget);
}

static void
luoshi_verdict_bar_class_init (LuoshiVerdictBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = luoshi_verdict_bar_snapshot;
  widget_class->measure = luoshi_verdict_bar_measure;
  widget_class->css_changed = luoshi_verdict_bar_css_changed;
  gtk_widget_class_set_css_name (widget_class, "verdictbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
luoshi_verdict_bar_init (LuoshiVerdictBar *self)
{
}

GtkWidget *
luoshi_verdict_bar_new (void)
{
  return g_object_new (LUOSHI_TYPE_VERDICT_BAR, NULL);
}

void
luoshi_verdict_bar_set_counts (LuoshiVerdictBar *self,
                               const guint       counts[LUOSHI_N_STATUSES])
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (LUOSHI_IS_VERDICT_BAR (self));

  if (memcmp (self->counts, counts, sizeof self->counts) == 0)
    return;
  memcpy (self->counts, counts, sizeof self->counts);

  for (guint i = 0; i < LUOSHI_N_STATUSES; i++)
    {
      LuoshiStatus status = luoshi_verdict_bar_order[i];

      if (counts[status] == 0)
        continue;
      /* Translators: between the verdict counts, e.g. "Met: 12, Not met: 3" */
      if (description->len > 0)
        g_string_append (description, _(", "));
      /* Translators: a verdict and how many goals have it, e.g. "Met: 12" */
      g_string_append_printf (description, _("%s: %u"),
                              luoshi_status_get_label (status),
                              counts[status]);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description->str);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
luoshi_verdict_bar_get_count (LuoshiVerdictBar *self,
                              LuoshiStatus      status)
{
  g_return_val_if_fail (LUOSHI_IS_VERDICT_BAR (self), 0);
  g_return_val_if_fail (status < LUOSHI_N_STATUSES, 0);

  return self->counts[status];
}

guint
luoshi_verdict_bar_get_total (LuoshiVerdictBar *self)
{
  guint total = 0;

  g_return_val_if_fail (LUOSHI_IS_VERDICT_BAR (self), 0);

  for (guint i = 0; i < LUOSHI_N_STATUSES; i++)
    total += self->counts[i];
  return total;
}
