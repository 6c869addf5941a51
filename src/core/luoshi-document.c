/* luoshi-document.c: one decoded report file and what was found in it
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-document.h"
#include "luoshi-decode.h"
#include "luoshi-extract.h"
#include "luoshi-script.h"
#include "luoshi-segment.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (LuoshiDocument, luoshi_document, luoshi_document_ref, luoshi_document_unref)

LuoshiReport *
luoshi_report_new (void)
{
  LuoshiReport *report = g_new0 (LuoshiReport, 1);

  report->title = g_strdup ("");
  return report;
}

void
luoshi_report_free (LuoshiReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_free (report->period_evidence);
  g_free (report->org);
  g_free (report);
}

char *
luoshi_report_period_string (const LuoshiReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (report->year <= 0)
    return NULL;
  if (report->half > 0)
    return g_strdup_printf ("%dH%d", report->year, report->half);
  return g_strdup_printf ("%d", report->year);
}

void
luoshi_report_set_period_string (LuoshiReport *report,
                                 const char   *period)
{
  int year = 0, half = 0;

  g_return_if_fail (report != NULL);

  if (period != NULL && *period)
    {
      char *end = NULL;
      gint64 y = g_ascii_strtoll (period, &end, 10);

      if (y >= 1900 && y <= 2200)
        {
          year = (int) y;
          if (end && (end[0] == 'H' || end[0] == 'h') && (end[1] == '1' || end[1] == '2'))
            half = end[1] - '0';
        }
    }
  report->year = year;
  report->half = half;
}

LuoshiSection *
luoshi_section_new (void)
{
  LuoshiSection *section = g_new0 (LuoshiSection, 1);

  section->parent = -1;
  section->label = g_strdup ("");
  section->title = g_strdup ("");
  return section;
}

void
luoshi_section_free (LuoshiSection *section)
{
  if (section == NULL)
    return;
  g_free (section->label);
  g_free (section->title);
  g_free (section);
}

static void
build_index (LuoshiDocument *self)
{
  guint n = 0;
  const char *p;
  const char *end = self->text + self->text_len;

  self->n_chars = g_utf8_strlen (self->text, self->text_len);
  self->char_index = g_new (guint32, self->n_chars + 1);
  self->line_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->line_starts, n);

  for (p = self->text; p < end; p = g_utf8_next_char (p))
    {
      self->char_index[n++] = (guint32) (p - self->text);
      /* A line ends at LF, at CR not followed by LF, as editors count. */
      if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
        g_array_append_val (self->line_starts, n);
    }
  self->char_index[n] = (guint32) self->text_len;
}

/* Simplified characters usually take as many bytes as the traditional
 * ones; only when some do not is a second index needed. */
static void
build_simplified_index (LuoshiDocument *self)
{
  const char *p = self->simplified;
  guint n = 0;
  gboolean same = strlen (self->simplified) == self->text_len;

  for (; same && n < self->n_chars; n++, p = g_utf8_next_char (p))
    if ((guint32) (p - self->simplified) != self->char_index[n])
      same = FALSE;
  if (same)
    return;

  self->simplified_index = g_new (guint32, self->n_chars + 1);
  for (n = 0, p = self->simplified; n < self->n_chars && *p; n++, p = g_utf8_next_char (p))
    self->simplified_index[n] = (guint32) (p - self->simplified);
  for (; n <= self->n_chars; n++)
    self->simplified_index[n] = (guint32) (p - self->simplified);
}

static void
reset_analysis (LuoshiDocument *self)
{
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->sentences, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_report_free);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_section_free);
  self->sentences = g_ptr_array_new_with_free_func (g_free);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_item_unref);
}

LuoshiDocument *
luoshi_document_new (const char *name,
                     const char *text,
                     gssize      len)
{
  LuoshiDocument *self;

  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = strlen (text);
  /* Offsets are stored in 32 bits. */
  g_return_val_if_fail ((gsize) len < G_MAXUINT32, NULL);

  self = g_new0 (LuoshiDocument, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name ? name : "");
  self->encoding = g_strdup ("UTF-8");
  self->text = g_strndup (text, len);
  self->text_len = len;
  self->simplified = luoshi_script_simplify (self->text, len);
  build_index (self);
  build_simplified_index (self);
  reset_analysis (self);
  return self;
}

void
luoshi_document_analyze (LuoshiDocument *self)
{
  g_return_if_fail (self != NULL);

  reset_analysis (self);
  luoshi_segment (self);
  luoshi_extract (self);
}

LuoshiDocument *
luoshi_document_read (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  LuoshiDocument *self;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  text = luoshi_decode_file (file, 0, &encoding, &len, &bytes, cancellable, error);
  if (text == NULL)
    return NULL;

  name = g_file_get_basename (file);
  self = luoshi_document_new (name, text, len);
  self->path = g_file_get_path (file);
  if (self->path == NULL)
    self->path = g_file_get_uri (file);
  g_free (self->encoding);
  self->encoding = g_steal_pointer (&encoding);
  self->size = g_bytes_get_size (bytes);
  self->hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL)
    self->mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  return self;
}

LuoshiDocument *
luoshi_document_load (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  LuoshiDocument *self = luoshi_document_read (file, cancellable, error);

  if (self != NULL)
    luoshi_document_analyze (self);
  return self;
}

LuoshiDocument *
luoshi_document_ref (LuoshiDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
luoshi_document_unref (LuoshiDocument *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->char_index);
  g_free (self->simplified_index);
  g_array_unref (self->line_starts);
  g_free (self->path);
  g_free (self->name);
  g_free (self->encoding);
  g_free (self->text);
  g_free (self->simplified);
  g_free (self->hash);
  g_ptr_array_unref (self->reports);
  g_ptr_array_unref (self->sections);
  g_ptr_array_unref (self->sentences);
  g_ptr_array_unref (self->items);
  g_free (self);
}

static void
clamp_range (LuoshiDocument *self,
             guint          *start,
             guint          *end)
{
  *end = MIN (*end, self->n_chars);
  *start = MIN (*start, *end);
}

char *
luoshi_document_slice (LuoshiDocument *self,
                       guint           start,
                       guint           end)
{
  g_return_val_if_fail (self != NULL, NULL);

  clamp_range (self, &start, &end);
  return g_strndup (self->text + self->char_index[start],
                    self->char_index[end] - self->char_index[start]);
}

char *
luoshi_document_slice_simplified (LuoshiDocument *self,
                                  guint           start,
                                  guint           end)
{
  const char *from, *to;

  g_return_val_if_fail (self != NULL, NULL);

  /* The simplified text has the same code points but maybe other byte
   * lengths, so its offsets are found by walking from the start. */
  clamp_range (self, &start, &end);
  from = luoshi_document_simplified_at (self, start);
  to = g_utf8_offset_to_pointer (from, end - start);
  return g_strndup (from, to - from);
}

const char *
luoshi_document_at (LuoshiDocument *self,
                    guint           offset)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text + self->char_index[MIN (offset, self->n_chars)];
}

const char *
luoshi_document_simplified_at (LuoshiDocument *self,
                               guint           offset)
{
  const guint32 *index;

  g_return_val_if_fail (self != NULL, NULL);

  index = self->simplified_index ? self->simplified_index : self->char_index;
  return self->simplified + index[MIN (offset, self->n_chars)];
}

guint
luoshi_document_offset_of (LuoshiDocument *self,
                           gsize           byte_offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, 0);

  hi = self->n_chars;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (self->char_index[mid] < byte_offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
luoshi_document_line_at (LuoshiDocument *self,
                         guint           offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, 0);

  /* The last line start <= offset, by binary search. */
  hi = self->line_starts->len;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (self->line_starts, guint, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo + 1;
}

char *
luoshi_document_section_path (LuoshiDocument *self,
                              int             index)
{
  GPtrArray *chain;
  GString *path;

  g_return_val_if_fail (self != NULL, NULL);

  if (index < 0 || (guint) index >= self->sections->len)
    return g_strdup ("");

  chain = g_ptr_array_new ();
  for (int i = index; i >= 0; i = ((LuoshiSection *) g_ptr_array_index (self->sections, i))->parent)
    g_ptr_array_add (chain, g_ptr_array_index (self->sections, i));

  path = g_string_new (NULL);
  for (guint i = chain->len; i > 0; i--)
    {
      LuoshiSection *section = g_ptr_array_index (chain, i - 1);
      g_string_append (path, section->label);
    }
  g_ptr_array_unref (chain);
  return g_string_free (path, FALSE);
}
