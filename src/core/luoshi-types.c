/* luoshi-types.c: string forms of the core enumerations
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-types.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* These strings are the export contract's; never translate them. */
static const char *report_kinds[] = { "other", "review", "plan", "review+plan", "speech" };
static const char *section_kinds[] = { "other", "review", "plan", "problem" };
static const char *item_kinds[] = { "goal", "achievement", "problem" };
static const char *statuses[] = { "unrated", "met", "partly", "in_progress", "not_met", "no_evidence" };

static int
index_of (const char * const *strv,
          guint               n,
          const char         *str)
{
  if (str == NULL)
    return -1;
  for (guint i = 0; i < n; i++)
    if (strcmp (strv[i], str) == 0)
      return (int) i;
  return -1;
}

const char *
luoshi_report_kind_to_string (LuoshiReportKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (report_kinds), "other");
  return report_kinds[kind];
}

LuoshiReportKind
luoshi_report_kind_from_string (const char *str)
{
  int i = index_of (report_kinds, G_N_ELEMENTS (report_kinds), str);
  return i < 0 ? LUOSHI_REPORT_OTHER : (LuoshiReportKind) i;
}

const char *
luoshi_section_kind_to_string (LuoshiSectionKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (section_kinds), "other");
  return section_kinds[kind];
}

const char *
luoshi_item_kind_to_string (LuoshiItemKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (item_kinds), "goal");
  return item_kinds[kind];
}

gboolean
luoshi_item_kind_from_string (const char     *str,
                              LuoshiItemKind *kind)
{
  int i = index_of (item_kinds, G_N_ELEMENTS (item_kinds), str);
  if (i < 0)
    return FALSE;
  *kind = (LuoshiItemKind) i;
  return TRUE;
}

const char *
luoshi_status_to_string (LuoshiStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (statuses), "unrated");
  return statuses[status];
}

const char *
luoshi_status_get_label (LuoshiStatus status)
{
  switch (status)
    {
    /* Translators: verdicts on a goal, in the app and the printed sheet */
    case LUOSHI_STATUS_MET: return _("Met");
    case LUOSHI_STATUS_PARTLY: return _("Partly met");
    case LUOSHI_STATUS_IN_PROGRESS: return _("In progress");
    case LUOSHI_STATUS_NOT_MET: return _("Not met");
    case LUOSHI_STATUS_NO_EVIDENCE: return _("No evidence");
    case LUOSHI_STATUS_UNRATED: return _("Unrated");
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
luoshi_status_from_string (const char   *str,
                           LuoshiStatus *status)
{
  int i = index_of (statuses, G_N_ELEMENTS (statuses), str);
  if (i < 0)
    return FALSE;
  *status = (LuoshiStatus) i;
  return TRUE;
}
