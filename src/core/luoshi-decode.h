/* luoshi-decode.h: bytes of a report file to UTF-8 text
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LUOSHI_DECODE_ERROR (luoshi_decode_error_quark ())

typedef enum {
  LUOSHI_DECODE_ERROR_EMPTY,        /* the file has no text */
  LUOSHI_DECODE_ERROR_BINARY,       /* an image, archive or other binary file */
  LUOSHI_DECODE_ERROR_UNSUPPORTED,  /* a document format we cannot read yet */
  LUOSHI_DECODE_ERROR_INVALID,      /* bytes invalid in every candidate encoding */
  LUOSHI_DECODE_ERROR_TOO_LARGE,    /* over the size limit */
  LUOSHI_DECODE_ERROR_UNREADABLE,   /* cannot be opened or read */
} LuoshiDecodeError;

/* Files larger than this are refused rather than read into memory. */
#define LUOSHI_DECODE_MAX_SIZE ((gsize) 64 * 1024 * 1024)

GQuark  luoshi_decode_error_quark (void);

/* Decodes @data (a whole file) to UTF-8: the byte-order mark is removed,
 * line endings are kept as they are. @name is the file's display name,
 * used in error messages. The encoding found is returned in @encoding
 * ("UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5"). */
char   *luoshi_decode_bytes       (const guint8  *data,
                                   gsize          len,
                                   const char    *name,
                                   char         **encoding,
                                   gsize         *out_len,
                                   GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Reads @file (at most @max_size bytes, 0 for the default limit) and
 * decodes it. @bytes_out, if not NULL, receives the raw bytes. */
char   *luoshi_decode_file        (GFile         *file,
                                   gsize          max_size,
                                   char         **encoding,
                                   gsize         *out_len,
                                   GBytes       **bytes_out,
                                   GCancellable  *cancellable,
                                   GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
