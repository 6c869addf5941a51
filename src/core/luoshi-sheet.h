/* luoshi-sheet.h: the printed tracking sheet (台账)
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <cairo.h>
#include <pango/pango.h>

#include "luoshi-types.h"

G_BEGIN_DECLS

/* A LuoshiSheet is a plain model: the tracking module, the CLI and the app
 * fill its fields and rows from the store, then render it with PangoCairo
 * onto any cairo_t (a PDF surface here, a GtkPrintContext in the app).
 * All sizes are in points.
 *
 * The CLI calls luoshi_sheet_write_pdf(). A GtkPrintOperation (units
 * GTK_UNIT_POINTS, page setup from luoshi_sheet_get_paper_size()) calls, in
 * begin-print or paginate, luoshi_sheet_paginate() with
 * gtk_print_context_create_pango_context() and the context's width and
 * height, then gtk_print_operation_set_n_pages(); in draw-page,
 * luoshi_sheet_draw_page() on gtk_print_context_get_cairo_context().
 *
 * Rows print grouped by section (first appearance order) under heading
 * rows that span the table; the 板块 column is a merged cell per section
 * run. A row taller than the space left continues on the next page,
 * split between lines, with a "(continued)" mark. */

#define LUOSHI_SHEET_ERROR (luoshi_sheet_error_quark ())

typedef enum {
  LUOSHI_SHEET_ERROR_WRITE,     /* the file cannot be created or written */
  LUOSHI_SHEET_ERROR_NO_SPACE,  /* the disk is full */
  LUOSHI_SHEET_ERROR_RENDER,    /* cairo failed while drawing */
} LuoshiSheetError;

typedef enum {
  LUOSHI_SHEET_TRACKING,   /* goals with progress, status and a summary */
  LUOSHI_SHEET_GOAL_LIST,  /* goals with their figures and notes only */
} LuoshiSheetKind;

typedef enum {
  LUOSHI_PAPER_A4,
  LUOSHI_PAPER_A3,
} LuoshiPaper;

typedef enum {
  LUOSHI_ORIENTATION_LANDSCAPE,
  LUOSHI_ORIENTATION_PORTRAIT,
} LuoshiOrientation;

/* Columns, in printing order. */
typedef enum {
  LUOSHI_SHEET_COLUMN_NUMBER   = 1 << 0,  /* 序号 */
  LUOSHI_SHEET_COLUMN_AREA     = 1 << 1,  /* 板块 */
  LUOSHI_SHEET_COLUMN_GOAL     = 1 << 2,  /* 目标任务 */
  LUOSHI_SHEET_COLUMN_TARGET   = 1 << 3,  /* 量化指标 */
  LUOSHI_SHEET_COLUMN_PROGRESS = 1 << 4,  /* 完成情况 */
  LUOSHI_SHEET_COLUMN_STATUS   = 1 << 5,  /* 状态 */
  LUOSHI_SHEET_COLUMN_NOTE     = 1 << 6,  /* 备注 */
} LuoshiSheetColumns;

#define LUOSHI_SHEET_N_COLUMNS 7
#define LUOSHI_SHEET_COLUMNS_ALL ((LuoshiSheetColumns) 0x7f)
/* A GOAL_LIST never prints progress or status, whatever @columns says. */
#define LUOSHI_SHEET_COLUMNS_GOAL_LIST \
  ((LuoshiSheetColumns) (LUOSHI_SHEET_COLUMN_NUMBER | LUOSHI_SHEET_COLUMN_AREA | \
                         LUOSHI_SHEET_COLUMN_GOAL | LUOSHI_SHEET_COLUMN_TARGET | \
                         LUOSHI_SHEET_COLUMN_NOTE))

/* The margin luoshi_sheet_write_pdf() leaves on every side (≈ 15 mm). */
#define LUOSHI_SHEET_MARGIN 42.0

/* Bit of @status in a status mask for luoshi_sheet_filter(). */
#define LUOSHI_SHEET_STATUS_BIT(status) (1u << (status))

typedef struct _LuoshiSheet      LuoshiSheet;
typedef struct _LuoshiSheetRow   LuoshiSheetRow;
typedef struct _LuoshiSheetPages LuoshiSheetPages;

/* One goal. Strings are owned by the row (g_free); NULL prints empty. */
struct _LuoshiSheetRow
{
  guint         number;    /* 序号; 0 = numbered in printing order */
  char         *section;   /* 板块, e.g. "一、学前教育"; rows are grouped by it */
  char         *goal;      /* 目标任务 */
  char         *target;    /* 量化指标, preformatted, e.g. "入园率 ≥ 95%" */
  char         *actual;    /* the figures reached, preformatted */
  char         *evidence;  /* the quoted evidence text, without quotes */
  char         *source;    /* where the evidence comes from, e.g. a file name */
  LuoshiStatus  status;
  char         *note;      /* 备注 */
  gboolean      key;       /* a key task, printed with ★ */
  gint64        item_id;   /* the store's item id for callers, 0 if none */
};

struct _LuoshiSheet
{
  /*< private >*/
  gatomicrefcount    ref_count;
  LuoshiSheetPages  *pages;    /* set by luoshi_sheet_paginate() */

  /*< public >*/
  LuoshiSheetKind    kind;
  char              *title;    /* "XX区教育局2012年工作要点落实情况台账" */
  char              *issuer;   /* issuing body, NULL if none */
  char              *period;   /* e.g. "2012年", NULL if none */
  GDateTime         *printed;  /* date printed, NULL to leave it out */
  LuoshiPaper        paper;
  LuoshiOrientation  orientation;
  LuoshiSheetColumns columns;  /* the visible ones */
  GPtrArray         *rows;     /* of LuoshiSheetRow, in the caller's order */
};

/* Filter for luoshi_sheet_filter(); zeroed means "keep everything". */
typedef struct
{
  gboolean    key_only;
  guint       statuses;  /* LUOSHI_SHEET_STATUS_BIT()s; 0 keeps all */
  const char *section;   /* keep one section only; NULL keeps all */
} LuoshiSheetFilter;

#define LUOSHI_TYPE_SHEET     (luoshi_sheet_get_type ())
#define LUOSHI_TYPE_SHEET_ROW (luoshi_sheet_row_get_type ())

GQuark          luoshi_sheet_error_quark     (void);
GType           luoshi_sheet_get_type        (void) G_GNUC_CONST;
GType           luoshi_sheet_row_get_type    (void) G_GNUC_CONST;

/* A4 landscape, all columns, printed now (local time). */
LuoshiSheet    *luoshi_sheet_new             (LuoshiSheetKind  kind,
                                              const char      *title) G_GNUC_WARN_UNUSED_RESULT;
LuoshiSheet    *luoshi_sheet_ref             (LuoshiSheet     *self);
void            luoshi_sheet_unref           (LuoshiSheet     *self);

void            luoshi_sheet_set_title       (LuoshiSheet     *self,
                                              const char      *title);
void            luoshi_sheet_set_issuer      (LuoshiSheet     *self,
                                              const char      *issuer);
void            luoshi_sheet_set_period      (LuoshiSheet     *self,
                                              const char      *period);
void            luoshi_sheet_set_printed     (LuoshiSheet     *self,
                                              GDateTime       *printed);

/* Appends a row and returns it (owned by @self) for the caller to fill. */
LuoshiSheetRow *luoshi_sheet_append_row      (LuoshiSheet     *self,
                                              const char      *section,
                                              const char      *goal);

LuoshiSheetRow *luoshi_sheet_row_new         (const char      *section,
                                              const char      *goal) G_GNUC_WARN_UNUSED_RESULT;
LuoshiSheetRow *luoshi_sheet_row_copy        (const LuoshiSheetRow *row) G_GNUC_WARN_UNUSED_RESULT;
void            luoshi_sheet_row_free        (LuoshiSheetRow  *row);
void            luoshi_sheet_row_set_target  (LuoshiSheetRow  *row,
                                              const char      *target);
void            luoshi_sheet_row_set_progress (LuoshiSheetRow *row,
                                              const char      *actual,
                                              const char      *evidence,
                                              const char      *source);
void            luoshi_sheet_row_set_note    (LuoshiSheetRow  *row,
                                              const char      *note);

/* Keeps the rows that pass @filter; returns how many remain. */
guint           luoshi_sheet_filter          (LuoshiSheet     *self,
                                              const LuoshiSheetFilter *filter);

/* The columns actually printed: @columns limited by the kind; never empty
 * (the goal column is always shown). */
LuoshiSheetColumns luoshi_sheet_get_visible_columns (const LuoshiSheet *self);

/* Translated header of one column ("No.", "Area", …; 序号, 板块… in zh_CN). */
const char     *luoshi_sheet_column_title    (LuoshiSheetColumns column);
/* Translated status label ("Met", "Partly met", …; 已完成, 部分完成… in zh_CN). */

/* The number printed for @row at index @index of the printing order:
 * "12", or "★12" for a key task. */
char           *luoshi_sheet_row_number_text (const LuoshiSheetRow *row,
                                              guint            number) G_GNUC_WARN_UNUSED_RESULT;
/* The 完成情况 cell as plain text: actual figures, quoted evidence, source. */
char           *luoshi_sheet_row_progress_text (const LuoshiSheetRow *row) G_GNUC_WARN_UNUSED_RESULT;

/* Rows in printing order: grouped by section in order of first appearance,
 * the caller's order kept inside a section. The array holds borrowed
 * LuoshiSheetRow pointers. */
GPtrArray      *luoshi_sheet_get_printing_order (const LuoshiSheet *self) G_GNUC_WARN_UNUSED_RESULT;

/* Counts rows per status (@counts has one slot per LuoshiStatus, index by
 * the enum) and returns met ÷ rated, where rated rows are all but UNRATED;
 * returns -1 when nothing is rated. */
double          luoshi_sheet_count_statuses  (const LuoshiSheet *self,
                                              guint            counts[6]);

/* Paper size in points, orientation applied. */
void            luoshi_sheet_get_paper_size  (const LuoshiSheet *self,
                                              double          *width,
                                              double          *height);

/* Lays the sheet out on pages of @width × @height points (the printable
 * area, margins excluded) and returns the number of pages (≥ 1). Sets the
 * language of @context to zh-cn so fontconfig picks Simplified Chinese
 * glyphs. Call again after changing the sheet. */
guint           luoshi_sheet_paginate        (LuoshiSheet     *self,
                                              PangoContext    *context,
                                              double           width,
                                              double           height);
guint           luoshi_sheet_get_n_pages     (const LuoshiSheet *self);
/* Draws page @page_nr (0-based) of the last pagination with its top-left
 * corner at the current origin of @cr. */
void            luoshi_sheet_draw_page       (LuoshiSheet     *self,
                                              cairo_t         *cr,
                                              guint            page_nr);

/* Renders the whole sheet as a PDF at @path (replaced atomically). */
gboolean        luoshi_sheet_write_pdf       (LuoshiSheet     *self,
                                              const char      *path,
                                              GError         **error);
/* The same into @stream; @name names the destination in error messages. */
gboolean        luoshi_sheet_write_pdf_to_stream (LuoshiSheet   *self,
                                              GOutputStream   *stream,
                                              const char      *name,
                                              GCancellable    *cancellable,
                                              GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiSheet, luoshi_sheet_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiSheetRow, luoshi_sheet_row_free)

G_END_DECLS
