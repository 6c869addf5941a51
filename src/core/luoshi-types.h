/* luoshi-types.h: forward declarations of the core types
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LuoshiDocument  LuoshiDocument;
typedef struct _LuoshiReport    LuoshiReport;
typedef struct _LuoshiSection   LuoshiSection;
typedef struct _LuoshiSentence  LuoshiSentence;
typedef struct _LuoshiItem      LuoshiItem;
typedef struct _LuoshiMetric    LuoshiMetric;
typedef struct _LuoshiPeriod    LuoshiPeriod;
typedef struct _LuoshiDecoded   LuoshiDecoded;
typedef struct _LuoshiEvidence  LuoshiEvidence;
typedef struct _LuoshiVerdict   LuoshiVerdict;

/* What a whole report is. */
typedef enum {
  LUOSHI_REPORT_OTHER,
  LUOSHI_REPORT_REVIEW,
  LUOSHI_REPORT_PLAN,
  LUOSHI_REPORT_REVIEW_PLAN,
  LUOSHI_REPORT_SPEECH,
} LuoshiReportKind;

/* What part of a report a section is. */
typedef enum {
  LUOSHI_SECTION_OTHER,
  LUOSHI_SECTION_REVIEW,
  LUOSHI_SECTION_PLAN,
  LUOSHI_SECTION_PROBLEM,
} LuoshiSectionKind;

typedef enum {
  LUOSHI_ITEM_GOAL,
  LUOSHI_ITEM_ACHIEVEMENT,
  LUOSHI_ITEM_PROBLEM,
} LuoshiItemKind;

/* Verdict of a tracked goal; UNRATED until the app or the user decides. */
typedef enum {
  LUOSHI_STATUS_UNRATED,
  LUOSHI_STATUS_MET,
  LUOSHI_STATUS_PARTLY,
  LUOSHI_STATUS_IN_PROGRESS,
  LUOSHI_STATUS_NOT_MET,
  LUOSHI_STATUS_NO_EVIDENCE,
} LuoshiStatus;

const char       *luoshi_report_kind_to_string  (LuoshiReportKind  kind);
LuoshiReportKind  luoshi_report_kind_from_string (const char       *str);
const char       *luoshi_section_kind_to_string (LuoshiSectionKind kind);
const char       *luoshi_item_kind_to_string    (LuoshiItemKind    kind);
gboolean          luoshi_item_kind_from_string  (const char       *str,
                                                 LuoshiItemKind   *kind);
const char       *luoshi_status_to_string       (LuoshiStatus      status);
/* The translated name of a verdict for people ("Partly met"). */
const char       *luoshi_status_get_label       (LuoshiStatus      status);
gboolean          luoshi_status_from_string     (const char       *str,
                                                 LuoshiStatus     *status);

G_END_DECLS
