/* luoshi-print-operation.c: printing a tracking sheet (台账)
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Its own domain, as editor-print-operation.c has, to filter its logs. */
#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "luoshi-print-operation"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "luoshi-print-operation.h"

struct _LuoshiPrintOperation
{
  GtkPrintOperation    parent_instance;

  LuoshiDocument      *plan_doc;
  guint                plan_report;
  LuoshiLedgerOptions  options;     /* section copied into @section */
  char                *section;
  LuoshiSheet         *sheet;       /* from begin-print to end-print */
  PangoContext        *pango;       /* the one the sheet was laid out with */
  gboolean             paginated;
};

G_DEFINE_FINAL_TYPE (LuoshiPrintOperation, luoshi_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
luoshi_print_operation_begin_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context)
{
  LuoshiPrintOperation *self = LUOSHI_PRINT_OPERATION (operation);

  g_clear_pointer (&self->sheet, luoshi_sheet_unref);
  g_clear_object (&self->pango);
  self->sheet = luoshi_ledger_build (self->plan_doc, self->plan_report, &self->options);
  self->paginated = FALSE;
}

static gboolean
luoshi_print_operation_paginate (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  LuoshiPrintOperation *self = LUOSHI_PRINT_OPERATION (operation);
  guint n_pages;

  if (self->paginated)
    return TRUE;
  /* Simplified Chinese glyph forms whatever the UI locale: without it,
   * fontconfig picks Noto Sans CJK JP in an English or C locale. */
  self->pango = gtk_print_context_create_pango_context (context);
  pango_context_set_language (self->pango, pango_language_from_string ("zh-cn"));
  n_pages = luoshi_sheet_paginate (self->sheet, self->pango,
                                   gtk_print_context_get_width (context),
                                   gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, n_pages);
  self->paginated = TRUE;
  return TRUE;
}

static void
luoshi_print_operation_draw_page (GtkPrintOperation *operation,
                                  GtkPrintContext   *context,
                                  int                page_nr)
{
  LuoshiPrintOperation *self = LUOSHI_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  g_return_if_fail (self->sheet != NULL && page_nr >= 0);

  /* The layouts were made for this context's cairo: keep its fonts in
   * sync in case the surface changed since pagination. */
  pango_cairo_update_context (cr, self->pango);
  luoshi_sheet_draw_page (self->sheet, cr, (guint) page_nr);
}

static void
luoshi_print_operation_end_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  LuoshiPrintOperation *self = LUOSHI_PRINT_OPERATION (operation);

  /* Kept for luoshi_print_operation_get_sheet(); layouts are dropped
   * with the context. */
  g_clear_object (&self->pango);
}

static void
luoshi_print_operation_finalize (GObject *object)
{
  LuoshiPrintOperation *self = LUOSHI_PRINT_OPERATION (object);

  g_clear_pointer (&self->sheet, luoshi_sheet_unref);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->plan_doc, luoshi_document_unref);
  g_clear_pointer (&self->section, g_free);

  G_OBJECT_CLASS (luoshi_print_operation_parent_class)->finalize (object);
}

static void
luoshi_print_operation_class_init (LuoshiPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = luoshi_print_operation_finalize;
  operation_class->begin_print = luoshi_print_operation_begin_print;
  operation_class->paginate = luoshi_print_operation_paginate;
  operation_class->draw_page = luoshi_print_operation_draw_page;
  operation_class->end_print = luoshi_print_operation_end_print;
}

static void
luoshi_print_operation_init (LuoshiPrintOperation *self)
{
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_show_progress (GTK_PRINT_OPERATION (self), TRUE);
}

static GtkPageSetup *
page_setup_for (const LuoshiLedgerOptions *options)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (options->paper == LUOSHI_PAPER_A3
                                                      ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, options->orientation == LUOSHI_ORIENTATION_PORTRAIT
                                  ? GTK_PAGE_ORIENTATION_PORTRAIT : GTK_PAGE_ORIENTATION_LANDSCAPE);
  /* The margins the CLI's PDF has, so both look alike. */
  gtk_page_setup_set_top_margin (setup, LUOSHI_SHEET_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, LUOSHI_SHEET_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, LUOSHI_SHEET_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, LUOSHI_SHEET_MARGIN, GTK_UNIT_POINTS);
  return setup;
}

LuoshiPrintOperation *
luoshi_print_operation_new (LuoshiDocument            *plan_doc,
                            guint                      plan_report,
                            const LuoshiLedgerOptions *options)
{
  LuoshiPrintOperation *self;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (plan_doc != NULL, NULL);
  g_return_val_if_fail (plan_report < plan_doc->reports->len, NULL);

  self = g_object_new (LUOSHI_TYPE_PRINT_OPERATION, NULL);
  self->plan_doc = luoshi_document_ref (plan_doc);
  self->plan_report = plan_report;
  if (options != NULL)
    self->options = *options;
  else
    luoshi_ledger_options_init (&self->options);
  self->section = g_strdup (self->options.section);
  self->options.section = self->section;

  setup = page_setup_for (&self->options);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  title = luoshi_ledger_title (plan_doc, plan_report);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);
  return self;
}

LuoshiSheet *
luoshi_print_operation_get_sheet (LuoshiPrintOperation *self)
{
  g_return_val_if_fail (LUOSHI_IS_PRINT_OPERATION (self), NULL);

  return self->sheet;
}
