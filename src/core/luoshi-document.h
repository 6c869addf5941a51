/* luoshi-document.h: one decoded report file and what was found in it
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "luoshi-types.h"
#include "luoshi-item.h"

G_BEGIN_DECLS

/* All offsets are code points into the document's text, ends exclusive;
 * lines are 1-based as `sed -n` counts them. */

struct _LuoshiReport
{
  guint             start;
  guint             end;
  guint             first_line;
  guint             last_line;
  char             *title;          /* the text's own, or "" */
  LuoshiReportKind  kind;
  int               year;           /* 0 when unknown */
  int               half;           /* 0 whole year, 1 first half, 2 second */
  double            period_confidence; /* 0..1 */
  char             *period_evidence;   /* the words that gave it away */
  char             *org;            /* issuing body, or NULL when unknown */
};

/* Outline heading styles, in the usual order of depth. */
typedef enum {
  LUOSHI_OUTLINE_NONE,
  LUOSHI_OUTLINE_DI,          /* 第一、 第一部分 */
  LUOSHI_OUTLINE_HAN,         /* 一、 */
  LUOSHI_OUTLINE_PAREN_HAN,   /* （一） */
  LUOSHI_OUTLINE_ARABIC,      /* 1、 1. 1． */
  LUOSHI_OUTLINE_PAREN_ARABIC,/* （1） (1) */
  LUOSHI_OUTLINE_PARENTHESIZED_DIGIT, /* ⑴ */
  LUOSHI_OUTLINE_CIRCLED,     /* ① */
  LUOSHI_OUTLINE_SHI,         /* 一是 二是 (inline enumerations) */
} LuoshiOutlineStyle;

struct _LuoshiSection
{
  int                 parent;       /* index in the document, -1 at top */
  guint               report;       /* index of its report */
  guint               depth;        /* 0 at top */
  LuoshiOutlineStyle  style;
  guint               number;       /* 1 for 一、 or （1） */
  char               *label;        /* the marker as written: "二、", "（三）" */
  char               *title;        /* heading text without the marker */
  guint               start;        /* the heading line */
  guint               heading_end;
  guint               end;          /* end of the section's body */
  LuoshiSectionKind   kind;         /* own or inherited from its parent */
};

struct _LuoshiSentence
{
  guint   start;
  guint   end;
  guint   line;
  guint   report;     /* index of its report */
  int     section;    /* index of the innermost section, -1 if none */
  gboolean heading;   /* the sentence is (the start of) an outline heading */
};

struct _LuoshiDocument
{
  /*< private >*/
  gatomicrefcount ref_count;
  guint32  *char_index;   /* byte offset of each code point, n_chars + 1 */
  GArray   *line_starts;  /* code point offset of each line's start */
  guint32  *simplified_index; /* as char_index for simplified, NULL if equal */

  /*< public >*/
  char      *path;        /* as given, may be NULL for in-memory text */
  char      *name;        /* base name */
  char      *encoding;    /* the detected encoding, e.g. "GB18030" */
  char      *text;        /* UTF-8, BOM removed, line endings as in the file */
  char      *simplified;  /* text in simplified characters, same code points */
  gsize      text_len;    /* bytes */
  guint      n_chars;     /* code points */
  guint64    size;        /* file size in bytes */
  gint64     mtime;       /* modification time, seconds */
  char      *hash;        /* SHA-256 of the file bytes, hex */

  GPtrArray *reports;     /* of LuoshiReport */
  GPtrArray *sections;    /* of LuoshiSection */
  GPtrArray *sentences;   /* of LuoshiSentence */
  GPtrArray *items;       /* of LuoshiItem */
};

#define LUOSHI_TYPE_DOCUMENT (luoshi_document_get_type ())

GType            luoshi_document_get_type   (void) G_GNUC_CONST;

/* Takes the UTF-8 @text (already decoded); computes the simplified form
 * and the code point index. Nothing is segmented yet. */
LuoshiDocument  *luoshi_document_new        (const char     *name,
                                             const char     *text,
                                             gssize          len) G_GNUC_WARN_UNUSED_RESULT;

/* Reads and decodes one file (text, encoding, size, mtime, hash) without
 * analysing it: luoshi_document_analyze() does that. */
LuoshiDocument  *luoshi_document_read       (GFile          *file,
                                             GCancellable   *cancellable,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* Reads, decodes, segments and extracts one file. */
LuoshiDocument  *luoshi_document_load       (GFile          *file,
                                             GCancellable   *cancellable,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* Segments and extracts the text already in @self (replacing any
 * reports, sections, sentences and items it had). */
void             luoshi_document_analyze    (LuoshiDocument *self);

LuoshiDocument  *luoshi_document_ref        (LuoshiDocument *self);
void             luoshi_document_unref      (LuoshiDocument *self);

/* A newly allocated copy of code points [start, end) of the text. */
char            *luoshi_document_slice      (LuoshiDocument *self,
                                             guint           start,
                                             guint           end) G_GNUC_WARN_UNUSED_RESULT;
char            *luoshi_document_slice_simplified (LuoshiDocument *self,
                                             guint           start,
                                             guint           end) G_GNUC_WARN_UNUSED_RESULT;
/* Pointer into text for code point @offset (clamped to the end). */
const char      *luoshi_document_at         (LuoshiDocument *self,
                                             guint           offset);
const char      *luoshi_document_simplified_at (LuoshiDocument *self,
                                             guint           offset);
/* Code point offset of byte @byte_offset of text. */
guint            luoshi_document_offset_of  (LuoshiDocument *self,
                                             gsize           byte_offset);
/* 1-based line of code point @offset. */
guint            luoshi_document_line_at    (LuoshiDocument *self,
                                             guint           offset);

/* The section path ("二、（三）") of section @index, or "" for -1. */
char            *luoshi_document_section_path (LuoshiDocument *self,
                                             int             index) G_GNUC_WARN_UNUSED_RESULT;

LuoshiReport    *luoshi_report_new          (void);
void             luoshi_report_free         (LuoshiReport   *report);
void             luoshi_report_set_period_string (LuoshiReport *report,
                                             const char     *period);
/* "2006", "2011H1", or NULL when unknown. */
char            *luoshi_report_period_string (const LuoshiReport *report) G_GNUC_WARN_UNUSED_RESULT;

LuoshiSection   *luoshi_section_new         (void);
void             luoshi_section_free        (LuoshiSection  *section);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiDocument, luoshi_document_unref)

G_END_DECLS
