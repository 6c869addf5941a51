/* luoshi-sheet.c: the printed tracking sheet (台账)
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-sheet.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#define N_COLUMNS LUOSHI_SHEET_N_COLUMNS
#define N_STATUSES 6

/* Column indexes, in printing order (bit i of LuoshiSheetColumns). */
enum { COL_NUMBER, COL_AREA, COL_GOAL, COL_TARGET, COL_PROGRESS, COL_STATUS, COL_NOTE };

/* Cell padding, rule widths and gaps, in points. */
#define PAD_X       4.0
#define PAD_Y       3.0
#define RULE_INNER  0.5
#define RULE_FRAME  1.0
#define GAP         8.0
#define SIGN_LINE   96.0

/* Word's 小五 on A4, 五号 on A3: the sizes offices use for tables. */
#define BODY_SIZE_A4 9.0
#define BODY_SIZE_A3 10.5

/* Sans for headers (黑体), serif for cell text (宋体), like a Word table;
 * the generic names come last so any CJK font still works. */
#define SANS_FAMILY  "Noto Sans CJK SC,Sans"
#define SERIF_FAMILY "Noto Serif CJK SC,Serif"

typedef struct
{
  double top;       /* logical extents, relative to the layout's top */
  double bottom;
  double baseline;
  double x;         /* left edge of the line, alignment included */
} Line;

typedef struct
{
  PangoLayout *layout;  /* NULL for an empty cell */
  GArray      *lines;   /* of Line; empty for an empty cell */
} Cell;

typedef struct
{
  const LuoshiSheetRow *row;      /* borrowed; only read while laying out */
  LuoshiStatus          status;
  guint                 section;  /* index into pages->sections */
  Cell                  cells[N_COLUMNS];
} RowLayout;

typedef enum {
  BLOCK_HEADING,
  BLOCK_ROW,
  BLOCK_EMPTY,
  BLOCK_SUMMARY,
} BlockKind;

typedef struct
{
  BlockKind kind;
  guint     index;        /* row or section index */
  gboolean  continued;    /* a row or section carried over from the last page */
  gboolean  show_area;    /* the row opens a run of its section's 板块 cell */
  double    y;
  double    height;
  guint     first[N_COLUMNS];  /* lines of each cell drawn in this block */
  guint     end[N_COLUMNS];
} Block;

typedef struct
{
  char *name;
  guint n_rows;
  guint n_met;
  Cell  heading;
  Cell  heading_continued;
} Section;

struct _LuoshiSheetPages
{
  PangoContext         *context;
  double                width;
  double                height;
  LuoshiSheetColumns    visible;
  guint                 first_visible;
  double                col_x[N_COLUMNS + 1];
  double                col_w[N_COLUMNS];

  PangoFontDescription *body;
  PangoFontDescription *small;
  PangoFontDescription *bold;
  PangoFontDescription *title_font;

  double                line_h;       /* one body line, for widow control */
  double                top_first;    /* where the table starts on page 1 */
  double                top_other;
  double                body_bottom;  /* where the table must end */

  Cell                  title;
  Cell                  issuer;
  Cell                  period;
  Cell                  printed;
  Cell                  running_title;
  Cell                  header[N_COLUMNS];
  double                header_h;
  Cell                  mark;         /* "(continued)" */
  Cell                  empty;
  Cell                  sum_label[N_STATUSES + 2];
  Cell                  sum_value[N_STATUSES + 2];
  Cell                  legend;
  double                sum_label_h;
  double                sum_value_h;
  double                summary_h;
  Cell                  sign[3];

  GArray               *sections;     /* of Section */
  GArray               *rows;         /* of RowLayout, printing order */
  GPtrArray            *pages;        /* of GArray of Block */
};

G_DEFINE_QUARK (luoshi-sheet-error-quark, luoshi_sheet_error)

static void pages_free (LuoshiSheetPages *pages);

/* ------------------------------------------------------------------ */
/* Model                                                              */
/* ------------------------------------------------------------------ */

G_DEFINE_BOXED_TYPE (LuoshiSheet, luoshi_sheet, luoshi_sheet_ref, luoshi_sheet_unref)
G_DEFINE_BOXED_TYPE (LuoshiSheetRow, luoshi_sheet_row, luoshi_sheet_row_copy, luoshi_sheet_row_free)

LuoshiSheet *
luoshi_sheet_new (LuoshiSheetKind  kind,
                  const char      *title)
{
  LuoshiSheet *self = g_new0 (LuoshiSheet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->title = g_strdup (title ? title : "");
  self->printed = g_date_time_new_now_local ();
  self->paper = LUOSHI_PAPER_A4;
  self->orientation = LUOSHI_ORIENTATION_LANDSCAPE;
  self->columns = LUOSHI_SHEET_COLUMNS_ALL;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_sheet_row_free);
  return self;
}

LuoshiSheet *
luoshi_sheet_ref (LuoshiSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
luoshi_sheet_unref (LuoshiSheet *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->pages, pages_free);
  g_free (self->title);
  g_free (self->issuer);
  g_free (self->period);
  g_clear_pointer (&self->printed, g_date_time_unref);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

void
luoshi_sheet_set_title (LuoshiSheet *self,
                        const char  *title)
{
  g_return_if_fail (self != NULL);
  g_free (self->title);
  self->title = g_strdup (title ? title : "");
}

void
luoshi_sheet_set_issuer (LuoshiSheet *self,
                         const char  *issuer)
{
  g_return_if_fail (self != NULL);
  g_free (self->issuer);
  self->issuer = g_strdup (issuer);
}

void
luoshi_sheet_set_period (LuoshiSheet *self,
                         const char  *period)
{
  g_return_if_fail (self != NULL);
  g_free (self->period);
  self->period = g_strdup (period);
}

void
luoshi_sheet_set_printed (LuoshiSheet *self,
                          GDateTime   *printed)
{
  g_return_if_fail (self != NULL);
  if (printed != NULL)
    g_date_time_ref (printed);
  g_clear_pointer (&self->printed, g_date_time_unref);
  self->printed = printed;
}

LuoshiSheetRow *
luoshi_sheet_row_new (const char *section,
                      const char *goal)
{
  LuoshiSheetRow *row = g_new0 (LuoshiSheetRow, 1);

  row->section = g_strdup (section ? section : "");
  row->goal = g_strdup (goal ? goal : "");
  return row;
}

LuoshiSheetRow *
luoshi_sheet_row_copy (const LuoshiSheetRow *row)
{
  LuoshiSheetRow *copy;

  g_return_val_if_fail (row != NULL, NULL);
  copy = g_memdup2 (row, sizeof *row);
  copy->section = g_strdup (row->section);
  copy->goal = g_strdup (row->goal);
  copy->target = g_strdup (row->target);
  copy->actual = g_strdup (row->actual);
  copy->evidence = g_strdup (row->evidence);
  copy->source = g_strdup (row->source);
  copy->note = g_strdup (row->note);
  return copy;
}

void
luoshi_sheet_row_free (LuoshiSheetRow *row)
{
  if (row == NULL)
    return;
  g_free (row->section);
  g_free (row->goal);
  g_free (row->target);
  g_free (row->actual);
  g_free (row->evidence);
  g_free (row->source);
  g_free (row->note);
  g_free (row);
}

void
luoshi_sheet_row_set_target (LuoshiSheetRow *row,
                             const char     *target)
{
  g_return_if_fail (row != NULL);
  g_free (row->target);
  row->target = g_strdup (target);
}

void
luoshi_sheet_row_set_progress (LuoshiSheetRow *row,
                               const char     *actual,
                               const char     *evidence,
                               const char     *source)
{
  g_return_if_fail (row != NULL);
  g_free (row->actual);
  g_free (row->evidence);
  g_free (row->source);
  row->actual = g_strdup (actual);
  row->evidence = g_strdup (evidence);
  row->source = g_strdup (source);
}

void
luoshi_sheet_row_set_note (LuoshiSheetRow *row,
                           const char     *note)
{
  g_return_if_fail (row != NULL);
  g_free (row->note);
  row->note = g_strdup (note);
}

LuoshiSheetRow *
luoshi_sheet_append_row (LuoshiSheet *self,
                         const char  *section,
                         const char  *goal)
{
  LuoshiSheetRow *row;

  g_return_val_if_fail (self != NULL, NULL);
  row = luoshi_sheet_row_new (section, goal);
  g_ptr_array_add (self->rows, row);
  return row;
}

static gboolean
row_passes (const LuoshiSheetRow    *row,
            const LuoshiSheetFilter *filter)
{
  if (filter->key_only && !row->key)
    return FALSE;
  if (filter->statuses != 0 && (filter->statuses & LUOSHI_SHEET_STATUS_BIT (row->status)) == 0)
    return FALSE;
  if (filter->section != NULL && g_strcmp0 (filter->section, row->section) != 0)
    return FALSE;
  return TRUE;
}

guint
luoshi_sheet_filter (LuoshiSheet             *self,
                     const LuoshiSheetFilter *filter)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (filter != NULL, self->rows->len);

  /* The layout borrows the rows. */
  g_clear_pointer (&self->pages, pages_free);
  for (guint i = self->rows->len; i > 0; i--)
    if (!row_passes (g_ptr_array_index (self->rows, i - 1), filter))
      g_ptr_array_remove_index (self->rows, i - 1);
  return self->rows->len;
}

LuoshiSheetColumns
luoshi_sheet_get_visible_columns (const LuoshiSheet *self)
{
  LuoshiSheetColumns columns;

  g_return_val_if_fail (self != NULL, LUOSHI_SHEET_COLUMNS_ALL);
  columns = self->columns & LUOSHI_SHEET_COLUMNS_ALL;
  if (self->kind == LUOSHI_SHEET_GOAL_LIST)
    columns &= LUOSHI_SHEET_COLUMNS_GOAL_LIST;
  /* A sheet without its goals says nothing. */
  return columns | LUOSHI_SHEET_COLUMN_GOAL;
}

const char *
luoshi_sheet_column_title (LuoshiSheetColumns column)
{
  switch (column)
    {
    /* Translators: column headers of the printed tracking sheet (台账) */
    case LUOSHI_SHEET_COLUMN_NUMBER: return _("No.");
    case LUOSHI_SHEET_COLUMN_AREA: return _("Area");
    case LUOSHI_SHEET_COLUMN_GOAL: return _("Goal");
    case LUOSHI_SHEET_COLUMN_TARGET: return _("Target");
    case LUOSHI_SHEET_COLUMN_PROGRESS: return _("Progress");
    case LUOSHI_SHEET_COLUMN_STATUS: return _("Status");
    case LUOSHI_SHEET_COLUMN_NOTE: return _("Note");
    default:
      g_return_val_if_reached ("");
    }
}

char *
luoshi_sheet_row_number_text (const LuoshiSheetRow *row,
                              guint                 number)
{
  g_return_val_if_fail (row != NULL, NULL);
  if (row->number != 0)
    number = row->number;
  return g_strdup_printf ("%s%u", row->key ? "★" : "", number);
}

char *
luoshi_sheet_row_progress_text (const LuoshiSheetRow *row)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (row != NULL, NULL);
  if (row->actual != NULL && *row->actual != '\0')
    /* Translators: the figures a goal reached, in the progress cell */
    g_string_append_printf (out, _("Actual: %s"), row->actual);
  if (row->evidence != NULL && *row->evidence != '\0')
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "“%s”", row->evidence);
    }
  if (row->source != NULL && *row->source != '\0')
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: where the quoted evidence comes from, e.g. a file name */
      g_string_append_printf (out, _("Source: %s"), row->source);
    }
  return g_string_free (out, FALSE);
}

static guint
section_index (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), name) == 0)
      return i;
  g_ptr_array_add (names, (gpointer) name);
  return names->len - 1;
}

/* Fills @order with the rows in printing order and @names with the
 * sections (borrowed) in order of first appearance. */
static void
printing_order (const LuoshiSheet *self,
                GPtrArray         *order,
                GPtrArray         *names,
                GArray            *row_sections)
{
  g_autofree guint *section_of = g_new (guint, self->rows->len + 1);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const LuoshiSheetRow *row = g_ptr_array_index (self->rows, i);
      section_of[i] = section_index (names, row->section ? row->section : "");
    }
  for (guint s = 0; s < names->len; s++)
    for (guint i = 0; i < self->rows->len; i++)
      if (section_of[i] == s)
        {
          g_ptr_array_add (order, g_ptr_array_index (self->rows, i));
          if (row_sections != NULL)
            g_array_append_val (row_sections, s);
        }
}

GPtrArray *
luoshi_sheet_get_printing_order (const LuoshiSheet *self)
{
  GPtrArray *order;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, NULL);
  order = g_ptr_array_new ();
  printing_order (self, order, names, NULL);
  return order;
}

double
luoshi_sheet_count_statuses (const LuoshiSheet *self,
                             guint              counts[6])
{
  guint rated;

  g_return_val_if_fail (self != NULL, -1);
  memset (counts, 0, sizeof (guint) * N_STATUSES);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const LuoshiSheetRow *row = g_ptr_array_index (self->rows, i);
      if (row->status < N_STATUSES)
        counts[row->status]++;
    }
  rated = self->rows->len - counts[LUOSHI_STATUS_UNRATED];
  if (rated == 0)
    return -1;
  return (double) counts[LUOSHI_STATUS_MET] / rated;
}

void
luoshi_sheet_get_paper_size (const LuoshiSheet *self,
                             double            *width,
                             double            *height)
{
  /* ISO 216 in points: 210 × 297 mm and 297 × 420 mm. */
  double w = self->paper == LUOSHI_PAPER_A3 ? 841.89 : 595.28;
  double h = self->paper == LUOSHI_PAPER_A3 ? 1190.55 : 841.89;

  if (self->orientation == LUOSHI_ORIENTATION_LANDSCAPE)
    {
      double t = w;
      w = h;
      h = t;
    }
  *width = w;
  *height = h;
}

/* ------------------------------------------------------------------ */
/* Cells                                                              */
/* ------------------------------------------------------------------ */

static void
cell_clear (Cell *cell)
{
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->lines, g_array_unref);
}

/* Lays @text out @width points wide (unbounded if <= 0) and records its
 * lines so pages can break between them. */
static void
cell_set (Cell                       *cell,
          PangoContext               *context,
          const PangoFontDescription *font,
          const char                 *text,
          gboolean                    markup,
          double                      width,
          PangoAlignment              alignment)
{
  PangoLayoutIter *iter;

  cell_clear (cell);
  cell->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  if (text == NULL || *text == '\0')
    return;

  cell->layout = pango_layout_new (context);
  pango_layout_set_font_description (cell->layout, font);
  if (width > 0)
    pango_layout_set_width (cell->layout, pango_units_from_double (MAX (width, 1.0)));
  /* Chinese runs have no spaces: break anywhere UAX 14 allows. */
  pango_layout_set_wrap (cell->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (cell->layout, alignment);
  pango_layout_set_spacing (cell->layout, pango_units_from_double (1.5));
  if (markup)
    pango_layout_set_markup (cell->layout, text, -1);
  else
    pango_layout_set_text (cell->layout, text, -1);

  iter = pango_layout_get_iter (cell->layout);
  do
    {
      PangoRectangle logical;
      Line line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = pango_units_to_double (logical.y);
      line.bottom = pango_units_to_double (logical.y + logical.height);
      line.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      line.x = pango_units_to_double (logical.x);
      g_array_append_val (cell->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static guint
cell_n_lines (const Cell *cell)
{
  return cell->lines != NULL ? cell->lines->len : 0;
}

static double
cell_span (const Cell *cell,
           guint       first,
           guint       end)
{
  if (end <= first)
    return 0;
  return g_array_index (cell->lines, Line, end - 1).bottom
       - g_array_index (cell->lines, Line, first).top;
}

static double
cell_height (const Cell *cell)
{
  return cell_span (cell, 0, cell_n_lines (cell));
}

static double
cell_width (const Cell *cell)
{
  int w = 0;

  if (cell->layout != NULL)
    pango_layout_get_size (cell->layout, &w, NULL);
  return pango_units_to_double (w);
}

/* Draws lines [first, end) of @cell with the top of line @first at @y. */
static void
cell_draw (const Cell *cell,
           cairo_t    *cr,
           double      x,
           double      y,
           guint       first,
           guint       end)
{
  double offset;

  if (end <= first || cell->layout == NULL)
    return;
  offset = g_array_index (cell->lines, Line, first).top;
  for (guint i = first; i < end; i++)
    {
      const Line *line = &g_array_index (cell->lines, Line, i);
      cairo_move_to (cr, x + line->x, y + line->baseline - offset);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (cell->layout, (int) i));
    }
}

static void
cell_draw_all (const Cell *cell,
               cairo_t    *cr,
               double      x,
               double      y)
{
  cell_draw (cell, cr, x, y, 0, cell_n_lines (cell));
}

/* ------------------------------------------------------------------ */
/* Layout                                                             */
/* ------------------------------------------------------------------ */

static void
section_clear (Section *section)
{
  cell_clear (&section->heading);
  cell_clear (&section->heading_continued);
}

static void
row_layout_clear (RowLayout *rl)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    cell_clear (&rl->cells[c]);
}

static void
pages_free (LuoshiSheetPages *p)
{
  Cell *cells[] = { &p->title, &p->issuer, &p->period, &p->printed, &p->running_title,
                    &p->mark, &p->empty, &p->legend, &p->sign[0], &p->sign[1], &p->sign[2] };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    cell_clear (cells[i]);
  for (guint c = 0; c < N_COLUMNS; c++)
    cell_clear (&p->header[c]);
  for (guint i = 0; i < N_STATUSES + 2; i++)
    {
      cell_clear (&p->sum_label[i]);
      cell_clear (&p->sum_value[i]);
    }
  g_clear_pointer (&p->sections, g_array_unref);
  g_clear_pointer (&p->rows, g_array_unref);
  g_clear_pointer (&p->pages, g_ptr_array_unref);
  g_clear_pointer (&p->body, pango_font_description_free);
  g_clear_pointer (&p->small, pango_font_description_free);
  g_clear_pointer (&p->bold, pango_font_description_free);
  g_clear_pointer (&p->title_font, pango_font_description_free);
  g_clear_object (&p->context);
  g_free (p);
}

static PangoFontDescription *
font_new (const char  *family,
          double       size,
          PangoWeight  weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_size (font, pango_units_from_double (size));
  pango_font_description_set_weight (font, weight);
  return font;
}

static gboolean
column_visible (const LuoshiSheetPages *p,
                guint                   c)
{
  return (p->visible & (1u << c)) != 0;
}

/* Narrow columns get what their widest text needs; the rest shares what
 * is left in proportion, goal and progress the widest. */
static void
compute_columns (LuoshiSheetPages  *p,
                 const LuoshiSheet *sheet)
{
  static const double weights[N_COLUMNS] = { 0, 1.3, 4.0, 2.0, 4.0, 0, 1.7 };
  double fixed = 0, total_weight = 0, x = 0;
  Cell probe = { 0 };

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      p->col_w[c] = 0;
      if (!column_visible (p, c))
        continue;
      if (weights[c] > 0)
        {
          total_weight += weights[c];
          continue;
        }
      /* Header, then the widest content the column can hold. */
      cell_set (&probe, p->context, p->bold, luoshi_sheet_column_title (1u << c), FALSE, -1, PANGO_ALIGN_LEFT);
      p->col_w[c] = cell_width (&probe);
      if (c == COL_NUMBER)
        {
          g_autofree char *widest = g_strdup_printf ("★%u", MAX (sheet->rows->len, 99u));
          cell_set (&probe, p->context, p->body, widest, FALSE, -1, PANGO_ALIGN_LEFT);
          p->col_w[c] = MAX (p->col_w[c], cell_width (&probe));
        }
      else
        for (guint s = 0; s < N_STATUSES; s++)
          {
            cell_set (&probe, p->context, p->body, luoshi_status_get_label (s), FALSE, -1, PANGO_ALIGN_LEFT);
            p->col_w[c] = MAX (p->col_w[c], cell_width (&probe));
          }
      /* Long English labels would eat the goal's room: wrap them instead. */
      p->col_w[c] = MIN (p->col_w[c], p->width / 10) + 2 * PAD_X + 1;
      fixed += p->col_w[c];
    }
  cell_clear (&probe);

  for (guint c = 0; c < N_COLUMNS; c++)
    if (column_visible (p, c) && weights[c] > 0)
      p->col_w[c] = MAX (p->width - fixed, 0) * weights[c] / total_weight;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      p->col_x[c] = x;
      x += p->col_w[c];
    }
  p->col_x[N_COLUMNS] = x;
}

static double
inner (const LuoshiSheetPages *p,
       guint                   c)
{
  return p->col_w[c] - 2 * PAD_X;
}

static char *
progress_markup (const LuoshiSheetRow *row)
{
  GString *out = g_string_new (NULL);

  if (row->actual != NULL && *row->actual != '\0')
    {
      g_autofree char *actual = g_markup_escape_text (row->actual, -1);
      g_autofree char *line = g_strdup_printf (_("Actual: %s"), actual);
      g_string_append_printf (out, "<b>%s</b>", line);
    }
  if (row->evidence != NULL && *row->evidence != '\0')
    {
      g_autofree char *quote = g_markup_escape_text (row->evidence, -1);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "“%s”", quote);
    }
  if (row->source != NULL && *row->source != '\0')
    {
      g_autofree char *source = g_markup_escape_text (row->source, -1);
      g_autofree char *line = g_strdup_printf (_("Source: %s"), source);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Dark grey, not light: it has to survive a photocopier. */
      g_string_append_printf (out, "<span size=\"smaller\" foreground=\"#404040\">%s</span>", line);
    }
  return g_string_free (out, FALSE);
}

static void
layout_row (LuoshiSheetPages *p,
            RowLayout        *rl,
            guint             number)
{
  const LuoshiSheetRow *row = rl->row;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autofree char *owned = NULL;
      const char *text = NULL;
      gboolean markup = FALSE;
      PangoAlignment align = PANGO_ALIGN_LEFT;

      if (!column_visible (p, c))
        continue;
      switch (c)
        {
        case COL_NUMBER:
          text = owned = luoshi_sheet_row_number_text (row, number);
          align = PANGO_ALIGN_CENTER;
          break;
        case COL_AREA:
          text = row->section;
          align = PANGO_ALIGN_CENTER;
          break;
        case COL_GOAL:
          text = row->goal;
          break;
        case COL_TARGET:
          text = row->target;
          break;
        case COL_PROGRESS:
          text = owned = progress_markup (row);
          markup = TRUE;
          break;
        case COL_STATUS:
          text = luoshi_status_get_label (row->status);
          align = PANGO_ALIGN_CENTER;
          break;
        case COL_NOTE:
          text = row->note;
          break;
        default:
          g_assert_not_reached ();
        }
      cell_set (&rl->cells[c], p->context, p->body, text, markup, inner (p, c), align);
    }
}

static char *
heading_text (const LuoshiSheet *sheet,
              const Section     *section)
{
  if (sheet->kind == LUOSHI_SHEET_GOAL_LIST)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u goal)", "%s (%u goals)", section->n_rows),
                            section->name, section->n_rows);
  /* Translators: a section heading row of the sheet, e.g. "一、学前教育（共8项，已完成5项）" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u goal, %u met)", "%s (%u goals, %u met)", section->n_rows),
                          section->name, section->n_rows, section->n_met);
}

static void
layout_sections (LuoshiSheetPages  *p,
                 const LuoshiSheet *sheet)
{
  double w = p->width - 2 * PAD_X;

  for (guint s = 0; s < p->sections->len; s++)
    {
      Section *section = &g_array_index (p->sections, Section, s);
      g_autofree char *text = NULL;
      g_autofree char *continued = NULL;

      if (*section->name == '\0')
        continue;
      text = heading_text (sheet, section);
      /* Translators: a section heading repeated at the top of a new page */
      continued = g_strdup_printf (_("%s (continued)"), section->name);
      cell_set (&section->heading, p->context, p->bold, text, FALSE, w, PANGO_ALIGN_LEFT);
      cell_set (&section->heading_continued, p->context, p->bold, continued, FALSE, w, PANGO_ALIGN_LEFT);
    }
}

static void
layout_frame (LuoshiSheetPages  *p,
              const LuoshiSheet *sheet,
              double             body_size)
{
  g_autoptr(PangoFontDescription) sans = font_new (SANS_FAMILY, body_size, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoFontDescription) running = font_new (SANS_FAMILY, body_size - 1, PANGO_WEIGHT_NORMAL);
  const char *sign_labels[3] = {
    /* Translators: signature fields at the foot of every sheet page (填报人 / 审核人 / 日期) */
    _("Filled in by:"), _("Reviewed by:"), _("Date:"),
  };
  double header_block;

  cell_set (&p->title, p->context, p->title_font, sheet->title, FALSE, p->width, PANGO_ALIGN_CENTER);
  if (sheet->issuer != NULL && *sheet->issuer != '\0')
    {
      /* Translators: under the sheet's title: the body that fills the sheet in */
      g_autofree char *text = g_strdup_printf (_("Issued by: %s"), sheet->issuer);
      cell_set (&p->issuer, p->context, sans, text, FALSE, p->width / 3, PANGO_ALIGN_LEFT);
    }
  else
    cell_set (&p->issuer, p->context, sans, NULL, FALSE, -1, PANGO_ALIGN_LEFT);
  if (sheet->period != NULL && *sheet->period != '\0')
    {
      /* Translators: under the sheet's title: the period the goals are for */
      g_autofree char *text = g_strdup_printf (_("Period: %s"), sheet->period);
      cell_set (&p->period, p->context, sans, text, FALSE, p->width / 3, PANGO_ALIGN_CENTER);
    }
  else
    cell_set (&p->period, p->context, sans, NULL, FALSE, -1, PANGO_ALIGN_LEFT);
  if (sheet->printed != NULL)
    {
      /* Translators: strftime format of the date the sheet was printed; zh_CN: "%Y年%-m月%-d日" */
      g_autofree char *date = g_date_time_format (sheet->printed, _("%Y-%m-%d"));
      /* Translators: under the sheet's title, right-aligned */
      g_autofree char *text = g_strdup_printf (_("Printed: %s"), date ? date : "");
      cell_set (&p->printed, p->context, sans, text, FALSE, p->width / 3, PANGO_ALIGN_RIGHT);
    }
  else
    cell_set (&p->printed, p->context, sans, NULL, FALSE, -1, PANGO_ALIGN_LEFT);
  cell_set (&p->running_title, p->context, running, sheet->title, FALSE, p->width, PANGO_ALIGN_LEFT);

  header_block = MAX (MAX (cell_height (&p->issuer), cell_height (&p->period)), cell_height (&p->printed));
  p->top_first = cell_height (&p->title) + GAP + (header_block > 0 ? header_block + GAP / 2 : 0);
  p->top_other = cell_height (&p->running_title) + GAP / 2;

  p->header_h = 0;
  for (guint c = 0; c < N_COLUMNS; c++)
    if (column_visible (p, c))
      {
        cell_set (&p->header[c], p->context, p->bold, luoshi_sheet_column_title (1u << c), FALSE, inner (p, c), PANGO_ALIGN_CENTER);
        p->header_h = MAX (p->header_h, cell_height (&p->header[c]));
      }
  p->header_h += 2 * PAD_Y + 2;

  /* Translators: marks a table row or section carried over from the previous page (续) */
  cell_set (&p->mark, p->context, p->small, _("(continued)"), FALSE, -1, PANGO_ALIGN_LEFT);
  cell_set (&p->empty, p->context, p->body, _("No goals to show."), FALSE, p->width - 2 * PAD_X, PANGO_ALIGN_CENTER);

  for (guint i = 0; i < 3; i++)
    cell_set (&p->sign[i], p->context, sans, sign_labels[i], FALSE, -1, PANGO_ALIGN_LEFT);
  /* Signature line, a gap, then the page number line below it. */
  p->body_bottom = p->height - 2 * cell_height (&p->sign[0]) - 1.5 * GAP;
}

static void
layout_summary (LuoshiSheetPages  *p,
                const LuoshiSheet *sheet)
{
  static const LuoshiStatus order[N_STATUSES] = {
    LUOSHI_STATUS_MET, LUOSHI_STATUS_PARTLY, LUOSHI_STATUS_IN_PROGRESS,
    LUOSHI_STATUS_NOT_MET, LUOSHI_STATUS_NO_EVIDENCE, LUOSHI_STATUS_UNRATED,
  };
  guint counts[N_STATUSES];
  double rate = luoshi_sheet_count_statuses (sheet, counts);
  double w = p->width / (N_STATUSES + 2) - 2 * PAD_X;
  guint rated = sheet->rows->len - counts[LUOSHI_STATUS_UNRATED];

  p->summary_h = 0;
  if (sheet->kind != LUOSHI_SHEET_TRACKING)
    return;

  p->sum_label_h = p->sum_value_h = 0;
  for (guint i = 0; i < N_STATUSES + 2; i++)
    {
      g_autofree char *value = NULL;
      const char *label;

      if (i < N_STATUSES)
        {
          label = luoshi_status_get_label (order[i]);
          value = g_strdup_printf ("%u", counts[order[i]]);
        }
      else if (i == N_STATUSES)
        {
          /* Translators: summary of the sheet: number of goals */
          label = _("Total");
          value = g_strdup_printf ("%u", sheet->rows->len);
        }
      else
        {
          /* Translators: summary of the sheet: met ÷ rated goals */
          label = _("Completion rate");
          if (rate < 0)
            value = g_strdup ("—");
          else
            /* Translators: completion rate, e.g. "48.0% (12 of 25)" */
            value = g_strdup_printf (_("%.1f%% (%u of %u)"), rate * 100, counts[LUOSHI_STATUS_MET], rated);
        }
      cell_set (&p->sum_label[i], p->context, p->bold, label, FALSE, w, PANGO_ALIGN_CENTER);
      cell_set (&p->sum_value[i], p->context, p->body, value, FALSE, w, PANGO_ALIGN_CENTER);
      p->sum_label_h = MAX (p->sum_label_h, cell_height (&p->sum_label[i]));
      p->sum_value_h = MAX (p->sum_value_h, cell_height (&p->sum_value[i]));
    }
  p->sum_label_h += 2 * PAD_Y;
  p->sum_value_h += 2 * PAD_Y;
  cell_set (&p->legend, p->context, p->small,
            /* Translators: legend under the sheet's summary */
            _("★ marks a key task. Completion rate = met ÷ rated goals (all but unrated)."),
            FALSE, p->width, PANGO_ALIGN_LEFT);
  p->summary_h = GAP + p->sum_label_h + p->sum_value_h + GAP / 2 + cell_height (&p->legend);
}

/* ------------------------------------------------------------------ */
/* Pagination                                                         */
/* ------------------------------------------------------------------ */

typedef struct
{
  LuoshiSheetPages *p;
  GArray           *page;   /* of Block */
  double            y;
} Flow;

static void
flow_new_page (Flow *flow)
{
  flow->page = g_array_new (FALSE, TRUE, sizeof (Block));
  g_ptr_array_add (flow->p->pages, flow->page);
  flow->y = (flow->p->pages->len == 1 ? flow->p->top_first : flow->p->top_other) + flow->p->header_h;
}

static Block *
flow_add (Flow      *flow,
          BlockKind  kind,
          guint      index,
          double     height)
{
  Block block = { 0 };

  block.kind = kind;
  block.index = index;
  block.y = flow->y;
  block.height = height;
  g_array_append_val (flow->page, block);
  flow->y += height;
  return &g_array_index (flow->page, Block, flow->page->len - 1);
}

static Block *
flow_last (Flow *flow)
{
  return flow->page->len > 0 ? &g_array_index (flow->page, Block, flow->page->len - 1) : NULL;
}

static double
heading_height (const Cell *cell)
{
  return cell_height (cell) + 2 * PAD_Y + 1;
}

/* Starts a new page for a row of @section, repeating its heading. */
static void
flow_break (Flow  *flow,
            guint  section)
{
  const Section *s = &g_array_index (flow->p->sections, Section, section);

  flow_new_page (flow);
  if (*s->name != '\0')
    flow_add (flow, BLOCK_HEADING, section, heading_height (&s->heading_continued))->continued = TRUE;
}

static gboolean
is_fixed (guint c)
{
  /* One-line cells that are never split; the number repeats on every part. */
  return c == COL_NUMBER || c == COL_STATUS || c == COL_AREA;
}

/* Fits the part of @rl starting at @first into @space points and fills
 * @end; returns the part's height, or -1 if not even the cells that cannot
 * be split fit. A continued part shows the continuation mark atop its goal
 * cell. */
static double
row_part (const LuoshiSheetPages *p,
          const RowLayout        *rl,
          const guint             first[N_COLUMNS],
          gboolean                continued,
          gboolean                show_area,
          double                  space,
          guint                   end[N_COLUMNS])
{
  double content = 0;
  double mark_h = cell_height (&p->mark);
  double avail = space - 2 * PAD_Y;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const Cell *cell = &rl->cells[c];
      guint n = cell_n_lines (cell);
      double h;

      end[c] = n;
      if (!column_visible (p, c))
        continue;
      if (is_fixed (c))
        {
          if (c == COL_NUMBER)
            h = cell_height (cell);
          else if (c == COL_AREA)
            h = show_area ? cell_height (cell) : 0;
          else
            h = continued ? 0 : cell_height (cell);
          if (h > avail)
            return -1;
        }
      else
        {
          double extra = continued && c == COL_GOAL ? mark_h : 0;
          guint e = first[c];

          while (e < n && cell_span (cell, first[c], e + 1) + extra <= avail)
            e++;
          end[c] = e;
          h = cell_span (cell, first[c], e) + extra;
        }
      content = MAX (content, h);
    }
  return content + 2 * PAD_Y;
}

static gboolean
row_done (const LuoshiSheetPages *p,
          const RowLayout        *rl,
          const guint             end[N_COLUMNS])
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if (column_visible (p, c) && end[c] < cell_n_lines (&rl->cells[c]))
      return FALSE;
  return TRUE;
}

/* Content height of the tallest splittable cell between @first and @end. */
static double
part_content (const LuoshiSheetPages *p,
              const RowLayout        *rl,
              const guint             first[N_COLUMNS],
              const guint             end[N_COLUMNS])
{
  double h = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    if (column_visible (p, c) && !is_fixed (c))
      h = MAX (h, cell_span (&rl->cells[c], first[c], end[c]));
  return h;
}

static gboolean
page_has_rows (const Flow *flow)
{
  for (guint i = 0; i < flow->page->len; i++)
    if (g_array_index (flow->page, Block, i).kind != BLOCK_HEADING)
      return TRUE;
  return FALSE;
}

/* Moves on to a new page for row @r. A section heading left alone at the
 * bottom of the page goes along with it. */
static void
flow_break_before (Flow  *flow,
                   guint  r)
{
  const Block *last = flow_last (flow);
  guint section = g_array_index (flow->p->rows, RowLayout, r).section;

  if (last != NULL && last->kind == BLOCK_HEADING && !last->continued && flow->page->len > 1)
    {
      Block heading = *last;
      g_array_set_size (flow->page, flow->page->len - 1);
      flow_new_page (flow);
      flow_add (flow, BLOCK_HEADING, heading.index, heading.height);
    }
  else
    flow_break (flow, section);
}

static gboolean
part_advances (const LuoshiSheetPages *p,
               const RowLayout        *rl,
               const guint             first[N_COLUMNS],
               const guint             end[N_COLUMNS])
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if (column_visible (p, c) && !is_fixed (c) && end[c] > first[c])
      return TRUE;
  return row_done (p, rl, end);
}

static void
flow_row (Flow  *flow,
          guint  r)
{
  LuoshiSheetPages *p = flow->p;
  const RowLayout *rl = &g_array_index (p->rows, RowLayout, r);
  guint first[N_COLUMNS] = { 0 };
  gboolean continued = FALSE;

  for (;;)
    {
      const Block *last = flow_last (flow);
      gboolean show_area = column_visible (p, COL_AREA)
                           && (last == NULL || last->kind != BLOCK_ROW
                               || g_array_index (p->rows, RowLayout, last->index).section != rl->section);
      gboolean fresh = !page_has_rows (flow);
      guint end[N_COLUMNS];
      double h = row_part (p, rl, first, continued, show_area, p->body_bottom - flow->y, end);
      Block *block;

      /* Split only between lines, and only when at least two lines go on
       * this page; otherwise the rest of the row moves on. */
      if (h >= 0 && !row_done (p, rl, end)
          && part_content (p, rl, first, end) < 2 * p->line_h && !fresh)
        h = -1;
      if (h < 0 && !fresh)
        {
          flow_break_before (flow, r);
          continue;
        }
      if (h < 0 || !part_advances (p, rl, first, end))
        {
          /* Even an empty page cannot hold the part: print one line of
           * each cell anyway so a tiny paper size cannot loop forever. */
          row_part (p, rl, first, continued, show_area, G_MAXDOUBLE, end);
          for (guint c = 0; c < N_COLUMNS; c++)
            if (!is_fixed (c))
              end[c] = MIN (first[c] + 1, cell_n_lines (&rl->cells[c]));
          h = 2 * PAD_Y + part_content (p, rl, first, end) + (continued ? cell_height (&p->mark) : 0);
        }

      block = flow_add (flow, BLOCK_ROW, r, h);
      block->continued = continued;
      block->show_area = show_area;
      memcpy (block->first, first, sizeof first);
      memcpy (block->end, end, sizeof end);
      if (row_done (p, rl, end))
        return;
      memcpy (first, end, sizeof first);
      continued = TRUE;
      flow_break (flow, rl->section);
    }
}

static void
flow_summary (Flow *flow)
{
  LuoshiSheetPages *p = flow->p;
  const Block *last = flow_last (flow);

  if (p->summary_h <= 0)
    return;
  if (flow->y + p->summary_h > p->body_bottom && last != NULL)
    {
      /* Take the last whole row along so the summary never stands alone
       * on a page without the table. */
      if (last->kind == BLOCK_ROW && !last->continued && flow->page->len > 2
          && row_done (p, &g_array_index (p->rows, RowLayout, last->index), last->end))
        {
          guint r = last->index;
          g_array_set_size (flow->page, flow->page->len - 1);
          flow_break_before (flow, r);
          flow_row (flow, r);
        }
      else
        flow_new_page (flow);
    }
  flow_add (flow, BLOCK_SUMMARY, 0, p->summary_h);
}

guint
luoshi_sheet_paginate (LuoshiSheet  *self,
                       PangoContext *context,
                       double        width,
                       double        height)
{
  LuoshiSheetPages *p;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) row_sections = g_array_new (FALSE, FALSE, sizeof (guint));
  double body_size = self->paper == LUOSHI_PAPER_A3 ? BODY_SIZE_A3 : BODY_SIZE_A4;
  Cell probe = { 0 };
  Flow flow;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  g_clear_pointer (&self->pages, pages_free);
  p = self->pages = g_new0 (LuoshiSheetPages, 1);

  /* Otherwise, in an English or C locale, fontconfig picks Japanese glyphs. */
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  p->context = g_object_ref (context);
  p->width = MAX (width, 72.0);
  p->height = MAX (height, 72.0);
  p->visible = luoshi_sheet_get_visible_columns (self);
  for (p->first_visible = 0; !column_visible (p, p->first_visible); p->first_visible++)
    ;
  p->body = font_new (SERIF_FAMILY, body_size, PANGO_WEIGHT_NORMAL);
  p->small = font_new (SERIF_FAMILY, body_size - 1.5, PANGO_WEIGHT_NORMAL);
  p->bold = font_new (SANS_FAMILY, body_size, PANGO_WEIGHT_BOLD);
  p->title_font = font_new (SERIF_FAMILY, body_size * 16 / 9, PANGO_WEIGHT_BOLD);

  cell_set (&probe, context, p->body, "字", FALSE, -1, PANGO_ALIGN_LEFT);
  p->line_h = cell_height (&probe) + 1.5;
  cell_clear (&probe);

  compute_columns (p, self);
  layout_frame (p, self, body_size);
  layout_summary (p, self);

  printing_order (self, order, names, row_sections);
  p->sections = g_array_sized_new (FALSE, TRUE, sizeof (Section), names->len);
  g_array_set_clear_func (p->sections, (GDestroyNotify) section_clear);
  for (guint s = 0; s < names->len; s++)
    {
      Section section = { 0 };
      section.name = g_ptr_array_index (names, s);
      g_array_append_val (p->sections, section);
    }
  p->rows = g_array_sized_new (FALSE, TRUE, sizeof (RowLayout), order->len);
  g_array_set_clear_func (p->rows, (GDestroyNotify) row_layout_clear);
  for (guint r = 0; r < order->len; r++)
    {
      RowLayout rl = { 0 };
      Section *section = &g_array_index (p->sections, Section, g_array_index (row_sections, guint, r));

      rl.row = g_ptr_array_index (order, r);
      rl.status = rl.row->status;
      rl.section = g_array_index (row_sections, guint, r);
      section->n_rows++;
      if (rl.row->status == LUOSHI_STATUS_MET)
        section->n_met++;
      g_array_append_val (p->rows, rl);
      layout_row (p, &g_array_index (p->rows, RowLayout, r), r + 1);
    }
  layout_sections (p, self);

  p->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  flow.p = p;
  flow_new_page (&flow);
  if (p->rows->len == 0)
    flow_add (&flow, BLOCK_EMPTY, 0, cell_height (&p->empty) + 2 * PAD_Y);
  for (guint r = 0; r < p->rows->len; r++)
    {
      const RowLayout *rl = &g_array_index (p->rows, RowLayout, r);
      const Section *section = &g_array_index (p->sections, Section, rl->section);

      if ((r == 0 || g_array_index (p->rows, RowLayout, r - 1).section != rl->section)
          && *section->name != '\0')
        {
          double h = heading_height (&section->heading);
          /* Room for the heading and two lines of its first row. */
          double need = h + 2 * PAD_Y + MAX (2 * p->line_h, cell_height (&rl->cells[COL_AREA]));
          if (flow.y + need > p->body_bottom && flow.page->len > 0)
            flow_new_page (&flow);
          flow_add (&flow, BLOCK_HEADING, rl->section, h);
        }
      flow_row (&flow, r);
    }
  flow_summary (&flow);
  return p->pages->len;
}

guint
luoshi_sheet_get_n_pages (const LuoshiSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages != NULL ? self->pages->pages->len : 0;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */
/* ------------------------------------------------------------------ */

static void
set_black (cairo_t *cr)
{
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width)
{
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
vline (cairo_t *cr,
       double   x,
       double   y0,
       double   y1,
       double   width)
{
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
  cairo_stroke (cr);
}

static void
fill_rect (cairo_t *cr,
           double   x,
           double   y,
           double   w,
           double   h,
           double   r,
           double   g,
           double   b)
{
  cairo_set_source_rgb (cr, r, g, b);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  set_black (cr);
}

/* Light tints that turn into pale greys in black-and-white print, so the
 * status words stay readable; the words carry the meaning, not the tint. */
static gboolean
status_tint (LuoshiStatus  status,
             double       *rgb)
{
  static const double tints[N_STATUSES][3] = {
    [LUOSHI_STATUS_UNRATED] = { 1, 1, 1 },
    [LUOSHI_STATUS_MET] = { 0.85, 0.94, 0.85 },
    [LUOSHI_STATUS_PARTLY] = { 1.0, 0.92, 0.78 },
    [LUOSHI_STATUS_IN_PROGRESS] = { 1.0, 0.96, 0.85 },
    [LUOSHI_STATUS_NOT_MET] = { 0.98, 0.84, 0.84 },
    [LUOSHI_STATUS_NO_EVIDENCE] = { 0.9, 0.9, 0.9 },
  };

  if (status >= N_STATUSES || status == LUOSHI_STATUS_UNRATED)
    return FALSE;
  memcpy (rgb, tints[status], sizeof tints[status]);
  return TRUE;
}

static void
draw_column_rules (const LuoshiSheetPages *p,
                   cairo_t                *cr,
                   double                  y0,
                   double                  y1)
{
  for (guint c = p->first_visible + 1; c < N_COLUMNS; c++)
    if (column_visible (p, c))
      vline (cr, p->col_x[c], y0, y1, RULE_INNER);
}

static void
draw_header (const LuoshiSheetPages *p,
             cairo_t                *cr,
             double                  y)
{
  fill_rect (cr, 0, y, p->width, p->header_h, 0.85, 0.85, 0.85);
  for (guint c = 0; c < N_COLUMNS; c++)
    if (column_visible (p, c))
      {
        double h = cell_height (&p->header[c]);
        cell_draw_all (&p->header[c], cr, p->col_x[c] + PAD_X, y + (p->header_h - h) / 2);
      }
  draw_column_rules (p, cr, y, y + p->header_h);
}

static void
draw_row (const LuoshiSheetPages *p,
          cairo_t                *cr,
          const Block            *block)
{
  const RowLayout *rl = &g_array_index (p->rows, RowLayout, block->index);
  double y = block->y, h = block->height;
  double mark_h = cell_height (&p->mark);
  double rgb[3];

  if (column_visible (p, COL_STATUS) && status_tint (rl->status, rgb))
    fill_rect (cr, p->col_x[COL_STATUS], y, p->col_w[COL_STATUS], h, rgb[0], rgb[1], rgb[2]);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const Cell *cell = &rl->cells[c];
      double x = p->col_x[c] + PAD_X;
      double top = y + PAD_Y;

      if (!column_visible (p, c))
        continue;
      switch (c)
        {
        case COL_NUMBER:
          cell_draw_all (cell, cr, x, top);
          break;
        case COL_AREA:
          if (block->show_area)
            cell_draw_all (cell, cr, x, top);
          break;
        case COL_STATUS:
          if (!block->continued)
            {
              /* Centred vertically: the status is what the eye looks for. */
              double ch = cell_height (cell);
              cell_draw_all (cell, cr, x, y + (h - ch) / 2);
            }
          break;
        default:
          if (block->continued && c == COL_GOAL)
            {
              cell_draw_all (&p->mark, cr, x, top);
              top += mark_h;
            }
          cell_draw (cell, cr, x, top, block->first[c], block->end[c]);
          break;
        }
    }

  /* The 板块 column is a merged cell: no rule inside a section's run. */
  if (column_visible (p, COL_AREA) && !block->show_area)
    {
      hline (cr, 0, p->col_x[COL_AREA], y, RULE_INNER);
      hline (cr, p->col_x[COL_AREA + 1], p->width, y, RULE_INNER);
    }
  else
    hline (cr, 0, p->width, y, RULE_INNER);
  draw_column_rules (p, cr, y, y + h);
}

static void
draw_heading (const LuoshiSheetPages *p,
              cairo_t                *cr,
              const Block            *block)
{
  const Section *section = &g_array_index (p->sections, Section, block->index);
  const Cell *cell = block->continued ? &section->heading_continued : &section->heading;

  fill_rect (cr, 0, block->y, p->width, block->height, 0.93, 0.93, 0.93);
  cell_draw_all (cell, cr, PAD_X, block->y + PAD_Y + 0.5);
  hline (cr, 0, p->width, block->y, RULE_INNER);
}

static void
draw_summary (const LuoshiSheetPages *p,
              cairo_t                *cr,
              const Block            *block)
{
  guint n = N_STATUSES + 2;
  double w = p->width / n;
  double y = block->y + GAP;
  double y1 = y + p->sum_label_h;
  double y2 = y1 + p->sum_value_h;

  fill_rect (cr, 0, y, p->width, p->sum_label_h, 0.85, 0.85, 0.85);
  for (guint i = 0; i < n; i++)
    {
      cell_draw_all (&p->sum_label[i], cr, i * w + PAD_X, y + PAD_Y);
      cell_draw_all (&p->sum_value[i], cr, i * w + PAD_X, y1 + PAD_Y);
      if (i > 0)
        vline (cr, i * w, y, y2, RULE_INNER);
    }
  hline (cr, 0, p->width, y1, RULE_INNER);
  cairo_set_line_width (cr, RULE_FRAME);
  cairo_rectangle (cr, 0, y, p->width, y2 - y);
  cairo_stroke (cr);
  cell_draw_all (&p->legend, cr, 0, y2 + GAP / 2);
}

static void
draw_footer (const LuoshiSheetPages *p,
             cairo_t                *cr,
             guint                   page_nr)
{
  g_autofree char *text = NULL;
  double line_h = cell_height (&p->sign[0]);
  double y = p->body_bottom + GAP;
  double x = 0;
  Cell number = { 0 };

  /* 填报人 / 审核人 / 日期, each with a line to sign on. */
  for (guint i = 0; i < 3; i++)
    {
      double w = cell_width (&p->sign[i]);
      cell_draw_all (&p->sign[i], cr, x, y);
      hline (cr, x + w + 2, x + w + 2 + SIGN_LINE, y + line_h - 1, RULE_INNER);
      x += w + SIGN_LINE + 3 * GAP;
    }

  /* Translators: page numbers at the foot of the sheet (第 x 页 共 y 页) */
  text = g_strdup_printf (_("Page %u of %u"), page_nr + 1, p->pages->len);
  cell_set (&number, p->context, p->small, text, FALSE, p->width, PANGO_ALIGN_CENTER);
  cell_draw_all (&number, cr, 0, p->height - cell_height (&number));
  cell_clear (&number);
}

void
luoshi_sheet_draw_page (LuoshiSheet *self,
                        cairo_t     *cr,
                        guint        page_nr)
{
  const LuoshiSheetPages *p;
  GArray *blocks;
  double y, table_top, table_bottom;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page_nr < self->pages->pages->len);

  p = self->pages;
  blocks = g_ptr_array_index (p->pages, page_nr);

  cairo_save (cr);
  set_black (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

  if (page_nr == 0)
    {
      double sub_y = cell_height (&p->title) + GAP;
      cell_draw_all (&p->title, cr, 0, 0);
      cell_draw_all (&p->issuer, cr, 0, sub_y);
      cell_draw_all (&p->period, cr, p->width / 3, sub_y);
      cell_draw_all (&p->printed, cr, 2 * p->width / 3, sub_y);
      y = p->top_first;
    }
  else
    {
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      cell_draw_all (&p->running_title, cr, 0, 0);
      set_black (cr);
      y = p->top_other;
    }

  table_top = y;
  table_bottom = y + p->header_h;
  draw_header (p, cr, y);
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);

      switch (block->kind)
        {
        case BLOCK_HEADING:
          draw_heading (p, cr, block);
          table_bottom = block->y + block->height;
          break;
        case BLOCK_ROW:
          draw_row (p, cr, block);
          table_bottom = block->y + block->height;
          break;
        case BLOCK_EMPTY:
          cell_draw_all (&p->empty, cr, PAD_X, block->y + PAD_Y);
          hline (cr, 0, p->width, block->y, RULE_INNER);
          table_bottom = block->y + block->height;
          break;
        case BLOCK_SUMMARY:
          draw_summary (p, cr, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  /* The header's lower rule and the frame are heavier, as in Word's
   * default table style used by offices. */
  hline (cr, 0, p->width, table_top + p->header_h, RULE_FRAME * 0.75);
  cairo_set_line_width (cr, RULE_FRAME);
  cairo_rectangle (cr, 0, table_top, p->width, table_bottom - table_top);
  cairo_stroke (cr);

  draw_footer (p, cr, page_nr);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* PDF                                                                */
/* ------------------------------------------------------------------ */

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *data,
          const unsigned char *bytes,
          unsigned int         length)
{
  WriteClosure *closure = data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (closure->stream, bytes, length, NULL,
                                  closure->cancellable, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 const char  *name,
                 const GError *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error (error, LUOSHI_SHEET_ERROR, LUOSHI_SHEET_ERROR_NO_SPACE,
                 /* Translators: %s is a file name */
                 _("Cannot write “%s”: the disk is full"), name);
  else
    g_set_error (error, LUOSHI_SHEET_ERROR, LUOSHI_SHEET_ERROR_WRITE,
                 /* Translators: %s is a file name, then the system's reason */
                 _("Cannot write “%s”: %s"), name, cause->message);
}

/* One bookmark per section, so a 100-page sheet can be browsed in a
 * PDF viewer's sidebar. */
static void
add_outline (const LuoshiSheetPages *p,
             cairo_surface_t        *surface)
{
  for (guint pg = 0; pg < p->pages->len; pg++)
    {
      GArray *blocks = g_ptr_array_index (p->pages, pg);

      for (guint i = 0; i < blocks->len; i++)
        {
          const Block *block = &g_array_index (blocks, Block, i);
          const Section *section;
          g_autofree char *target = NULL;

          if (block->kind != BLOCK_HEADING || block->continued)
            continue;
          section = &g_array_index (p->sections, Section, block->index);
          target = g_strdup_printf ("page=%u pos=[%d %d]", pg + 1,
                                    (int) LUOSHI_SHEET_MARGIN, (int) (LUOSHI_SHEET_MARGIN + block->y));
          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, section->name, target, 0);
        }
    }
}

static void
render_pdf (LuoshiSheet     *self,
            cairo_surface_t *surface,
            double           width,
            double           height)
{
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();
  guint n_pages;

  /* Points as user units, and metrics that do not depend on a screen. */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  n_pages = luoshi_sheet_paginate (self, context,
                                   width - 2 * LUOSHI_SHEET_MARGIN,
                                   height - 2 * LUOSHI_SHEET_MARGIN);
  for (guint i = 0; i < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, LUOSHI_SHEET_MARGIN, LUOSHI_SHEET_MARGIN);
      luoshi_sheet_draw_page (self, cr, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  add_outline (self->pages, surface);
  /* The layouts hold the context, which holds nothing of @cr's. */
  g_object_unref (context);
  cairo_destroy (cr);
}

gboolean
luoshi_sheet_write_pdf_to_stream (LuoshiSheet   *self,
                                  GOutputStream *stream,
                                  const char    *name,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GOutputStream) buffered = NULL;
  WriteClosure closure = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name == NULL)
    name = "PDF";
  /* cairo writes in small pieces; batch them. */
  buffered = g_buffered_output_stream_new_sized (stream, 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  closure.stream = buffered;
  closure.cancellable = cancellable;

  luoshi_sheet_get_paper_size (self, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &closure, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Luoshi " PACKAGE_VERSION);
  render_pdf (self, surface, width, height);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error == NULL && status == CAIRO_STATUS_SUCCESS)
    g_output_stream_flush (buffered, cancellable, &closure.error);

  if (closure.error != NULL)
    {
      set_write_error (error, name, closure.error);
      g_error_free (closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LUOSHI_SHEET_ERROR, LUOSHI_SHEET_ERROR_RENDER,
                   /* Translators: %s is a file name, then cairo's reason */
                   _("Cannot draw the sheet into “%s”: %s"), name, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
luoshi_sheet_write_pdf (LuoshiSheet  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_name (path);
  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (out == NULL)
    {
      set_write_error (error, name, local_error);
      return FALSE;
    }
  if (!luoshi_sheet_write_pdf_to_stream (self, G_OUTPUT_STREAM (out), name, NULL, error))
    {
      /* Closing with a cancelled cancellable leaves the old file alone. */
      g_autoptr(GCancellable) cancel = g_cancellable_new ();
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local_error))
    {
      set_write_error (error, name, local_error);
      return FALSE;
    }
  return TRUE;
}
